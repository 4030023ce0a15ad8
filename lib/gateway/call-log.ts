import 'server-only';
import type { Logger } from 'pino';
import type { CallEvent } from '@/lib/wechatpay/client';

/** Logs leave the school: an openid in a path or a signed message is replaced by a placeholder. */
export function withoutOpenid(text: string): string {
  return text.replace(/\/users\/[^/?\s]+\//g, '/users/{openid}/');
}

function signMessageOf(detail: unknown): string | undefined {
  const message = (detail as { sign_information?: { truncated_sign_message?: unknown } } | undefined)?.sign_information
    ?.truncated_sign_message;
  return typeof message === 'string' ? withoutOpenid(message) : undefined;
}

/**
 * One line per attempt at WeChat Pay. Never the Authorization header, a key, the APIv3 key or a
 * full openid; for SIGN_ERROR, the message WeChat says it checked, which is what an operator
 * needs to find a wrong key, serial or clock.
 */
export function callLogger(logger: Logger): (event: CallEvent) => void {
  return (event) => logCall(logger, event);
}

function logCall(logger: Logger, event: CallEvent): void {
  const { error } = event;
  const line = {
    host: event.host,
    path: withoutOpenid(event.path),
    attempt: event.attempt,
    status: event.status,
    code: event.code,
    requestId: event.requestId,
    durationMs: Math.round(event.durationMs),
    outcome: event.outcome,
    reason: error?.kind === 'unverified' ? (error.detail as { reason?: string }).reason : undefined,
    truncatedSignMessage: error?.code === 'SIGN_ERROR' ? signMessageOf(error.detail) : undefined,
  };
  if (event.outcome === 'ok') logger.info(line, 'wechatpay call');
  else logger.warn(line, 'wechatpay call failed');
}
