import 'server-only';
import { contractsAnswerSchema } from '@/lib/contracts/answer';
import { describeFailure, type LookupResult } from '@/lib/contracts/failure';
import { contractsRequest } from '@/lib/contracts/request';
import { parseContractsQuery } from '@/lib/contracts/search-input';
import { toContractsPage } from '@/lib/contracts/view';
import { getGateway } from '@/lib/gateway/gateway';
import { logger } from '@/lib/server/logger';
import { validate } from '@/lib/validation/validate';

/**
 * One contracts lookup: validate, perform the signed query, check the verified answer's shape and
 * map it to what the table needs. Never throws: every failure comes back as a LookupError value.
 */
export async function lookupContracts(input: unknown, signal?: AbortSignal): Promise<LookupResult> {
  const parsed = parseContractsQuery(input);
  if (!parsed.ok) return { ok: false, error: { kind: 'invalid_input', fieldErrors: parsed.fieldErrors } };
  try {
    const { client } = await getGateway();
    const { path, params } = contractsRequest(parsed.query);
    const answer = await client.get(path, params, { signal });
    const shape = validate(contractsAnswerSchema, answer.json);
    if (!shape.success) {
      logger.warn({ requestId: answer.requestId }, 'wechatpay answer has an unexpected shape');
      return { ok: false, error: { kind: 'malformed', status: answer.status, requestId: answer.requestId } };
    }
    return { ok: true, page: toContractsPage(shape.data, parsed.query, answer.requestId) };
  } catch (error) {
    const failure = describeFailure(error);
    if (failure.kind === 'internal') logger.error({ err: String(error) }, 'contracts lookup failed');
    return { ok: false, error: failure };
  }
}
