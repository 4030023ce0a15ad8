import 'server-only';
import type { Kysely } from 'kysely';
import { appendAudit } from '@/lib/audit/server/store';
import { directoryQuerySchema } from '@/lib/contracts/search-input';
import { recordDirectorySearch } from '@/lib/operations/server/metrics';
import type { Actor } from '@/lib/schools/roles';
import { schoolsInScope } from '@/lib/schools/scope';
import { listSchools } from '@/lib/schools/server/directory';
import { getStore } from '@/lib/server/db/database';
import type { Database } from '@/lib/server/db/schema';
import { logger } from '@/lib/server/logger';
import { countHit } from '@/lib/server/rate-limit';
import { getSettings } from '@/lib/settings/settings';
import { validate } from '@/lib/validation/validate';
import type { DirectoryErrorKind, DirectoryResult } from '../directory-result';
import { DIRECTORY_LIMIT } from '../match';
import { searchRoster } from './roster-search';

const MINUTE_MS = 60_000;
const AUDITED_TEXT_MAX = 200;

type Scope = { ok: true; schools: string[] } | { ok: false; kind: DirectoryErrorKind };

/**
 * The schools a search reads, from the database now: the clerk's live schools, or the one asked
 * for when it is one of them (a provider admin: every live school, or the one asked for).
 */
async function scopeOf(db: Kysely<Database>, staff: Actor, school: string | undefined): Promise<Scope> {
  if (staff.role !== 'admin' && staff.schools.length === 0) return { ok: false, kind: 'no_school' };
  const reach = schoolsInScope(staff, await listSchools(db)).map((s) => s.key);
  if (school === undefined) return reach.length > 0 ? { ok: true, schools: reach } : { ok: false, kind: 'no_school' };
  return reach.includes(school) ? { ok: true, schools: [school] } : { ok: false, kind: 'out_of_scope' };
}

/** What was typed, as given (a forged call may send anything): text, cut to a sane length. */
function typed(input: unknown): string | null {
  const value = (input as Record<string, unknown> | null | undefined)?.q;
  if (typeof value !== 'string') return value === undefined || value === null ? null : '(not text)';
  return value.slice(0, AUDITED_TEXT_MAX);
}

/**
 * The audit records of a search: one per school whose rows it showed, with that school's count,
 * so each school's admins see who read their directory; one for the school searched (none when
 * several) when it showed no row or was refused.
 */
function countsBySchool(result: DirectoryResult, scope: Scope, asked: string | undefined): [string | null, number][] {
  if (result.ok && result.matches.length > 0) {
    const counts = new Map<string, number>();
    for (const match of result.matches) counts.set(match.schoolKey, (counts.get(match.schoolKey) ?? 0) + 1);
    return [...counts];
  }
  const school = scope.ok && scope.schools.length === 1 ? scope.schools[0] : (asked ?? null);
  return [[school, 0]];
}

/**
 * A directory search by a signed-in staff member: within the per-minute limit they have for
 * lookups (the same count: both read personal data), within their schools, and recorded in the
 * audit trail whatever its outcome. If the record cannot be written the answer is withheld.
 */
export async function searchDirectoryAs(
  staff: Actor,
  input: unknown,
  clientIp: string | null,
): Promise<DirectoryResult> {
  const startedAt = performance.now();
  const { db } = await getStore();
  const { lookupsPerMinute } = getSettings().access;
  const limited = (await countHit(db, `lookup:${staff.userId}`, MINUTE_MS)) > lookupsPerMinute;
  const parsed = validate(directoryQuerySchema, input);
  const asked = parsed.success ? parsed.data.school : undefined;
  const scope: Scope = parsed.success ? await scopeOf(db, staff, asked) : { ok: false, kind: 'invalid_input' };
  let result: DirectoryResult;
  if (limited) result = { ok: false, error: { kind: 'staff_rate_limited' } };
  else if (!scope.ok) result = { ok: false, error: { kind: scope.kind } };
  else if (!parsed.success) result = { ok: false, error: { kind: 'invalid_input' } };
  else {
    const found = await searchRoster(db, scope.schools, parsed.data.q, DIRECTORY_LIMIT);
    result = { ok: true, severalSchools: scope.schools.length > 1, ...found };
  }
  try {
    for (const [school, count] of countsBySchool(result, scope, asked)) {
      await appendAudit(db, {
        at: Date.now(),
        user_id: staff.userId,
        username: staff.username,
        action: 'directory_search',
        subject: typed(input),
        outcome: result.ok ? 'ok' : result.error.kind,
        result_count: result.ok ? count : null,
        client_ip: clientIp,
        school_key: school,
        openid: null,
        plan_id: null,
        contract_status: null,
        offset: null,
        limit: null,
        error_code: null,
        request_id: null,
      });
    }
  } catch (error) {
    logger.error({ err: String(error) }, 'audit record could not be written; directory search withheld');
    result = { ok: false, error: { kind: 'internal' } };
  }
  recordDirectorySearch(result.ok ? 'ok' : result.error.kind, startedAt);
  return result;
}
