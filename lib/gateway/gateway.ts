import 'server-only';
import { callMetrics } from '@/lib/operations/server/metrics';
import { logger } from '@/lib/server/logger';
import { perProcess } from '@/lib/server/singleton';
import type { Resilience } from '@/lib/settings/resilience';
import { getSettings } from '@/lib/settings/settings';
import type { MerchantSettings } from '@/lib/settings/wechatpay';
import { callLogger } from './call-log';
import { createMerchantClient, type MerchantClient } from './merchant-client';
import { startSandboxMerchant } from './sandbox-merchant';

const USER_AGENT = 'eduschoolpay-dashboard/0.1 (school finance contract lookup)';

export interface Gateway {
  client: MerchantClient;
  /** Who the client is to WeChat Pay (the sandbox's own merchant in sandbox mode), for diagnostics. */
  merchant: MerchantSettings;
}

/**
 * This server's client for a merchant: its user agent, every call logged and counted for
 * /metrics, and every certificate failure logged.
 */
function clientFor(merchant: MerchantSettings, resilience: Resilience): MerchantClient {
  const log = callLogger(logger);
  const count = callMetrics();
  return createMerchantClient(merchant, {
    resilience,
    userAgent: USER_AGENT,
    observe: (event) => {
      log(event);
      count(event);
    },
    onCertificateError: (error) => logger.warn({ err: String(error) }, 'platform certificate download failed'),
  });
}

/** In sandbox mode the same client, signer and verifier talk to a simulated WeChat Pay started here. */
async function sandboxGateway(resilience: Resilience): Promise<Gateway> {
  const { sandbox, merchant } = await startSandboxMerchant();
  logger.info(
    { url: sandbox.url, backupUrl: sandbox.backupUrl },
    'WeChat Pay sandbox started: no WECHATPAY_MCHID set, showing demo data',
  );
  return { client: clientFor(merchant, resilience), merchant };
}

async function createGateway(): Promise<Gateway> {
  const settings = getSettings().wechatpay;
  if (settings.mode === 'sandbox') return sandboxGateway(settings.resilience);
  return { client: clientFor(settings, settings.resilience), merchant: settings };
}

/** The one client (and in sandbox mode the one sandbox) of this process. */
export function getGateway(): Promise<Gateway> {
  return perProcess('gateway', createGateway);
}
