import type { Actor, Role } from './roles';

/**
 * What each actor reaches, as pure rules: the server enforces them on every lookup, every audit
 * page and export, and every account change; the I/O around them only reads the facts.
 */

type Reach = Pick<Actor, 'role' | 'schools'>;

/** Where a plan id sits, as the database says; no place when no school holds it. */
export interface PlanPlace {
  schoolKey: string;
  planArchived: boolean;
  schoolArchived: boolean;
}

export type LookupRefusal = 'out_of_scope' | 'no_school';

/** Whether a plan may be looked up, and the school its audit record names (the plan's, if any). */
export type LookupScope =
  | { ok: true; schoolKey: string | null }
  | { ok: false; refusal: LookupRefusal; schoolKey: string | null };

/**
 * A provider admin may look up any plan id, even one no school holds (as before schools). Staff
 * and school admins only the live plans of their own live schools; with no school at all they
 * are told so, since only an admin can help.
 */
export function lookupScope(actor: Reach, place: PlanPlace | undefined): LookupScope {
  const schoolKey = place?.schoolKey ?? null;
  if (actor.role === 'admin') return { ok: true, schoolKey };
  if (actor.schools.length === 0) return { ok: false, refusal: 'no_school', schoolKey };
  const allowed =
    place !== undefined && !place.planArchived && !place.schoolArchived && actor.schools.includes(place.schoolKey);
  return allowed ? { ok: true, schoolKey } : { ok: false, refusal: 'out_of_scope', schoolKey };
}

/** The plans an actor may pick from (the search form's choices): live ones within reach. */
export function plansInScope<P extends PlanPlace>(actor: Reach, plans: readonly P[]): P[] {
  return plans.filter((plan) => !plan.planArchived && !plan.schoolArchived && lookupScope(actor, plan).ok);
}

/** The live schools an actor works in (a provider admin: all of them). */
export function schoolsInScope<S extends { key: string; archivedAt: number | null }>(
  actor: Reach,
  schools: readonly S[],
): S[] {
  return schools.filter(
    (school) => school.archivedAt === null && (actor.role === 'admin' || actor.schools.includes(school.key)),
  );
}

/** Whose audit records an actor may read and export: everyone's, their schools', or none. */
export type AuditScope = { kind: 'all' } | { kind: 'schools'; schools: readonly string[] };

export function auditScope(actor: Reach): AuditScope | null {
  if (actor.role === 'admin') return { kind: 'all' };
  if (actor.role === 'school_admin') return { kind: 'schools', schools: [...actor.schools] };
  return null;
}

/**
 * The schools a listing is limited to (undefined: no limit), given the school asked for. A school
 * admin asking for another school gets none of its records, and records of no school stay the
 * provider's.
 */
export function auditSchools(scope: AuditScope, requested?: string): readonly string[] | undefined {
  if (scope.kind === 'all') return requested ? [requested] : undefined;
  if (requested) return scope.schools.includes(requested) ? [requested] : [];
  return scope.schools;
}

/** An account as the rules see it. */
export interface AccountReach {
  role: Role;
  schools: readonly string[];
}

/**
 * Whose account an actor may change, and what they may make of it (checked on the account as it
 * is and as it would be): a provider admin anyone's; a school admin only staff and
 * school admins who work for their schools alone (a clerk shared with another school is the
 * provider's to change, or that school's changes would be made by someone outside it).
 */
export function mayManageAccount(actor: Reach, target: AccountReach): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'school_admin' || target.role === 'admin') return false;
  return target.schools.length > 0 && target.schools.every((school) => actor.schools.includes(school));
}
