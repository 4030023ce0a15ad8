import 'server-only';
import type { Kysely } from 'kysely';
import { type ActFacts, actRecord, type PrivilegedAct } from '@/lib/audit/acts';
import { appendAudit } from '@/lib/audit/server/store';
import type { Store } from '@/lib/server/db/database';
import { exclusively } from '@/lib/server/db/exclusive';
import type { Database } from '@/lib/server/db/schema';
import {
  checkPlanId,
  checkPlanName,
  checkSchoolKey,
  checkSchoolName,
  checkWechatSchoolId,
  type SchoolIssue,
} from '../names';
import type { Origin } from '../roles';
import { findPlan, findSchool, type PlanEntry, type School } from './directory';

/**
 * Adding, renaming and archiving schools and plans: provider admins only, each change checked
 * and made in one exclusive transaction together with its audit record. Refusals are values
 * naming the problem (a key of `schools.errors` and its values); nothing is changed then.
 */

export type SchoolRefusal = { ok: false; issue: SchoolIssue; values?: Record<string, string> };
export type SchoolResult<T> = { ok: true; value: T } | SchoolRefusal;

const refuse = (issue: SchoolIssue, values?: Record<string, string>): SchoolRefusal => ({
  ok: false,
  issue,
  ...(values && { values }),
});

export type RecordAct = (act: PrivilegedAct, facts: ActFacts) => Promise<void>;
type Change<T> = (trx: Kysely<Database>, record: RecordAct) => Promise<SchoolResult<T>>;

export const recorder =
  (trx: Kysely<Database>, origin: Origin, at = Date.now()): RecordAct =>
  (act, facts) =>
    appendAudit(trx, actRecord(origin, act, facts, at));

/** Checks the actor is a provider admin, then runs the change exclusively, recording what it does. */
async function asProvider<T>(store: Store, origin: Origin, change: Change<T>): Promise<SchoolResult<T>> {
  if (origin.actor.role !== 'admin') return refuse('notAdmin');
  return exclusively(store, (trx) => change(trx, recorder(trx, origin)));
}

export interface NewSchool {
  key: string;
  name: string;
  wechatSchoolId?: string | null;
}

export async function addSchool(store: Store, origin: Origin, input: NewSchool): Promise<SchoolResult<School>> {
  return asProvider(store, origin, (trx, record) => addSchoolWithin(trx, record, input));
}

/** addSchool's checks and change, inside a caller's exclusive transaction (start-up seeding too). */
export async function addSchoolWithin(
  trx: Kysely<Database>,
  record: RecordAct,
  input: NewSchool,
): Promise<SchoolResult<School>> {
  const key = checkSchoolKey(input.key);
  if (!key.ok) return key;
  const name = checkSchoolName(input.name);
  if (!name.ok) return name;
  const wechatSchoolId = checkWechatSchoolId(input.wechatSchoolId);
  if (!wechatSchoolId.ok) return wechatSchoolId;
  if (await findSchool(trx, key.value)) return refuse('keyTaken', { key: key.value });
  const school: School = {
    key: key.value,
    name: name.value,
    wechatSchoolId: wechatSchoolId.value,
    archivedAt: null,
    createdAt: Date.now(),
  };
  await trx
    .insertInto('school')
    .values({
      key: school.key,
      name: school.name,
      wechat_school_id: school.wechatSchoolId,
      archived_at: null,
      created_at: school.createdAt,
    })
    .execute();
  await record('school_add', { subject: school.key, school: school.key, detail: school.name });
  return { ok: true, value: school };
}

/** A school that is there and in use: what every change below a school needs first. */
async function liveSchool(trx: Kysely<Database>, key: string): Promise<SchoolResult<School>> {
  const school = await findSchool(trx, key);
  if (!school) return refuse('schoolUnknown', { key });
  if (school.archivedAt !== null) return refuse('schoolArchived', { key });
  return { ok: true, value: school };
}

export async function renameSchool(
  store: Store,
  origin: Origin,
  key: string,
  newName: string,
): Promise<SchoolResult<School>> {
  const name = checkSchoolName(newName);
  if (!name.ok) return name;
  return asProvider(store, origin, async (trx, record) => {
    const found = await liveSchool(trx, key);
    if (!found.ok) return found;
    await trx.updateTable('school').set({ name: name.value }).where('key', '=', key).execute();
    await record('school_rename', { subject: key, school: key, detail: `${found.value.name} → ${name.value}` });
    return { ok: true, value: { ...found.value, name: name.value } };
  });
}

/** Sets (or, with null, removes) the school's WeChat school_id. */
export async function setWechatSchoolId(
  store: Store,
  origin: Origin,
  key: string,
  newId: string | null,
): Promise<SchoolResult<School>> {
  const wechatSchoolId = checkWechatSchoolId(newId);
  if (!wechatSchoolId.ok) return wechatSchoolId;
  return asProvider(store, origin, async (trx, record) => {
    const found = await liveSchool(trx, key);
    if (!found.ok) return found;
    await trx.updateTable('school').set({ wechat_school_id: wechatSchoolId.value }).where('key', '=', key).execute();
    const detail = `school_id ${found.value.wechatSchoolId ?? '-'} → ${wechatSchoolId.value ?? '-'}`;
    await record('school_wechat_id', { subject: key, school: key, detail });
    return { ok: true, value: { ...found.value, wechatSchoolId: wechatSchoolId.value } };
  });
}

/**
 * Archives a school: its staff keep their accounts (and the school in their list) but can look
 * up none of its plans any more; its records stay.
 */
export async function archiveSchool(store: Store, origin: Origin, key: string): Promise<SchoolResult<School>> {
  return asProvider(store, origin, async (trx, record) => {
    const found = await liveSchool(trx, key);
    if (!found.ok) return found;
    const archivedAt = Date.now();
    await trx.updateTable('school').set({ archived_at: archivedAt }).where('key', '=', key).execute();
    await record('school_archive', { subject: key, school: key, detail: found.value.name });
    return { ok: true, value: { ...found.value, archivedAt } };
  });
}

export interface NewPlan {
  schoolKey: string;
  planId: string;
  name: string;
}

/** Whether a school already has a plan of this name (archived ones included: names stay unique). */
async function nameTaken(trx: Kysely<Database>, schoolKey: string, name: string): Promise<boolean> {
  const row = await trx
    .selectFrom('plan')
    .select('plan_id')
    .where('school_key', '=', schoolKey)
    .where('name', '=', name)
    .executeTakeFirst();
  return row !== undefined;
}

export async function addPlan(store: Store, origin: Origin, input: NewPlan): Promise<SchoolResult<PlanEntry>> {
  return asProvider(store, origin, (trx, record) => addPlanWithin(trx, record, input));
}

/** addPlan's checks and change, inside a caller's exclusive transaction (start-up seeding too). */
export async function addPlanWithin(
  trx: Kysely<Database>,
  record: RecordAct,
  input: NewPlan,
): Promise<SchoolResult<PlanEntry>> {
  const planId = checkPlanId(input.planId);
  if (!planId.ok) return planId;
  const name = checkPlanName(input.name);
  if (!name.ok) return name;
  const school = await liveSchool(trx, input.schoolKey);
  if (!school.ok) return school;
  const holder = await findPlan(trx, planId.value);
  if (holder) return refuse('planTaken', { planId: planId.value, school: holder.schoolKey });
  if (await nameTaken(trx, input.schoolKey, name.value)) {
    return refuse('planNameTaken', { key: input.schoolKey, name: name.value });
  }
  const createdAt = Date.now();
  await trx
    .insertInto('plan')
    .values({
      plan_id: planId.value,
      school_key: input.schoolKey,
      name: name.value,
      archived_at: null,
      created_at: createdAt,
    })
    .execute();
  await record('plan_add', {
    subject: planId.value,
    planId: planId.value,
    school: input.schoolKey,
    detail: name.value,
  });
  return {
    ok: true,
    value: {
      planId: planId.value,
      name: name.value,
      schoolKey: input.schoolKey,
      schoolName: school.value.name,
      archivedAt: null,
      createdAt,
      planArchived: false,
      schoolArchived: false,
    },
  };
}

/** A plan that is there and in use. */
async function livePlan(trx: Kysely<Database>, planId: string): Promise<SchoolResult<PlanEntry>> {
  const plan = await findPlan(trx, planId);
  if (!plan) return refuse('planUnknown', { planId });
  if (plan.planArchived) return refuse('planArchived', { planId });
  return { ok: true, value: plan };
}

export async function renamePlan(
  store: Store,
  origin: Origin,
  planId: string,
  newName: string,
): Promise<SchoolResult<PlanEntry>> {
  const name = checkPlanName(newName);
  if (!name.ok) return name;
  return asProvider(store, origin, async (trx, record) => {
    const found = await livePlan(trx, planId);
    if (!found.ok) return found;
    const plan = found.value;
    if (plan.name !== name.value && (await nameTaken(trx, plan.schoolKey, name.value))) {
      return refuse('planNameTaken', { key: plan.schoolKey, name: name.value });
    }
    await trx.updateTable('plan').set({ name: name.value }).where('plan_id', '=', planId).execute();
    const detail = `${plan.name} → ${name.value}`;
    await record('plan_rename', { subject: planId, planId, school: plan.schoolKey, detail });
    return { ok: true, value: { ...plan, name: name.value } };
  });
}

/** Archives a plan: no clerk can look it up any more; its id stays its school's. */
export async function archivePlan(store: Store, origin: Origin, planId: string): Promise<SchoolResult<PlanEntry>> {
  return asProvider(store, origin, async (trx, record) => {
    const found = await livePlan(trx, planId);
    if (!found.ok) return found;
    const archivedAt = Date.now();
    await trx.updateTable('plan').set({ archived_at: archivedAt }).where('plan_id', '=', planId).execute();
    await record('plan_archive', { subject: planId, planId, school: found.value.schoolKey, detail: found.value.name });
    return { ok: true, value: { ...found.value, archivedAt, planArchived: true } };
  });
}
