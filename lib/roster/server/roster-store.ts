import 'server-only';
import type { Kysely } from 'kysely';
import type { Database } from '@/lib/server/db/schema';
import type { RosterEntry } from '../entry';
import { searchTermsOf } from '../search-terms';

/**
 * A school's parent directory in the database. An import replaces the whole roster, inside the
 * caller's transaction (the import's audit record shares it): all or nothing.
 */

/** Rows per INSERT: well under SQLite's and PostgreSQL's limits on bound parameters. */
const ROWS_PER_INSERT = 500;
/** Terms per INSERT (three parameters each). */
const TERMS_PER_INSERT = 2_000;

/**
 * Replaces the school's roster with `entries`, with the terms each row can be found by
 * (lib/roster/search-terms.ts); the rows stored. Each row keeps the file's line it came from,
 * lines[i] for entries[i] (a parsed file's own, blank lines counted); without a file, as if
 * entries were a file's rows under its header.
 */
export async function replaceRosterWithin(
  trx: Kysely<Database>,
  schoolKey: string,
  entries: readonly RosterEntry[],
  lines: readonly number[] = entries.map((_, i) => i + 2),
): Promise<number> {
  if (lines.length !== entries.length) throw new Error('a roster needs one line for each entry');
  await deleteRosterWithin(trx, schoolKey);
  for (let start = 0; start < entries.length; start += ROWS_PER_INSERT) {
    const batch = entries.slice(start, start + ROWS_PER_INSERT);
    const rows = batch.map((entry, i) => ({
      school_key: schoolKey,
      line: lines[start + i],
      student_name: entry.studentName,
      openid: entry.openid,
      student_no: entry.studentNo,
      class_name: entry.className,
      guardian_name: entry.guardianName,
      phone: entry.phone,
    }));
    const stored = await trx.insertInto('roster_entry').values(rows).returning(['id', 'line']).execute();
    const idOfLine = new Map(stored.map((row) => [row.line, Number(row.id)]));
    const terms = batch.flatMap((entry, i) => {
      const entryId = idOfLine.get(lines[start + i]) as number;
      return searchTermsOf(entry).map((term) => ({ school_key: schoolKey, term, entry_id: entryId }));
    });
    for (let from = 0; from < terms.length; from += TERMS_PER_INSERT) {
      await trx
        .insertInto('roster_term')
        .values(terms.slice(from, from + TERMS_PER_INSERT))
        .execute();
    }
  }
  return entries.length;
}

/** Deletes the school's roster (its terms first: they refer to its rows); the rows deleted. */
export async function deleteRosterWithin(trx: Kysely<Database>, schoolKey: string): Promise<number> {
  await trx.deleteFrom('roster_term').where('school_key', '=', schoolKey).execute();
  const result = await trx.deleteFrom('roster_entry').where('school_key', '=', schoolKey).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** How many rows the school's roster holds. */
export async function rosterSize(db: Kysely<Database>, schoolKey: string): Promise<number> {
  const row = await db
    .selectFrom('roster_entry')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('school_key', '=', schoolKey)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
