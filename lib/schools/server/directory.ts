import 'server-only';
import type { Kysely, Selectable } from 'kysely';
import type { Database, SchoolTable } from '@/lib/server/db/schema';
import type { PlanPlace } from '../scope';

/** The schools and plans as the admin pages, the pickers and the scope rule read them. */

export interface School {
  key: string;
  name: string;
  wechatSchoolId: string | null;
  /** Epoch milliseconds, or null while in use. */
  archivedAt: number | null;
  createdAt: number;
}

export interface PlanEntry extends PlanPlace {
  planId: string;
  name: string;
  schoolName: string;
  archivedAt: number | null;
  createdAt: number;
}

const asNumber = (value: number | string | null): number | null => (value === null ? null : Number(value));

type SchoolRow = Selectable<SchoolTable>;

function toSchool(row: SchoolRow): School {
  return {
    key: row.key,
    name: row.name,
    wechatSchoolId: row.wechat_school_id,
    archivedAt: asNumber(row.archived_at),
    createdAt: Number(row.created_at),
  };
}

/** Every school, archived ones included, by key. */
export async function listSchools(db: Kysely<Database>): Promise<School[]> {
  return (await db.selectFrom('school').selectAll().orderBy('key').execute()).map(toSchool);
}

export async function findSchool(db: Kysely<Database>, key: string): Promise<School | undefined> {
  const row = await db.selectFrom('school').selectAll().where('key', '=', key).executeTakeFirst();
  return row && toSchool(row);
}

function plans(db: Kysely<Database>) {
  return db
    .selectFrom('plan')
    .innerJoin('school', 'school.key', 'plan.school_key')
    .select([
      'plan.plan_id',
      'plan.name',
      'plan.school_key',
      'plan.archived_at',
      'plan.created_at',
      'school.name as school_name',
      'school.archived_at as school_archived_at',
    ]);
}

type PlanRow = Awaited<ReturnType<ReturnType<typeof plans>['executeTakeFirstOrThrow']>>;

function toPlanEntry(row: PlanRow): PlanEntry {
  return {
    planId: row.plan_id,
    name: row.name,
    schoolKey: row.school_key,
    schoolName: row.school_name,
    archivedAt: asNumber(row.archived_at),
    createdAt: Number(row.created_at),
    planArchived: row.archived_at !== null,
    schoolArchived: row.school_archived_at !== null,
  };
}

/** Every plan (of one school, if given), archived ones included, by school then name. */
export async function listPlans(db: Kysely<Database>, schoolKey?: string): Promise<PlanEntry[]> {
  let query = plans(db);
  if (schoolKey !== undefined) query = query.where('plan.school_key', '=', schoolKey);
  const rows = await query.orderBy('plan.school_key').orderBy('plan.name').execute();
  return rows.map(toPlanEntry);
}

/** The plan with this id, wherever it is, or undefined when no school holds it. */
export async function findPlan(db: Kysely<Database>, planId: string): Promise<PlanEntry | undefined> {
  const row = await plans(db).where('plan.plan_id', '=', planId).executeTakeFirst();
  return row && toPlanEntry(row);
}

/** The keys of the schools a person works for, read afresh (a change applies at their next request). */
export async function schoolKeysOf(db: Kysely<Database>, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('staff_school')
    .select('school_key')
    .where('user_id', '=', userId)
    .orderBy('school_key')
    .execute();
  return rows.map((row) => row.school_key);
}
