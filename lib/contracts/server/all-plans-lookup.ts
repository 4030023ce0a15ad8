import 'server-only';
import type { Kysely } from 'kysely';
import { appendAudit } from '@/lib/audit/server/store';
import {
  ALL_PLANS_CONCURRENCY,
  type AllPlansResult,
  allPlansSchool,
  mapBounded,
  planGroups,
  planQuery,
  type SchoolPick,
} from '@/lib/contracts/all-plans';
import type { LookupResult } from '@/lib/contracts/failure';
import type { NamedPlan } from '@/lib/contracts/plans';
import type { AllPlansQuery } from '@/lib/contracts/search-input';
import type { SchoolChoice } from '@/lib/schools/choice';
import type { Actor } from '@/lib/schools/roles';
import { schoolChoicesOf } from '@/lib/schools/server/choices';
import { getStore } from '@/lib/server/db/database';
import type { Database } from '@/lib/server/db/schema';
import { logger } from '@/lib/server/logger';
import { type LookupPurpose, lookupContractsAs } from './staff-lookup';

export type PlansOfSchool = { ok: true; school: SchoolChoice } | Extract<SchoolPick, { ok: false }>;

/**
 * The school whose live plans an all-plans search (or export) goes through, read from the
 * database now: within the staff member's reach only, so a plan of another school is never asked.
 */
export async function plansOfSchool(
  db: Kysely<Database>,
  staff: Actor,
  requested: string | undefined,
): Promise<PlansOfSchool> {
  const choices = await schoolChoicesOf(db, staff);
  const pick = allPlansSchool(
    staff.role,
    choices.map((school) => school.key),
    requested,
  );
  if (!pick.ok) return pick;
  return { ok: true, school: choices.find((school) => school.key === pick.school) as SchoolChoice };
}

/** One plan's first page, as one audited, rate-counted, scope-checked lookup that never rejects. */
async function askPlan(
  staff: Actor,
  query: AllPlansQuery,
  plan: NamedPlan,
  clientIp: string | null,
): Promise<LookupResult> {
  try {
    return await lookupContractsAs(staff, planQuery(query, plan.planId), clientIp);
  } catch (error) {
    // One plan's trouble (its database write, say) is its own group's failure, not the others'.
    logger.error({ err: String(error), planId: plan.planId }, 'all-plans lookup of one plan failed');
    return { ok: false, error: { kind: 'internal' } };
  }
}

/**
 * Records a search of every plan refused before any plan was asked (no school, or a school to
 * choose), as a lookup or an export: every refused search is in the audit trail. False when the
 * record could not be written (the caller then withholds its answer).
 */
export async function recordSchoolRefusal(
  db: Kysely<Database>,
  staff: Actor,
  query: Pick<AllPlansQuery, 'openid' | 'contract_status'> & { limit?: number },
  refusal: string,
  clientIp: string | null,
  purpose: LookupPurpose,
): Promise<boolean> {
  try {
    await appendAudit(db, {
      at: Date.now(),
      user_id: staff.userId,
      username: staff.username,
      action: purpose,
      openid: query.openid,
      plan_id: null,
      contract_status: query.contract_status,
      offset: 0,
      limit: query.limit ?? null,
      outcome: refusal,
      result_count: null,
      error_code: null,
      request_id: null,
      client_ip: clientIp,
      school_key: null,
    });
    return true;
  } catch (error) {
    logger.error({ err: String(error) }, 'audit record could not be written; search withheld');
    return false;
  }
}

/**
 * A parent in every live plan of one school: the school decided here from the clerk's reach
 * and the school asked for, then each plan asked (at most ALL_PLANS_CONCURRENCY at a time) as one
 * lookup of its own through lookupContractsAs. One plan failing leaves the others' rows. A search
 * refused before any plan is asked (no school, or a school to choose) is recorded as such.
 */
export async function lookupAllPlansAs(
  staff: Actor,
  query: AllPlansQuery,
  clientIp: string | null,
): Promise<AllPlansResult> {
  const { db } = await getStore();
  const found = await plansOfSchool(db, staff, query.school);
  if (!found.ok) {
    const recorded = await recordSchoolRefusal(db, staff, query, found.refusal, clientIp, 'lookup');
    return recorded ? found : { ok: false, error: { kind: 'internal' } };
  }
  const { school } = found;
  const results = await mapBounded(school.plans, ALL_PLANS_CONCURRENCY, (plan) =>
    askPlan(staff, query, plan, clientIp),
  );
  return { ok: true, school: { key: school.key, name: school.name }, groups: planGroups(school.plans, results) };
}
