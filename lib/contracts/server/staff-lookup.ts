import 'server-only';
import type { Kysely } from 'kysely';
import { appendAudit } from '@/lib/audit/server/store';
import type { LookupResult } from '@/lib/contracts/failure';
import { parseContractsQuery } from '@/lib/contracts/search-input';
import { recordLookup } from '@/lib/operations/server/metrics';
import type { Actor } from '@/lib/schools/roles';
import { type LookupScope, lookupScope } from '@/lib/schools/scope';
import { findPlan } from '@/lib/schools/server/directory';
import { getStore } from '@/lib/server/db/database';
import type { Database } from '@/lib/server/db/schema';
import { logger } from '@/lib/server/logger';
import { countHit } from '@/lib/server/rate-limit';
import { getSettings } from '@/lib/settings/settings';
import { lookupContracts } from './lookup';

const MINUTE_MS = 60_000;
const AUDITED_TEXT_MAX = 200;

/**
 * What was asked, as given: a refused input is recorded too, cut to a sane length. A forged call
 * can send an object whose toString is no function: objects are written as JSON, never asked to
 * turn themselves into text.
 */
function asked(input: unknown, field: string): string | null {
  const value = (input as Record<string, unknown> | null | undefined)?.[field];
  if (value === undefined || value === null) return null;
  let text: string;
  try {
    text = typeof value === 'object' ? (JSON.stringify(value) ?? '') : String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.slice(0, AUDITED_TEXT_MAX);
}

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
  const { lookupsPerMinute } = getSettings().access;
  const limited = (await countHit(db, `lookup:${staff.userId}`, MINUTE_MS)) > lookupsPerMinute;
  const scope = await scopeOf(db, staff, input);
  let result: LookupResult;
  if (limited) result = { ok: false, error: { kind: 'staff_rate_limited' } };
  else if (scope && !scope.ok) result = { ok: false, error: { kind: scope.refusal } };
  else result = await lookupContracts(input, signal);
  try {
    await appendAudit(db, {
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
    });
  } catch (error) {
    logger.error({ err: String(error) }, 'audit record could not be written; lookup withheld');
    result = { ok: false, error: { kind: 'internal' } };
  }
  recordLookup(purpose, result, startedAt);
  return result;
}
