import 'server-only';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { SANDBOX_MCHID } from '@/lib/sandbox/seed';
import { startSandbox } from '@/lib/sandbox/server';
import { logger } from '@/lib/server/logger';
import { perProcess } from '@/lib/server/singleton';
import type { Resilience } from '@/lib/settings/resilience';
import { getSettings } from '@/lib/settings/settings';
import type { MerchantSettings } from '@/lib/settings/wechatpay';
import { anyOfKeys, createCertificateStore } from '@/lib/wechatpay/certificates';
import { createWechatPayClient, type WechatPayClient } from '@/lib/wechatpay/client';
import { createSigner } from '@/lib/wechatpay/signer';
import { createVerifier, type KeyResolver, staticKeys } from '@/lib/wechatpay/verifier';
import { callLogger } from './call-log';

const USER_AGENT = 'eduschoolpay-dashboard/0.1 (school finance contract lookup)';
/** WeChat asks for a refresh well within 12 hours. */
const CERTIFICATE_REFRESH_MS = 6 * 60 * 60 * 1000;

export interface Gateway {
  client: WechatPayClient;
  mode: 'sandbox' | 'merchant';
}

/**
 * The configured client: keys by `Wechatpay-Serial` from the WeChat Pay public key, the
 * platform certificates, or both while a merchant migrates.
 */
function clientFor(merchant: MerchantSettings, resilience: Resilience): WechatPayClient {
  // The certificate download goes through the client it serves; it runs only after start.
  let client: WechatPayClient | undefined;
  const publicKey = merchant.publicKey
    ? staticKeys(new Map([[merchant.publicKey.id, merchant.publicKey.key]]))
    : undefined;
  const certificates = merchant.apiV3Key
    ? createCertificateStore({
        apiV3Key: merchant.apiV3Key,
        alsoTrust: publicKey,
        download: async (verifier) => {
          if (!client) throw new Error('the WeChat Pay client is not ready');
          return (await client.get('/v3/certificates', {}, { verifier })).json;
        },
      })
    : undefined;
  const resolvers = [publicKey, certificates].filter((resolver): resolver is KeyResolver => resolver !== undefined);

  client = createWechatPayClient({
    baseUrl: merchant.baseUrl,
    backupBaseUrl: merchant.backupBaseUrl,
    signer: createSigner({ mchid: merchant.mchid, serialNo: merchant.serialNo, privateKey: merchant.privateKey }),
    verifier: createVerifier({ keys: anyOfKeys(...resolvers) }),
    userAgent: USER_AGENT,
    timeoutMs: resilience.attemptTimeoutMs,
    deadlineMs: resilience.deadlineMs,
    failoverCooldownMs: resilience.failoverCooldownMs,
    // Asks WeChat to sign its answers with the public key we hold.
    headers: merchant.publicKey ? { 'wechatpay-serial': merchant.publicKey.id } : undefined,
    observe: callLogger(logger),
  });

  if (certificates) {
    const onError = (error: unknown) => logger.warn({ err: String(error) }, 'platform certificate download failed');
    certificates.refreshEvery(CERTIFICATE_REFRESH_MS, onError);
    // Not awaited: the server starts even if WeChat is unreachable; the first answer retries it.
    certificates.refresh().catch(onError);
  }
  return client;
}

/**
 * The sandbox is a merchant like any other: a merchant key made at start, a simulated WeChat
 * Pay on loopback (two hosts, like WeChat's two regions) that knows its public half, and the
 * same client, signer and verifier.
 */
async function sandboxGateway(resilience: Resilience): Promise<Gateway> {
  const merchantKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const serialNo = randomBytes(20).toString('hex').toUpperCase();
  const sandbox = await startSandbox({
    merchant: { mchid: SANDBOX_MCHID, serialNo, publicKey: merchantKeys.publicKey },
  });
  logger.info(
    { url: sandbox.url, backupUrl: sandbox.backupUrl },
    'WeChat Pay sandbox started: no WECHATPAY_MCHID set, showing demo data',
  );
  const client = clientFor(
    {
      mchid: SANDBOX_MCHID,
      serialNo,
      privateKey: merchantKeys.privateKey,
      publicKey: { id: sandbox.publicKeyId, key: sandbox.publicKey },
      baseUrl: sandbox.url,
      backupBaseUrl: sandbox.backupUrl,
    },
    resilience,
  );
  return { client, mode: 'sandbox' };
}

async function createGateway(): Promise<Gateway> {
  const settings = getSettings().wechatpay;
  if (settings.mode === 'sandbox') return sandboxGateway(settings.resilience);
  return { client: clientFor(settings, settings.resilience), mode: 'merchant' };
}

/** The one client (and in sandbox mode the one sandbox) of this process. */
export function getGateway(): Promise<Gateway> {
  return perProcess('gateway', createGateway);
}
