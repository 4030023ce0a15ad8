import 'server-only';
import type { Kysely } from 'kysely';
import type { LookupResult } from '@/lib/contracts/failure';
import { parseContractsQuery } from '@/lib/contracts/search-input';
import { recordLookup } from '@/lib/operations/server/metrics';
import type { Actor } from '@/lib/schools/roles';
import { type LookupScope, lookupScope } from '@/lib/schools/scope';
import { findPlan } from '@/lib/schools/server/directory';
import { getStore } from '@/lib/server/db/database';
import type { Database } from '@/lib/server/db/schema';
import { answerRecorded, asked, overLookupLimit } from './audited';
import { lookupContracts } from './lookup';

function askedNumber(input: unknown, field: string): number | null {
  const text = asked(input, field);
  if (text === null || text.trim() === '') return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

/** Why the lookup was made: a page on screen, or one page of a CSV export. */
export type LookupPurpose = 'lookup' | 'export';

/**
 * Whether this staff member may look up the plan asked for, read from the database now (a plan or
 * school archived a moment ago is refused). An input that is no search at all is left for the
 * lookup to refuse as such.
 */
async function scopeOf(db: Kysely<Database>, staff: Actor, input: unknown): Promise<LookupScope | null> {
  const parsed = parseContractsQuery(input);
  if (!parsed.ok) return null;
  return lookupScope(staff, await findPlan(db, parsed.query.plan_id));
}

/**
 * A lookup by a signed-in staff member: within their per-minute limit and their schools,
 * performed, and recorded in the audit trail (with the plan's school) whatever its outcome. A
 * plan outside their schools is refused before anything is sent to WeChat. If the record cannot
 * be written the answer is withheld: no lookup without a trace.
 */
export async function lookupContractsAs(
  staff: Actor,
  input: unknown,
  clientIp: string | null,
  purpose: LookupPurpose = 'lookup',
  /** Aborted when the clerk no longer waits (a cancelled export): WeChat's call ends too. */
  signal?: AbortSignal,
): Promise<LookupResult> {
  const startedAt = performance.now();
  const { db } = await getStore();
  const limited = await overLookupLimit(db, staff);
  const scope = await scopeOf(db, staff, input);
  let result: LookupResult;
  if (limited) result = { ok: false, error: { kind: 'staff_rate_limited' } };
  else if (scope && !scope.ok) result = { ok: false, error: { kind: scope.refusal } };
  else result = await lookupContracts(input, signal);
  result = await answerRecorded(
    db,
    {
      at: Date.now(),
      user_id: staff.userId,
      username: staff.username,
      action: purpose,
      openid: asked(input, 'openid'),
      plan_id: asked(input, 'plan_id'),
      contract_status: asked(input, 'contract_status'),
      offset: askedNumber(input, 'offset'),
      limit: askedNumber(input, 'limit'),
      outcome: result.ok ? 'ok' : result.error.kind,
      result_count: result.ok ? result.page.rows.length : null,
      error_code: result.ok ? null : (result.error.code ?? null),
      request_id: (result.ok ? result.page.requestId : result.error.requestId) ?? null,
      client_ip: clientIp,
      school_key: scope?.schoolKey ?? null,
    },
    result,
    { ok: false, error: { kind: 'internal' } },
  );
  recordLookup(purpose, result, startedAt);
  return result;
}
