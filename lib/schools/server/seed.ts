import 'server-only';
import type { Kysely } from 'kysely';
import type { NamedPlan } from '@/lib/contracts/plans';
import type { Store } from '@/lib/server/db/database';
import { exclusively } from '@/lib/server/db/exclusive';
import type { Database } from '@/lib/server/db/schema';
import { logger } from '@/lib/server/logger';
// The stored name is data in the deployment's language, not text of the page's.
import catalog from '@/messages/zh-CN.json';
import { SETTINGS } from '../roles';
import { findSchool } from './directory';
import { addPlanWithin, addSchoolWithin, type NewSchool, type RecordAct, recorder } from './school-service';

/** The school WECHATPAY_PLANS makes: a single-school deployment's own. */
export const DEFAULT_SCHOOL = { key: 'default', name: catalog.schools.defaultName } as const;

/** What the seeding did, for the start-up log. */
export interface SeedReport {
  created: boolean;
  plansAdded: string[];
  /** Plans left as they are: another school holds the id, or this one gives the name to another plan. */
  plansSkipped: { planId: string; why: string }[];
  /** Staff and school admins with no school, given this one when it was created. */
  staffAssigned: string[];
}

/** Staff and school admins (any role but admin) who work for no school. */
async function staffWithoutSchool(trx: Kysely<Database>): Promise<{ id: string; username: string }[]> {
  const rows = await trx
    .selectFrom('user')
    .select(['id', 'username', 'name'])
    .where((eb) => eb.or([eb('role', 'is', null), eb('role', '!=', 'admin')]))
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('staff_school').select('user_id').whereRef('user_id', '=', 'user.id'))),
    )
    .orderBy('username')
    .execute();
  return rows.map((row) => ({ id: row.id, username: row.username ?? row.name }));
}

/**
 * WECHATPAY_PLANS for a single-school deployment: the school `default` (本校) is made with those
 * plans when it does not exist, and only then is every staff member and school admin without a
 * school given it, so an upgrade keeps them working. Later starts add plans that are missing;
 * nothing is ever removed or renamed (the admins may have changed it since). One exclusive
 * transaction, so instances starting together seed once; each change has its audit record.
 */
export async function seedSchoolPlans(store: Store, plans: readonly NamedPlan[]): Promise<SeedReport> {
  return exclusively(store, async (trx) => {
    const record = recorder(trx, SETTINGS);
    const school = DEFAULT_SCHOOL.key;
    const report: SeedReport = { ...(await ensureSchoolWithin(trx, record, DEFAULT_SCHOOL, plans)), staffAssigned: [] };
    if (report.created) {
      for (const person of await staffWithoutSchool(trx)) {
        await trx.insertInto('staff_school').values({ user_id: person.id, school_key: school }).execute();
        await record('account_schools', { subject: person.username, school, detail: `- → ${school}` });
        report.staffAssigned.push(person.username);
      }
    }
    return report;
  });
}

/**
 * A school with these plans, made or completed inside a caller's exclusive transaction: the
 * school is made when missing, missing plans are added, nothing is removed or renamed.
 */
export async function ensureSchoolWithin(
  trx: Kysely<Database>,
  record: RecordAct,
  school: NewSchool,
  plans: readonly NamedPlan[],
): Promise<Omit<SeedReport, 'staffAssigned'>> {
  const report: Omit<SeedReport, 'staffAssigned'> = { created: false, plansAdded: [], plansSkipped: [] };
  if (!(await findSchool(trx, school.key))) {
    const added = await addSchoolWithin(trx, record, school);
    if (!added.ok) throw new Error(`the school ${school.key} could not be made: ${added.issue}`);
    report.created = true;
  }
  for (const plan of plans) {
    const added = await addPlanWithin(trx, record, { schoolKey: school.key, planId: plan.planId, name: plan.name });
    if (added.ok) report.plansAdded.push(plan.planId);
    // Already this school's: nothing to say.
    else if (added.values?.school !== school.key) {
      report.plansSkipped.push({ planId: plan.planId, why: `${added.issue} ${JSON.stringify(added.values ?? {})}` });
    }
  }
  return report;
}

/**
 * At start: seeds from WECHATPAY_PLANS when it is set, and says in the log what it did. Without
 * it, staff who have no school can look nothing up: the log says how many, and what to do.
 */
export async function applySchoolSettings(store: Store, plans: readonly NamedPlan[] | null): Promise<void> {
  if (plans) {
    const report = await seedSchoolPlans(store, plans);
    const school = DEFAULT_SCHOOL.key;
    if (report.created) {
      logger.info(
        { school, plans: report.plansAdded, staffAssigned: report.staffAssigned },
        'school created from WECHATPAY_PLANS; staff without a school now work for it',
      );
    } else if (report.plansAdded.length > 0) {
      logger.info({ school, plans: report.plansAdded }, 'plans added from WECHATPAY_PLANS');
    }
    for (const skipped of report.plansSkipped) {
      logger.warn({ school, ...skipped }, 'a plan of WECHATPAY_PLANS was not added');
    }
    return;
  }
  const waiting = await staffWithoutSchool(store.db);
  if (waiting.length > 0) {
    logger.warn(
      { staff: waiting.map((person) => person.username) },
      'staff without a school can look nothing up until an admin gives them one (npm run admin -- user schools USERNAME --school KEY)',
    );
  }
}
