import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultName } from './faults';
import { signError, signedMessageOf } from './request-checks';
import { type Refusal, type Signing, sendError, sendSigned, sendUnsigned } from './responses';

/** How every route's answer goes wrong when a reserved fault id chooses so, the same on each route. */

export type Host = 'primary' | 'backup';

/** What one host shares with the other for the contract routes. */
export interface RouteContext {
  host: Host;
  now(): number;
  check(req: IncomingMessage): Refusal | null;
  /** The public key when the request asks for it by `Wechatpay-Serial`, else the newest certificate. */
  signingFor(req: IncomingMessage): Signing;
  /** A key no client can know, for the unknown-serial fault. */
  strangerKey(): Promise<Signing['key']>;
  /** Counts this id's requests across both hosts; returns the new count. */
  hit(id: string): number;
  /** Runs `answer` after the slow fault's delay, unless the connection or the sandbox closes first. */
  later(res: ServerResponse, answer: () => void): void;
}

/** A route's answer, and its variants for the faults that bend the body. */
export interface FaultableAnswer {
  /** The reserved id asked for: counts the every-other-request fault. */
  key: string;
  /** The answer as WeChat signs it. */
  body: string;
  /** Changes the body after signing, the way an attacker on the road would. */
  tamper(body: string): string;
  /** A signed body with ids written as JSON numbers (they lose digits when parsed). */
  numericIds(): string;
  /** A signed body of the wrong shape. */
  wrongShape(): string;
}

/** Faults a resilient client gets through: the route answers with a demo parent's data so it shows. */
export const ENDS_WELL: ReadonlySet<FaultName> = new Set([
  'system-error-once',
  'primary-down',
  'slow',
  'one-plan-down',
]);

/**
 * The primary-down fault: WeChat never sees the request, so nothing is checked or answered.
 * True when the connection was dropped.
 */
export function droppedByFault(req: IncomingMessage, fault: FaultName | undefined, ctx: RouteContext): boolean {
  if (fault !== 'primary-down' || ctx.host !== 'primary') return false;
  req.socket.destroy();
  return true;
}

/** Sends `answer`, bent as `fault` says (the request has passed WeChat's checks). */
export async function sendAsFaultSays(
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
  ctx: RouteContext,
  fault: FaultName | undefined,
  answer: FaultableAnswer,
): Promise<void> {
  const signing = ctx.signingFor(req);
  const now = ctx.now();
  const { body } = answer;
  const signed = (text: string) => sendSigned(res, id, text, signing, now);
  switch (fault) {
    case 'system-error':
      return sendError(res, id, { status: 500, code: 'SYSTEM_ERROR', message: '系统错误' });
    case 'system-error-once':
      if (ctx.hit(answer.key) % 2 === 1)
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
      return sendSigned(res, id, body, signing, now, { tamper: answer.tamper });
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
      return signed(body.slice(0, Math.ceil(body.length / 2)));
    case 'numeric-ids':
      return signed(answer.numericIds());
    case 'data-not-array':
      return signed(answer.wrongShape());
    case 'slow':
      return ctx.later(res, () => sendSigned(res, id, body, signing, ctx.now()));
    default:
      return signed(body);
  }
}
