import { type KeyObject, verify } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { requestMessage } from '@/lib/wechatpay/signer';
import { MAX_CLOCK_SKEW_SECONDS } from '@/lib/wechatpay/verifier';
import { parseAuthorization } from './authorization';
import type { Refusal } from './responses';

export interface Merchant {
  mchid: string;
  serialNo: string;
  publicKey: KeyObject;
}

/** What WeChat answers when a request's signature does not verify: the message it checked. */
export function signError(message: string): Refusal {
  return {
    status: 401,
    code: 'SIGN_ERROR',
    message: '签名错误',
    detail: { sign_information: { truncated_sign_message: message } },
  };
}

/** The message a request would have been signed over, for SIGN_ERROR's detail. */
export function signedMessageOf(req: IncomingMessage): string {
  const auth = parseAuthorization(req.headers.authorization);
  return requestMessage(req.method ?? '', req.url ?? '', Number(auth?.timestamp ?? 0), auth?.nonce_str ?? '', '');
}

/**
 * The checks WeChat makes before it looks at a request (User-Agent, Accept, Authorization,
 * signature, timestamp, nonce). One instance serves both hosts, so a nonce used on one is refused
 * on the other. Returns null when the request passes.
 */
export function createRequestChecks(merchant: Merchant, now: () => number) {
  const seenNonces = new Map<string, number>();

  return function check(req: IncomingMessage): Refusal | null {
    if (!req.headers['user-agent']) {
      return { status: 400, code: 'INVALID_REQUEST', message: '请求头缺少 User-Agent' };
    }
    const accept = req.headers.accept ?? '';
    if (!accept.includes('application/json') && !accept.includes('*/*')) {
      return { status: 400, code: 'INVALID_REQUEST', message: 'Accept 应为 application/json' };
    }
    const auth = parseAuthorization(req.headers.authorization);
    if (!auth) return { status: 401, code: 'SIGN_ERROR', message: 'Authorization 格式错误' };
    if (auth.mchid !== merchant.mchid || auth.serial_no !== merchant.serialNo) {
      return { status: 401, code: 'SIGN_ERROR', message: '商户号或证书序列号不匹配' };
    }
    const timestamp = Number(auth.timestamp);
    if (!/^\d+$/.test(auth.timestamp) || Math.abs(now() - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
      return { status: 401, code: 'SIGN_ERROR', message: '请求时间戳与微信支付服务器时间相差超过 5 分钟' };
    }
    const message = requestMessage(req.method ?? '', req.url ?? '', timestamp, auth.nonce_str, '');
    let valid = false;
    try {
      valid = verify('sha256', Buffer.from(message), merchant.publicKey, Buffer.from(auth.signature, 'base64'));
    } catch {
      valid = false;
    }
    if (!valid) return signError(message);
    // A nonce is remembered as long as its timestamp could pass; a Map keeps them in the order they
    // came, so the expired ones are at its front and the first one still valid ends the sweep.
    for (const [nonce, seenAt] of seenNonces) {
      if (now() - seenAt <= MAX_CLOCK_SKEW_SECONDS) break;
      seenNonces.delete(nonce);
    }
    if (seenNonces.has(auth.nonce_str)) return { status: 401, code: 'SIGN_ERROR', message: '重复的随机串 nonce_str' };
    // A copy: the parsed nonce is a slice of the whole Authorization header (half a kilobyte), which
    // the map would keep alive with it for five minutes, 5 MB per 10,000 requests.
    seenNonces.set(Buffer.from(auth.nonce_str).toString(), now());
    return null;
  };
}
