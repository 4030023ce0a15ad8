import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { faultFor } from './faults';
import { type ListingParams, listContracts } from './listing';
import { signError, signedMessageOf } from './request-checks';
import { type Refusal, type Signing, sendError, sendSigned, sendUnsigned } from './responses';
import { DEMO_PARENTS, DEMO_PLANS } from './seed';

/** `GET /v3/eduschoolpay/users/{openid}/contracts`, and the faults its reserved openids choose. */

/** Faults a resilient client gets through: they answer with 李先生's contracts so rows show. */
const ENDS_WELL = new Set(['system-error-once', 'primary-down', 'slow', 'one-plan-down']);
const BORROWED_PARENT = DEMO_PARENTS[1];
/** The plan the one-plan-down fault fails in (校车费): an all-plans search shows one group failing. */
const FAILING_PLAN = DEMO_PLANS[1].planId;

export type Host = 'primary' | 'backup';

/** What one host shares with the other for this route. */
export interface ContractsContext {
  host: Host;
  now(): number;
  check(req: IncomingMessage): Refusal | null;
  /** The public key when the request asks for it by `Wechatpay-Serial`, else the newest certificate. */
  signingFor(req: IncomingMessage): Signing;
  /** A key no client can know, for the unknown-serial fault. */
  strangerKey(): Promise<Signing['key']>;
  /** Counts this openid's requests across both hosts; returns the new count. */
  hit(openid: string): number;
  /** Runs `answer` after the slow fault's delay, unless the connection or the sandbox closes first. */
  later(res: ServerResponse, answer: () => void): void;
}

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

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // malformed %-escapes: refused by the openid rule below
  }
}

export async function answerContracts(
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
  url: URL,
  encodedOpenid: string,
  ctx: ContractsContext,
): Promise<void> {
  const openid = decode(encodedOpenid);
  const fault = faultFor(openid)?.name;
  // A network failure: WeChat never sees the request, so nothing is checked or answered.
  if (fault === 'primary-down' && ctx.host === 'primary') {
    req.socket.destroy();
    return;
  }

  const refused = ctx.check(req);
  if (refused) return sendError(res, id, refused);
  const listing = params(url, openid);
  if ('code' in listing) return sendError(res, id, listing);

  const signing = ctx.signingFor(req);
  const now = ctx.now();
  const body = JSON.stringify(listContracts(listing, fault && ENDS_WELL.has(fault) ? BORROWED_PARENT : undefined));
  const signed = (text: string) => sendSigned(res, id, text, signing, now);

  switch (fault) {
    case 'system-error':
      return sendError(res, id, { status: 500, code: 'SYSTEM_ERROR', message: '系统错误' });
    case 'one-plan-down':
      if (listing.planId === FAILING_PLAN)
        return sendError(res, id, { status: 500, code: 'SYSTEM_ERROR', message: '系统错误' });
      return signed(body);
    case 'system-error-once':
      if (ctx.hit(openid) % 2 === 1)
        return sendError(res, id, { status: 500, code: 'SYSTEM_ERROR', message: '系统错误' });
      return signed(body);
    case 'rate-limited':
      return sendError(res, id, { status: 429, code: 'FREQUENCY_LIMITED', message: '请求频率超过限制' });
    case 'sign-error':
      return sendError(res, id, signError(signedMessageOf(req)));
    case 'no-auth':
      return sendError(res, id, { status: 403, code: 'NO_AUTH', message: '商户无权限' });
    case 'not-found':
      return sendError(res, id, { status: 404, code: 'RESOURCE_NOT_EXISTS', message: '资源不存在' });
    case 'tampered':
      return sendSigned(res, id, body, signing, now, {
        tamper: (text) => text.replace('"total_count":0', '"total_count":1'),
      });
    case 'signature-probe':
      return sendSigned(res, id, body, signing, now, {
        signature: `WECHATPAY/SIGNTEST/${randomBytes(24).toString('base64')}`,
      });
    case 'unsigned':
      return sendUnsigned(res, id, body);
    case 'stale-timestamp':
      return sendSigned(res, id, body, signing, now, { timestamp: now - 600 });
    case 'unknown-serial': {
      const madeUp = signing.serial.startsWith('PUB_KEY_ID_')
        ? `PUB_KEY_ID_01${randomBytes(12).toString('hex').toUpperCase()}`
        : randomBytes(20).toString('hex').toUpperCase();
      return sendSigned(res, id, body, { key: await ctx.strangerKey(), serial: madeUp }, now);
    }
    case 'malformed-json':
      return signed('{"data":[');
    case 'numeric-ids': {
      // Written by hand: JSON.stringify could not produce a 20-digit number intact.
      const borrowed = JSON.stringify(listContracts(listing, DEMO_PARENTS[0]));
      return signed(borrowed.replace(/"contract_id":"(\d+)"/g, '"contract_id":$1'));
    }
    case 'data-not-array':
      return signed(JSON.stringify({ data: {}, offset: listing.offset, limit: listing.limit, total_count: 0 }));
    case 'slow':
      return ctx.later(res, () => sendSigned(res, id, body, signing, ctx.now()));
    default:
      return signed(body);
  }
}
