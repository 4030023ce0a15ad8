/**
 * Test-only helpers for tests that talk to the sandbox: a sandbox started for the test merchant,
 * signed requests sent by hand over real HTTP (undici), and verifiers that trust exactly the keys
 * a sandbox holds. Never imported by product code.
 */
import { type KeyObject, X509Certificate } from 'node:crypto';
import { request } from 'undici';
import { type RunningSandbox, type SandboxOptions, startSandbox } from '@/lib/sandbox';
import { createSigner } from '@/lib/wechatpay/signer';
import { createVerifier, firstHeader, type HeaderBag, type Verification } from '@/lib/wechatpay/verifier';
import type { RsaKeys } from './keys';

/**
 * What tests outside lib/sandbox need of its internals and the app never does: the seed data
 * behind the demo parents, every fault by name, and the certificate encryption.
 */
export { encryptCertificate } from '@/lib/sandbox/certificate-issuer';
export { FAULTS, type FaultName } from '@/lib/sandbox/faults';
export { DEMO_PARENTS } from '@/lib/sandbox/seed';

export const MCHID = '1900000001';
export const SERIAL = '5157F09EFDC096DE15EBE81A47057A7232F1B8E1';
export const USER_AGENT = 'eduschoolpay-dashboard-tests';
export const ZHANG = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';
export const LUNCH = '101164396123311331';

/** A sandbox that accepts requests from the test merchant (MCHID, SERIAL) signed with `merchant`'s key. */
export function startTestSandbox(
  merchant: Pick<RsaKeys, 'publicKey'>,
  options: Omit<SandboxOptions, 'merchant'> = {},
): Promise<RunningSandbox> {
  return startSandbox({ merchant: { mchid: MCHID, serialNo: SERIAL, publicKey: merchant.publicKey }, ...options });
}

export interface RawAnswer {
  status: number;
  headers: HeaderBag;
  body: string;
}

/** The request target of a contracts call, as the client would sign and send it. */
export function contractsTarget(openid: string, offset = 0, limit = 20): string {
  const query = new URLSearchParams({
    plan_id: LUNCH,
    contract_status: 'ALL',
    offset: String(offset),
    limit: String(limit),
  });
  return `/v3/eduschoolpay/users/${openid}/contracts?${query}`;
}

export interface SendOptions {
  /** The merchant's private key; the request is signed afresh with it. */
  merchantKey: KeyObject;
  /** Sent as `Wechatpay-Serial` (public-key mode); absent = platform-certificate mode. */
  wechatpaySerial?: string;
  signal?: AbortSignal;
}

/** The headers of one signed GET; reuse them to replay the same Authorization. */
export function signedHeaders(target: string, options: SendOptions): Record<string, string> {
  const signer = createSigner({ mchid: MCHID, serialNo: SERIAL, privateKey: options.merchantKey });
  return {
    accept: 'application/json',
    'user-agent': USER_AGENT,
    authorization: signer.authorization('GET', target, ''),
    ...(options.wechatpaySerial ? { 'wechatpay-serial': options.wechatpaySerial } : {}),
  };
}

export async function sendWith(
  base: string,
  target: string,
  headers: Record<string, string>,
  signal?: AbortSignal,
): Promise<RawAnswer> {
  const response = await request(`${base}${target}`, { method: 'GET', headers, signal });
  return { status: response.statusCode, headers: response.headers as HeaderBag, body: await response.body.text() };
}

/** One signed GET sent by hand, the answer read as raw text. */
export function send(base: string, target: string, options: SendOptions): Promise<RawAnswer> {
  return sendWith(base, target, signedHeaders(target, options), options.signal);
}

export function header(answer: RawAnswer, name: string): string | undefined {
  return firstHeader(answer.headers, name);
}

/** Every key a sandbox signs with, by the serial that names it: the public key and all certificates. */
export function sandboxKeys(sandbox: RunningSandbox): Map<string, KeyObject> {
  const keys = new Map([[sandbox.publicKeyId, sandbox.publicKey]]);
  for (const { serial, pem } of sandbox.platformCertificates()) keys.set(serial, new X509Certificate(pem).publicKey);
  return keys;
}

/** The project's verifier, trusting exactly the given keys (by default every key of the sandbox). */
export function verify(
  answer: RawAnswer,
  keys: ReadonlyMap<string, KeyObject>,
  now?: () => number,
): Promise<Verification> {
  return createVerifier({ keys: { keyFor: (serial) => keys.get(serial) }, now }).verify(answer);
}

/** An error answer as WeChat sends one: JSON `{ code, … }`, a Request-ID, no signature headers. */
export function errorOf(answer: RawAnswer): { code?: string; message?: string; detail?: unknown } {
  return JSON.parse(answer.body);
}
