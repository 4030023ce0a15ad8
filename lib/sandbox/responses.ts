import { type KeyObject, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { AUTH_SCHEMA, randomNonce, signMessage } from '@/lib/wechatpay/signer';
import { responseMessage } from '@/lib/wechatpay/verifier';

/** How WeChat's answers leave the sandbox: errors unsigned, successes signed. */

export function requestId(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}

export interface Refusal {
  status: number;
  code: string;
  message: string;
  detail?: unknown;
}

/** An error answer: `{ code, message, detail? }`, unsigned, with only `Request-ID` of WeChat's headers. */
export function sendError(res: ServerResponse, id: string, refusal: Refusal) {
  const { status, code, message, detail } = refusal;
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': id });
  res.end(JSON.stringify({ code, message, ...(detail ? { detail } : {}) }));
}

/** The key an answer is signed with and the serial that names it in `Wechatpay-Serial`. */
export interface Signing {
  key: KeyObject;
  serial: string;
}

export interface Misbehaviour {
  /** Unix seconds to sign and send instead of now. */
  timestamp?: number;
  /** Changes the body after it was signed. */
  tamper?: (body: string) => string;
  /** Sends this instead of the real signature. */
  signature?: string;
}

export function sendSigned(
  res: ServerResponse,
  id: string,
  body: string,
  signing: Signing,
  now: number,
  misbehaviour: Misbehaviour = {},
) {
  const timestamp = String(misbehaviour.timestamp ?? now);
  const nonce = randomNonce();
  const signature = misbehaviour.signature ?? signMessage(signing.key, responseMessage(timestamp, nonce, body));
  res.writeHead(200, {
    'content-type': 'application/json',
    'request-id': id,
    'wechatpay-timestamp': timestamp,
    'wechatpay-nonce': nonce,
    'wechatpay-signature': signature,
    'wechatpay-serial': signing.serial,
    'wechatpay-signature-type': AUTH_SCHEMA,
  });
  res.end(misbehaviour.tamper ? misbehaviour.tamper(body) : body);
}

export function sendUnsigned(res: ServerResponse, id: string, body: string) {
  res.writeHead(200, { 'content-type': 'application/json', 'request-id': id });
  res.end(body);
}
