import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { type RunningSandbox, SANDBOX_MCHID, startSandbox } from '@/lib/sandbox';
import type { MerchantSettings } from '@/lib/settings/wechatpay';

/**
 * The sandbox is a merchant like any other: a merchant key made at start, a simulated WeChat
 * Pay on loopback (two hosts, like WeChat's two regions) that knows its public half, and the
 * settings a merchant's client needs to talk to it. No 'server-only', for the same reason as
 * merchant-client.ts: bench/direct.ts starts one too.
 */
export async function startSandboxMerchant(): Promise<{ sandbox: RunningSandbox; merchant: MerchantSettings }> {
  const merchantKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const serialNo = randomBytes(20).toString('hex').toUpperCase();
  const sandbox = await startSandbox({
    merchant: { mchid: SANDBOX_MCHID, serialNo, publicKey: merchantKeys.publicKey },
  });
  return {
    sandbox,
    merchant: {
      mchid: SANDBOX_MCHID,
      serialNo,
      privateKey: merchantKeys.privateKey,
      publicKey: { id: sandbox.publicKeyId, key: sandbox.publicKey },
      baseUrl: sandbox.url,
      backupBaseUrl: sandbox.backupUrl,
    },
  };
}
