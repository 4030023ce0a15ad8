import 'server-only';
import type { Kysely } from 'kysely';
import { CONTRACT_LOOKUP } from '@/lib/audit/acts';
import type { NewAuditRecord } from '@/lib/audit/record';
import { contractAnswerSchema } from '@/lib/contracts/answer';
import { type ContractLookupResult, foundContract } from '@/lib/contracts/contract-found';
import { describeFailure, type LookupError, type LookupErrorKind } from '@/lib/contracts/failure';
import { contractRequest } from '@/lib/contracts/request';
import { type ContractIdQuery, contractIdQuerySchema } from '@/lib/contracts/search-input';
import type { ContractRow } from '@/lib/contracts/view';
import { getGateway } from '@/lib/gateway/gateway';
import { type LookupOutcome, recordLookup } from '@/lib/operations/server/metrics';
import type { Actor } from '@/lib/schools/roles';
import { lookupScope } from '@/lib/schools/scope';
import { findPlan } from '@/lib/schools/server/directory';
import { getStore } from '@/lib/server/db/database';
import type { Database } from '@/lib/server/db/schema';
import { logger } from '@/lib/server/logger';
import { validate } from '@/lib/validation/validate';
import { answerRecorded, asked, overLookupLimit } from './audited';

type Fetched = { ok: true; row: ContractRow; requestId: string | null } | { ok: false; error: LookupError };

/** The signed call and the verified answer's shape; never throws. */
async function fetchContract(query: ContractIdQuery): Promise<Fetched> {
  try {
    const { client } = await getGateway();
    const { path, params } = contractRequest(query);
    const answer = await client.get(path, params);
    const shape = validate(contractAnswerSchema, answer.json);
    const row = shape.success ? foundContract(shape.data, query) : null;
    if (!row) {
      logger.warn({ requestId: answer.requestId }, 'wechatpay contract answer has an unexpected shape');
      return { ok: false, error: { kind: 'malformed', status: answer.status, requestId: answer.requestId } };
    }
    return { ok: true, row, requestId: answer.requestId ?? null };
  } catch (error) {
    const failure = describeFailure(error);
    if (failure.kind === 'internal') logger.error({ err: String(error) }, 'contract lookup failed');
    return { ok: false, error: failure };
  }
}

/** How the lookup ended: what the clerk is answered, and what the audit record says. */
interface Ending {
  result: ContractLookupResult;
  /** Not found and out of scope answer alike (no contract) and are recorded apart. */
  outcome: 'ok' | LookupErrorKind;
  code?: string;
  requestId?: string | null;
  /** Only for a contract within the clerk's reach: whose it is and under which plan. */
  found?: ContractRow;
  schoolKey?: string | null;
}

const refused = (error: LookupError): Ending => ({
  result: { ok: false, error },
  outcome: error.kind,
  code: error.code,
  requestId: error.requestId,
});
const NONE = { ok: true, contract: null } as const;

/**
 * The contract's plan decides whether the clerk may see it, as the database says now. A contract
 * outside their schools (or, for staff and school admins, of a plan no school holds) is answered
 * exactly like an unknown number, and recorded as refused.
 */
async function judged(db: Kysely<Database>, staff: Actor, fetched: Fetched): Promise<Ending> {
  if (!fetched.ok) {
    const { error } = fetched;
    return error.kind === 'not_found'
      ? { result: NONE, outcome: 'not_found', code: error.code, requestId: error.requestId }
      : refused(error);
  }
  const { row, requestId } = fetched;
  const scope = lookupScope(staff, row.planId ? await findPlan(db, row.planId) : undefined);
  if (!scope.ok) return { result: NONE, outcome: scope.refusal, requestId, schoolKey: scope.schoolKey };
  return { result: { ok: true, contract: row }, outcome: 'ok', requestId, found: row, schoolKey: scope.schoolKey };
}

async function lookUp(db: Kysely<Database>, staff: Actor, input: unknown): Promise<Ending> {
  if (await overLookupLimit(db, staff)) return refused({ kind: 'staff_rate_limited' });
  const parsed = validate(contractIdQuerySchema, input);
  if (!parsed.success) return refused({ kind: 'invalid_input' });
  // A clerk with no school can reach no plan: nothing is worth asking WeChat.
  const reach = lookupScope(staff, undefined);
  if (!reach.ok && reach.refusal === 'no_school') return refused({ kind: 'no_school' });
  return judged(db, staff, await fetchContract(parsed.data));
}

function auditRecord(staff: Actor, input: unknown, clientIp: string | null, ending: Ending): NewAuditRecord {
  return {
    at: Date.now(),
    user_id: staff.userId,
    username: staff.username,
    action: CONTRACT_LOOKUP,
    subject: asked(input, 'contract_id'),
    openid: ending.found?.openid ?? null,
    plan_id: ending.found?.planId ?? null,
    contract_status: null,
    offset: null,
    limit: null,
    outcome: ending.outcome,
    result_count: ending.found ? 1 : null,
    error_code: ending.code ?? null,
    request_id: ending.requestId ?? null,
    client_ip: clientIp,
    school_key: ending.schoolKey ?? null,
  };
}

/**
 * One contract by its 签约协议号, for a signed-in staff member: within their per-minute limit,
 * validated before anything is sent, the answer's plan checked against their schools, and recorded
 * in the audit trail whatever the outcome (the answer is withheld if the record cannot be written).
 */
export async function lookupContractAs(
  staff: Actor,
  input: unknown,
  clientIp: string | null,
): Promise<ContractLookupResult> {
  const startedAt = performance.now();
  const { db } = await getStore();
  const ending = await lookUp(db, staff, input);
  const result = await answerRecorded(db, auditRecord(staff, input, clientIp, ending), ending.result, {
    ok: false,
    error: { kind: 'internal' },
  });
  const counted: LookupOutcome =
    !result.ok || ending.outcome === 'ok' ? result : { ok: false, error: { kind: ending.outcome, code: ending.code } };
  recordLookup('contract', counted, startedAt);
  return result;
}
