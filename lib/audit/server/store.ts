import 'server-only';
import { type Kysely, sql } from 'kysely';
import type { AuditFilter, AuditRecord, NewAuditRecord } from '@/lib/audit/record';
import type { Database } from '@/lib/server/db/schema';

/** Appends one record. The app offers no way to change or remove one, and the database refuses to. */
export async function appendAudit(db: Kysely<Database>, record: NewAuditRecord): Promise<void> {
  await db.insertInto('audit_log').values(record).execute();
}

/** The records a filter selects; listing and export add their order and bounds. */
export function filtered(db: Kysely<Database>, filter: AuditFilter) {
  let query = db.selectFrom('audit_log');
  if (filter.username) query = query.where('username', '=', filter.username);
  if (filter.openid) query = query.where('openid', '=', filter.openid);
  if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('at', '<', filter.to);
  if (filter.schools !== undefined) {
    query =
      filter.schools.length > 0 ? query.where('school_key', 'in', filter.schools) : query.where(sql<boolean>`1 = 0`);
  }
  return query;
}

/** One page of records, newest first, and how many match in all. */
export async function listAudit(
  db: Kysely<Database>,
  filter: AuditFilter,
  page: { offset: number; limit: number },
): Promise<{ records: AuditRecord[]; total: number }> {
  const [records, count] = await Promise.all([
    filtered(db, filter)
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    filtered(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { records, total: Number(count.total) };
}

/** A staff member's newest records, for their recent searches (served by the user/time index). */
export async function latestAuditOf(db: Kysely<Database>, userId: string, count: number): Promise<AuditRecord[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(count)
    .execute();
}
