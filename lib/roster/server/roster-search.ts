import 'server-only';
import type { Kysely } from 'kysely';
import type { Database } from '@/lib/server/db/schema';
import { maskPhone } from '../mask-phone';
import type { RosterMatch, RosterSearch } from '../match';
import { MAX_TERMS_PER_ENTRY, normalizeSearchText, prefixUpperBound } from '../search-terms';

const order = new Intl.Collator('zh-CN', { numeric: true });

/** By school, class, student and guardian, as a class list reads. */
function byPlace(a: RosterMatch, b: RosterMatch): number {
  return (
    order.compare(a.schoolName, b.schoolName) ||
    order.compare(a.className ?? '', b.className ?? '') ||
    order.compare(a.studentName, b.studentName) ||
    order.compare(a.guardianName ?? '', b.guardianName ?? '')
  );
}

/**
 * The rows of these schools' directories that `text` finds (a prefix of one of their terms, both in
 * normal form), at most `limit` of them; never a row of another school. One range read of the
 * term index per school, stopped as soon as enough rows are found, then the rows themselves.
 */
export async function searchRoster(
  db: Kysely<Database>,
  schoolKeys: readonly string[],
  text: string,
  limit: number,
): Promise<RosterSearch> {
  const prefix = normalizeSearchText(text);
  if (prefix === '' || schoolKeys.length === 0 || limit < 1) return { matches: [], more: false };
  const bound = prefixUpperBound(prefix);
  let terms = db
    .selectFrom('roster_term')
    .select('entry_id')
    .where('school_key', 'in', schoolKeys)
    .where('term', '>=', prefix);
  if (bound !== null) terms = terms.where('term', '<', bound);
  // A row found by several of its terms is read several times: read enough for limit + 1 rows.
  const found = await terms.limit((limit + 1) * MAX_TERMS_PER_ENTRY).execute();
  const ids = [...new Set(found.map((row) => Number(row.entry_id)))];
  const wanted = ids.slice(0, limit);
  if (wanted.length === 0) return { matches: [], more: false };
  const rows = await db
    .selectFrom('roster_entry')
    .innerJoin('school', 'school.key', 'roster_entry.school_key')
    .select([
      'roster_entry.id',
      'roster_entry.student_name',
      'roster_entry.student_no',
      'roster_entry.class_name',
      'roster_entry.guardian_name',
      'roster_entry.phone',
      'roster_entry.openid',
      'roster_entry.school_key',
      'school.name as school_name',
    ])
    .where('roster_entry.id', 'in', wanted)
    .where('roster_entry.school_key', 'in', schoolKeys)
    .execute();
  const matches = rows.map(
    (row): RosterMatch => ({
      id: Number(row.id),
      studentName: row.student_name,
      studentNo: row.student_no,
      className: row.class_name,
      guardianName: row.guardian_name,
      phone: maskPhone(row.phone),
      openid: row.openid,
      schoolKey: row.school_key,
      schoolName: row.school_name,
    }),
  );
  return { matches: matches.sort(byPlace), more: ids.length > limit };
}
