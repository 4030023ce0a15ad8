import 'server-only';
import type { Kysely } from 'kysely';
import type { Database } from '@/lib/server/db/schema';
import type { SchoolChoice } from '../choice';
import type { Actor } from '../roles';
import { plansInScope, schoolsInScope } from '../scope';
import { listPlans, listSchools } from './directory';

/**
 * The schools and plans the search form may offer this actor, read afresh: their live schools
 * (a provider admin: every live school) with the live plans of each. Nothing outside their reach
 * is read into the page, so none of it can reach their browser.
 */
export async function schoolChoicesOf(db: Kysely<Database>, actor: Actor): Promise<SchoolChoice[]> {
  const [schools, plans] = await Promise.all([listSchools(db), listPlans(db)]);
  const reachable = plansInScope(actor, plans);
  return schoolsInScope(actor, schools).map((school) => ({
    key: school.key,
    name: school.name,
    plans: reachable
      .filter((plan) => plan.schoolKey === school.key)
      .map((plan) => ({ planId: plan.planId, name: plan.name })),
  }));
}
