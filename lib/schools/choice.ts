import type { Role } from './roles';

/**
 * Which school's plans the search form offers. The choice lives in the URL (`?school=KEY`):
 * a link can be shared or bookmarked, back and forward work, the server renders the right plans
 * on the first response without a stored preference, and a search URL without it (a recent
 * search, an export link) still lands on the school of its plan.
 */

/** A school the form can offer, with its live plans by name. */
export interface SchoolChoice {
  key: string;
  name: string;
  plans: { planId: string; name: string }[];
}

interface Facts {
  role: Role;
  /** The live schools within reach, in the order offered. */
  schools: readonly string[];
  /** The school asked for in the URL, if any. */
  requested: string | undefined;
  /** The school of the plan id in the URL, if it is within reach. */
  planSchool: string | undefined;
}

/**
 * The school chosen: the one asked for when within reach, else the school of the plan being
 * searched, else the first one. A provider admin with nothing asked for sees every school
 * (null), as they may look up any plan.
 */
export function chosenSchool({ role, schools, requested, planSchool }: Facts): string | null {
  if (requested !== undefined && schools.includes(requested)) return requested;
  if (planSchool !== undefined && schools.includes(planSchool)) return planSchool;
  if (role === 'admin') return null;
  return schools[0] ?? null;
}
