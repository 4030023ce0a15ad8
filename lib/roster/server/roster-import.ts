import 'server-only';
import type { Kysely } from 'kysely';
import type { Translator } from '@/i18n/translator';
import type { Origin } from '@/lib/schools/roles';
import { findSchool } from '@/lib/schools/server/directory';
import { recorder } from '@/lib/schools/server/school-service';
import type { Store } from '@/lib/server/db/database';
import { exclusively } from '@/lib/server/db/exclusive';
import type { Database } from '@/lib/server/db/schema';
import { type ParsedRoster, parseRoster } from '../import/parse-roster';
import { deleteRosterWithin, replaceRosterWithin } from './roster-store';

/**
 * Importing and deleting a school's parent directory (家长名册): a provider admin for any school,
 * a school admin for their own schools, staff never. An import is all or nothing: the file is
 * parsed first (outside any lock), and only a file without a single problem replaces the roster,
 * in one exclusive transaction with its audit record (who, when, file name, rows).
 */

export type RosterRefusal = 'notAllowed' | 'schoolUnknown' | 'schoolArchived';

export type RosterImportResult =
  | { ok: true; rows: number; replaced: number }
  | { ok: false; refused: RosterRefusal }
  | { ok: false; parsed: ParsedRoster };

export type RosterDeleteResult = { ok: true; deleted: number } | { ok: false; refused: RosterRefusal };

/** A refusal in the page's language, naming the school asked for. */
export const refusalText = (t: Translator<'rosterImport'>, refused: RosterRefusal, schoolKey: string) =>
  t(`refused.${refused}`, { school: schoolKey });

/** Whether the actor may change this school's roster (its being there and in use is checked apart). */
export function mayManageRoster(actor: Origin['actor'], schoolKey: string): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'school_admin' && actor.schools.includes(schoolKey);
}

/** A file name as the audit trail keeps it: its last part, on one line, at most 120 characters. */
export function rosterFileName(fileName: string): string {
  const last = fileName.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = last.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean.slice(0, 120) || '-';
}

type Refused = { ok: false; refused: RosterRefusal };

/** Runs `change` exclusively once the school is there and in use; refuses otherwise. */
function inLiveSchool<T>(store: Store, schoolKey: string, change: (trx: Kysely<Database>) => Promise<T>) {
  return exclusively<T | Refused>(store, async (trx) => {
    const school = await findSchool(trx, schoolKey);
    if (!school) return { ok: false, refused: 'schoolUnknown' };
    if (school.archivedAt !== null) return { ok: false, refused: 'schoolArchived' };
    return change(trx);
  });
}

export async function importRoster(
  store: Store,
  origin: Origin,
  schoolKey: string,
  fileName: string,
  bytes: Uint8Array,
): Promise<RosterImportResult> {
  if (!mayManageRoster(origin.actor, schoolKey)) return { ok: false, refused: 'notAllowed' };
  const parsed = await parseRoster(bytes);
  if (parsed.problemCount > 0) return { ok: false, parsed };
  return inLiveSchool(store, schoolKey, async (trx) => {
    const replaced = await deleteRosterWithin(trx, schoolKey);
    const rows = await replaceRosterWithin(trx, schoolKey, parsed.entries, parsed.lines);
    await recorder(trx, origin)('roster_imported', {
      subject: rosterFileName(fileName),
      school: schoolKey,
      detail: `${rows} rows`,
    });
    return { ok: true as const, rows, replaced };
  });
}

export async function deleteRoster(store: Store, origin: Origin, schoolKey: string): Promise<RosterDeleteResult> {
  if (!mayManageRoster(origin.actor, schoolKey)) return { ok: false, refused: 'notAllowed' };
  return inLiveSchool(store, schoolKey, async (trx) => {
    const deleted = await deleteRosterWithin(trx, schoolKey);
    await recorder(trx, origin)('roster_deleted', { subject: schoolKey, school: schoolKey, detail: `${deleted} rows` });
    return { ok: true as const, deleted };
  });
}
