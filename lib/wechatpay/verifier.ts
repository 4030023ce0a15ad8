import { type KeyObject, verify as rsaVerify } from 'node:crypto';
import { AUTH_SCHEMA } from './signer';

/** WeChat Pay's response-signature headers, by their lower-case names. */
export const RESPONSE_HEADERS = {
  timestamp: 'wechatpay-timestamp',
  nonce: 'wechatpay-nonce',
  signature: 'wechatpay-signature',
  serial: 'wechatpay-serial',
  signatureType: 'wechatpay-signature-type',
} as const;

/** WeChat refuses requests 5 minutes off its clock; we hold its answers to the same rule. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

const SIGNATURE_PROBE_PREFIX = 'WECHATPAY/SIGNTEST/';

export type HeaderBag = Record<string, string | string[] | undefined>;

export interface ReceivedAnswer {
  /** Header names in lower case, as Node and undici give them. */
  headers: HeaderBag;
  /** The raw body exactly as received, before any parsing. */
  body: string;
}

/** Finds the key that a `Wechatpay-Serial` names; certificate mode may fetch on a miss. */
export interface KeyResolver {
  keyFor(serial: string): KeyObject | undefined | Promise<KeyObject | undefined>;
}

/** A fixed set of keys by serial, e.g. the WeChat Pay public key under its PUB_KEY_ID_…. */
export function staticKeys(keys: ReadonlyMap<string, KeyObject>): KeyResolver {
  return { keyFor: (serial) => keys.get(serial) };
}

/** The three-line message WeChat Pay signs its answers over. */
export function responseMessage(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}\n`;
}

export type VerificationFailure =
  | 'missing-headers'
  | 'unsupported-signature-type'
  | 'signature-probe'
  | 'bad-timestamp'
  | 'stale-timestamp'
  | 'unknown-serial'
  | 'bad-signature';

export type Verification = { ok: true; serial: string } | { ok: false; reason: VerificationFailure };

export interface VerifierOptions {
  keys: KeyResolver;
  /** Unix seconds; injectable for tests. */
  now?: () => number;
}

export interface Verifier {
  verify(answer: ReceivedAnswer): Promise<Verification>;
}

/** A header's value; the first one when it came more than once. */
export function firstHeader(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function createVerifier(options: VerifierOptions): Verifier {
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  return {
    async verify({ headers, body }) {
      const timestamp = firstHeader(headers, RESPONSE_HEADERS.timestamp);
      const nonce = firstHeader(headers, RESPONSE_HEADERS.nonce);
      const signature = firstHeader(headers, RESPONSE_HEADERS.signature);
      const serial = firstHeader(headers, RESPONSE_HEADERS.serial);
      const type = firstHeader(headers, RESPONSE_HEADERS.signatureType);
      if (!timestamp || !nonce || !signature || !serial) return { ok: false, reason: 'missing-headers' };
      if (type !== undefined && type !== AUTH_SCHEMA) {
        return { ok: false, reason: 'unsupported-signature-type' };
      }
      // A probe is WeChat checking that we verify: it must fail like any bad signature,
      // and it is caught before base64 decoding because it is not base64.
      if (signature.startsWith(SIGNATURE_PROBE_PREFIX)) return { ok: false, reason: 'signature-probe' };
      if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'bad-timestamp' };
      if (Math.abs(now() - Number(timestamp)) >= MAX_CLOCK_SKEW_SECONDS) {
        return { ok: false, reason: 'stale-timestamp' };
      }
      const key = await options.keys.keyFor(serial);
      if (!key) return { ok: false, reason: 'unknown-serial' };
      const message = Buffer.from(responseMessage(timestamp, nonce, body), 'utf8');
      let valid = false;
      try {
        valid = rsaVerify('sha256', message, key, Buffer.from(signature, 'base64'));
      } catch {
        valid = false;
      }
      return valid ? { ok: true, serial } : { ok: false, reason: 'bad-signature' };
    },
  };
}
