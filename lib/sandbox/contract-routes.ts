import type { IncomingMessage, ServerResponse } from 'node:http';
import { droppedByFault, ENDS_WELL, type RouteContext, sendAsFaultSays } from './fault-answers';
import { faultFor } from './faults';
import { type ListingParams, listContracts } from './listing';
import { type Refusal, sendError } from './responses';
import { DEMO_PARENTS, DEMO_PLANS } from './seed';

/** `GET /v3/eduschoolpay/users/{openid}/contracts`, and the faults its reserved openids choose. */

const BORROWED_PARENT = DEMO_PARENTS[1];
/** The plan the one-plan-down fault fails in (校车费): an all-plans search shows one group failing. */
const FAILING_PLAN = DEMO_PLANS[1].planId;

function params(url: URL, openid: string): ListingParams | Refusal {
  const q = url.searchParams;
  const planId = q.get('plan_id') ?? '';
  const status = q.get('contract_status') ?? '';
  const offset = Number(q.get('offset') ?? '0');
  const limit = Number(q.get('limit') ?? '20');
  const paramError = (message: string): Refusal => ({ status: 400, code: 'PARAM_ERROR', message });
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(openid)) return paramError('openid 格式错误');
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(planId)) return paramError('plan_id 格式错误');
  if (status !== 'ADD' && status !== 'DELETE' && status !== 'ALL') return paramError('contract_status 取值错误');
  if (!Number.isInteger(limit) || limit < 1 || limit > 40) return paramError('limit 取值应为 1 到 40');
  if (!Number.isInteger(offset) || offset < 0 || offset % limit !== 0) return paramError('offset 应为 limit 的整数倍');
  return { openid, planId, status, offset, limit };
}

/** A path segment as sent, decoded; left as it is when its %-escapes are malformed. */
export function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // malformed %-escapes: refused by the route's own rule for the id
  }
}

export async function answerContracts(
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
  url: URL,
  encodedOpenid: string,
  ctx: RouteContext,
): Promise<void> {
  const openid = decode(encodedOpenid);
  const fault = faultFor(openid)?.name;
  if (droppedByFault(req, fault, ctx)) return;

  const refused = ctx.check(req);
  if (refused) return sendError(res, id, refused);
  const listing = params(url, openid);
  if ('code' in listing) return sendError(res, id, listing);

  const body = JSON.stringify(listContracts(listing, fault && ENDS_WELL.has(fault) ? BORROWED_PARENT : undefined));
  if (fault === 'one-plan-down' && listing.planId === FAILING_PLAN) {
    return sendError(res, id, { status: 500, code: 'SYSTEM_ERROR', message: '系统错误' });
  }
  return sendAsFaultSays(req, res, id, ctx, fault, {
    key: openid,
    body,
    // A fault openid has no contracts of its own: the tampered answer claims one.
    tamper: (text) => text.replace('"total_count":0', '"total_count":1'),
    numericIds: () => {
      // Written by hand: JSON.stringify could not produce a 20-digit number intact.
      const borrowed = JSON.stringify(listContracts(listing, DEMO_PARENTS[0]));
      return borrowed.replace(/"contract_id":"(\d+)"/g, '"contract_id":$1');
    },
    wrongShape: () => JSON.stringify({ data: {}, offset: listing.offset, limit: listing.limit, total_count: 0 }),
  });
}
