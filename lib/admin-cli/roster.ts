import 'server-only';
import { open } from 'node:fs/promises';
import { MAX_ROSTER_BYTES } from '@/lib/roster/import/limits';
import { problemLine } from '@/lib/roster/import/problems';
import { deleteRoster, importRoster, type RosterRefusal } from '@/lib/roster/server/roster-import';
import type { Origin } from '@/lib/schools/roles';
import type { Store } from '@/lib/server/db/database';
import { explainSchoolIssue } from './explain';
import type { CliOutcome } from './run';

/** `roster import` and `roster delete`: the parent directory from a file, all or nothing. */

function refusal(refused: RosterRefusal, schoolKey: string): CliOutcome {
  return {
    code: 1,
    error:
      refused === 'notAllowed'
        ? `not allowed to change the roster of ${schoolKey}`
        : explainSchoolIssue(refused, { key: schoolKey }),
  };
}

/** The file's bytes, one past the limit at most (the parser says it is too large), or why not. */
async function readUpTo(file: string, limit: number): Promise<Uint8Array | string> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `cannot read ${file}: no such file` : `cannot read ${file}: ${code ?? String(error)}`;
  }
  try {
    const buffer = Buffer.alloc(limit + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead);
  } catch (error) {
    return `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
  } finally {
    await handle.close();
  }
}

export async function rosterImportCommand(
  store: Store,
  origin: Origin,
  schoolKey: string,
  file: string,
): Promise<CliOutcome> {
  const bytes = await readUpTo(file, MAX_ROSTER_BYTES);
  if (typeof bytes === 'string') return { code: 1, error: bytes };
  const result = await importRoster(store, origin, schoolKey, file, bytes);
  if (result.ok) {
    return {
      code: 0,
      out: [`${result.rows} rows imported into the roster of ${schoolKey} (it held ${result.replaced} before)`],
    };
  }
  if ('refused' in result) return refusal(result.refused, schoolKey);
  const { problems, problemCount } = result.parsed;
  const more =
    problemCount > problems.length
      ? [`(${problemCount} problems in all; the first ${problems.length} are listed)`]
      : [];
  return { code: 1, error: [...problems.map(problemLine), ...more, 'nothing was imported'].join('\n') };
}

export async function rosterDeleteCommand(store: Store, origin: Origin, schoolKey: string): Promise<CliOutcome> {
  const result = await deleteRoster(store, origin, schoolKey);
  return result.ok
    ? { code: 0, out: [`roster of ${schoolKey} deleted: ${result.deleted} rows`] }
    : refusal(result.refused, schoolKey);
}
