import type { Resilience } from '@/lib/settings/resilience';
import type { MerchantSettings } from '@/lib/settings/wechatpay';
import { anyOfKeys, type CertificateStore, createCertificateStore } from '@/lib/wechatpay/certificates';
import { type CallEvent, createWechatPayClient, type WechatPayClient } from '@/lib/wechatpay/client';
import { createSigner } from '@/lib/wechatpay/signer';
import { createVerifier, type KeyResolver, type ReceivedAnswer, staticKeys } from '@/lib/wechatpay/verifier';

/*
 * No 'server-only' here, like lib/wechatpay: this is wiring of the protocol, holding nothing but
 * what it is given, and bench/direct.ts runs it in a plain Node process as the baseline the
 * server is measured against. The server's own client is made by gateway.ts, which is server-only.
 */

/**
 * A fifth of a retry per call, twenty saved: a lost packet is still retried, but when most calls
 * fail at once (a saturated process timing its own calls out) retries stop adding to the load.
 */
const RETRY_BUDGET = { ratio: 0.2, max: 20 };

/** WeChat asks for a refresh well within 12 hours. */
const CERTIFICATE_REFRESH_MS = 6 * 60 * 60 * 1000;

export interface MerchantClientOptions {
  resilience: Resilience;
  userAgent: string;
  /** Told about every attempt, for operators' logs. */
  observe?: (event: CallEvent) => void;
  /** Told when a platform certificate download fails; the next answer that needs one retries it. */
  onCertificateError: (error: unknown) => void;
}

export interface MerchantClient extends WechatPayClient {
  /** The platform certificates held, in certificate mode: operators watch them expire. */
  certificates?: Pick<CertificateStore, 'held' | 'lastRefresh'>;
  /**
   * A client of one host only, one attempt a call, with the same keys and nothing observed: the
   * diagnostics page asks each host in turn, and is shown each verified answer (for WeChat's
   * signed clock). Closed by its caller.
   */
  forHost(baseUrl: string, onVerified: (answer: ReceivedAnswer) => void): WechatPayClient;
}

/**
 * A merchant's client: keys by `Wechatpay-Serial` from the WeChat Pay public key, the platform
 * certificates, or both while a merchant migrates.
 */
export function createMerchantClient(merchant: MerchantSettings, options: MerchantClientOptions): MerchantClient {
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

  const { resilience } = options;
  const common = {
    signer: createSigner({ mchid: merchant.mchid, serialNo: merchant.serialNo, privateKey: merchant.privateKey }),
    verifier: createVerifier({ keys: anyOfKeys(...resolvers) }),
    userAgent: options.userAgent,
    timeoutMs: resilience.attemptTimeoutMs,
    // Asks WeChat to sign its answers with the public key we hold.
    headers: merchant.publicKey ? { 'wechatpay-serial': merchant.publicKey.id } : undefined,
  };
  client = createWechatPayClient({
    ...common,
    baseUrl: merchant.baseUrl,
    backupBaseUrl: merchant.backupBaseUrl,
    deadlineMs: resilience.deadlineMs,
    failoverCooldownMs: resilience.failoverCooldownMs,
    observe: options.observe,
    inFlight: { limit: resilience.maxInFlight, maxWaitMs: resilience.queueWaitMs },
    retryBudget: RETRY_BUDGET,
  });

  if (certificates) {
    certificates.refreshEvery(CERTIFICATE_REFRESH_MS, options.onCertificateError);
    // Not awaited: the server starts even if WeChat is unreachable; the first answer retries it.
    certificates.refresh().catch(options.onCertificateError);
  }
  return {
    get: client.get,
    close: client.close,
    onBackupUntil: client.onBackupUntil,
    certificates,
    forHost: (baseUrl, onVerified) =>
      createWechatPayClient({
        ...common,
        baseUrl,
        maxAttempts: 1,
        verifier: {
          async verify(answer) {
            const verification = await common.verifier.verify(answer);
            if (verification.ok) onVerified(answer);
            return verification;
          },
        },
      }),
  };
}
