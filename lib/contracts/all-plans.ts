import { chosenSchool } from '@/lib/schools/choice';
import type { Role } from '@/lib/schools/roles';
import type { LookupError, LookupResult } from './failure';
import type { NamedPlan } from './plans';
import type { AllPlansQuery, ContractsQuery } from './search-input';

/**
 * A parent in every plan of one school (issue 12): the pure part. Which school, which plans in
 * which order, how many asked at once, and the answer grouped by plan.
 */

/** How many of a school's plans are asked at once: not one after another, not a large school at once. */
export const ALL_PLANS_CONCURRENCY = 4;

/** Why no plan was asked: the clerk has no school, or works for several and named none. */
export type AllPlansRefusal = 'no_school' | 'choose_school';

export type SchoolPick = { ok: true; school: string } | { ok: false; refusal: AllPlansRefusal };

/**
 * The school whose plans are searched: the one asked for when within reach (the page's own rule,
 * chosenSchool), else a clerk's only school. A provider admin, or a clerk of several schools,
 * who names none is asked to choose: the server never guesses whose parents to look through.
 */
export function allPlansSchool(role: Role, schools: readonly string[], requested: string | undefined): SchoolPick {
  // A clerk with no school is told only an admin can help; a provider admin has a school to add.
  if (schools.length === 0 && role !== 'admin') return { ok: false, refusal: 'no_school' };
  const chosen = chosenSchool({ role, schools, requested, planSchool: undefined });
  const asked = requested !== undefined && chosen === requested;
  if (chosen !== null && (asked || (role !== 'admin' && schools.length === 1))) return { ok: true, school: chosen };
  return { ok: false, refusal: 'choose_school' };
}

/** The first page of one plan's search, as the single-plan lookup takes it. */
export function planQuery(query: AllPlansQuery, planId: string, offset = 0): ContractsQuery {
  return { openid: query.openid, plan_id: planId, contract_status: query.contract_status, limit: query.limit, offset };
}

/** The all-plans answer's one cache entry per search, for the page's prefetch and the browser alike. */
export function allPlansQueryKey(query: AllPlansQuery) {
  return ['allPlans', query] as const;
}

/** One plan's part of the answer: its own page of rows, or its own failure with WeChat's Request-ID. */
export interface PlanGroup {
  plan: NamedPlan;
  result: LookupResult;
}

export type AllPlansResult =
  | { ok: true; school: { key: string; name: string }; groups: PlanGroup[] }
  | { ok: false; refusal: AllPlansRefusal }
  | { ok: false; error: LookupError };

/** The groups in the school's plan order, whatever order the answers arrived in. */
export function planGroups(plans: readonly NamedPlan[], results: readonly LookupResult[]): PlanGroup[] {
  if (results.length !== plans.length) throw new Error('one result per plan');
  return plans.map((plan, index) => ({ plan, result: results[index] as LookupResult }));
}

/**
 * `work` on every item, at most `bound` at a time, each started as soon as a slot frees; the
 * results in the items' order. A rejection is the caller's to prevent (the lookup returns
 * failures as values); one would reject the whole, after the work in flight.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  bound: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  if (!(bound >= 1)) throw new RangeError('bound must be at least 1');
  const results: R[] = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  }
  await Promise.all(Array.from({ length: Math.min(bound, items.length) }, worker));
  return results;
}
