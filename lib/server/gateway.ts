import 'server-only';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { SANDBOX_MCHID } from '@/lib/sandbox/seed';
import { startSandbox } from '@/lib/sandbox/server';
import { type CallEvent, createWechatPayClient, type WechatPayClient } from '@/lib/wechatpay/client';
import { createSigner } from '@/lib/wechatpay/signer';
import { createVerifier, staticKeys } from '@/lib/wechatpay/verifier';
import { type AppConfig, type MerchantConfig, parseConfig } from './config';

/** A clerk waits on the phone: give up on one attempt well before they would. */
const REQUEST_TIMEOUT_MS = 10_000;
const USER_AGENT = 'eduschoolpay-dashboard/0.1 (school finance contract lookup)';

export interface Gateway {
  client: WechatPayClient;
  mode: AppConfig['mode'];
}

/** Operators' log line per call; the openid is not written in clear. */
function logCall(event: CallEvent): void {
  const path = event.path.replace(/\/users\/[^/]+\//, '/users/{openid}/');
  console.info(JSON.stringify({ msg: 'wechatpay call', ...event, path, durationMs: Math.round(event.durationMs) }));
}

function clientFor(merchant: Omit<MerchantConfig, 'mode' | 'backupBaseUrl'>): WechatPayClient {
  return createWechatPayClient({
    baseUrl: merchant.baseUrl,
    signer: createSigner({ mchid: merchant.mchid, serialNo: merchant.serialNo, privateKey: merchant.privateKey }),
    verifier: createVerifier({ keys: staticKeys(new Map([[merchant.publicKeyId, merchant.publicKey]])) }),
    userAgent: USER_AGENT,
    timeoutMs: REQUEST_TIMEOUT_MS,
    // Asks WeChat to sign its answer with the public key we hold.
    headers: { 'wechatpay-serial': merchant.publicKeyId },
    observe: logCall,
  });
}

/**
 * The sandbox is a merchant like any other: a merchant key made at start, a simulated WeChat
 * Pay on loopback that knows its public half, and the same client, signer and verifier.
 */
async function sandboxGateway(): Promise<Gateway> {
  const merchantKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const serialNo = randomBytes(20).toString('hex').toUpperCase();
  const sandbox = await startSandbox({
    merchant: { mchid: SANDBOX_MCHID, serialNo, publicKey: merchantKeys.publicKey },
  });
  console.info(`WeChat Pay sandbox listening on ${sandbox.url} (no WECHATPAY_MCHID set: showing demo data)`);
  const client = clientFor({
    mchid: SANDBOX_MCHID,
    serialNo,
    privateKey: merchantKeys.privateKey,
    publicKeyId: sandbox.publicKeyId,
    publicKey: sandbox.publicKey,
    baseUrl: sandbox.url,
  });
  return { client, mode: 'sandbox' };
}

async function createGateway(): Promise<Gateway> {
  const config = parseConfig(process.env);
  if (config.mode === 'sandbox') return sandboxGateway();
  return { client: clientFor(config), mode: 'merchant' };
}

// Next.js may load this module in more than one bundle (instrumentation, pages, actions):
// the gateway lives on globalThis so there is one client and one sandbox per process.
const KEY = Symbol.for('eduschoolpay-dashboard.gateway');
type GatewayHolder = { [KEY]?: Promise<Gateway> };

export function getGateway(): Promise<Gateway> {
  const holder = globalThis as GatewayHolder;
  holder[KEY] ??= createGateway();
  return holder[KEY];
}
