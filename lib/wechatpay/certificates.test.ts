import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '@/lib/sandbox';
import { generateRsaKeys, type RsaKeys } from '@/test-support/keys';
import { encryptCertificate } from '@/test-support/sandbox';
import { anyOfKeys, type CertificateStore, createCertificateStore, readCertificates } from './certificates';
import { createWechatPayClient, type WechatPayClient } from './client';
import { isWechatPayError } from './errors';
import { createSigner } from './signer';
import { createVerifier, type KeyResolver, staticKeys } from './verifier';

/**
 * The platform-certificate lifecycle against the sandbox over real HTTP: first download,
 * rotation with two overlapping certificates, expiry, an unknown serial causing one refresh.
 */
const MCHID = '1900000001';
const SERIAL = '5157F09EFDC096DE15EBE81A47057A7232F1B8E1';
const LUNCH = '101164396123311331';
const LI = 'o3W2Fs1kZt7yQeR4vB8nLp0xHc5A';
const contractsPath = (openid: string) => `/v3/eduschoolpay/users/${openid}/contracts`;
const query = { plan_id: LUNCH, contract_status: 'ALL', offset: 0, limit: 20 };

let merchant: RsaKeys;
let sandbox: RunningSandbox;
const clients: WechatPayClient[] = [];

beforeAll(async () => {
  merchant = generateRsaKeys();
  sandbox = await startSandbox({ merchant: { mchid: MCHID, serialNo: SERIAL, publicKey: merchant.publicKey } });
}, 30_000);
afterAll(() => sandbox.close());
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

/** A client in certificate mode (or both modes), and the store behind it. */
function certificateClient(options: { now?: () => number; publicKey?: boolean; minRefreshIntervalMs?: number } = {}): {
  client: WechatPayClient;
  store: CertificateStore;
} {
  let client: WechatPayClient | undefined;
  const store = createCertificateStore({
    apiV3Key: sandbox.apiV3Key,
    download: async (verifier) => (await (client as WechatPayClient).get('/v3/certificates', {}, { verifier })).json,
    now: options.now,
    minRefreshIntervalMs: options.minRefreshIntervalMs,
  });
  const resolvers: KeyResolver[] = [store];
  if (options.publicKey) resolvers.unshift(staticKeys(new Map([[sandbox.publicKeyId, sandbox.publicKey]])));
  client = createWechatPayClient({
    baseUrl: sandbox.url,
    signer: createSigner({ mchid: MCHID, serialNo: SERIAL, privateKey: merchant.privateKey }),
    verifier: createVerifier({ keys: anyOfKeys(...resolvers) }),
    userAgent: 'certificates-test',
    timeoutMs: 5_000,
    maxAttempts: 1,
    headers: options.publicKey ? { 'wechatpay-serial': sandbox.publicKeyId } : undefined,
  });
  clients.push(client);
  return { client, store };
}

async function rowsOf(client: WechatPayClient, openid = LI): Promise<number> {
  const answer = await client.get(contractsPath(openid), query);
  return (answer.json as { data: unknown[] }).data.length;
}

describe('readCertificates', () => {
  it('reads what the sandbox serves and refuses it under another APIv3 key', async () => {
    const [certificate] = sandbox.platformCertificates();
    const answer = { data: [{ ...itemFor(certificate.pem, certificate.serial) }] };
    expect(readCertificates(answer, sandbox.apiV3Key).map((c) => c.serial)).toEqual([certificate.serial]);
    expect(readCertificates(answer, 'X'.repeat(32))).toEqual([]);
  });

  it('leaves out a certificate listed under another serial than its own, and nonsense', () => {
    const [certificate] = sandbox.platformCertificates();
    const answer = { data: [itemFor(certificate.pem, 'ABCDEF0123456789ABCDEF0123456789ABCDEF01')] };
    expect(readCertificates(answer, sandbox.apiV3Key)).toEqual([]);
    expect(readCertificates({ data: 'x' }, sandbox.apiV3Key)).toEqual([]);
    expect(readCertificates(null, sandbox.apiV3Key)).toEqual([]);
  });
});

function itemFor(pem: string, serial: string) {
  const [certificate] = sandbox.platformCertificates();
  return {
    serial_no: serial,
    effective_time: certificate.effectiveTime,
    expire_time: certificate.expireTime,
    encrypt_certificate: encryptCertificate(pem, sandbox.apiV3Key),
  };
}

describe('certificate store against the sandbox', () => {
  it('downloads on the first answer, verifying the download with the certificate it delivers', async () => {
    const { client, store } = certificateClient();
    const before = sandbox.certificateDownloads();
    expect(store.serials()).toEqual([]);
    expect(await rowsOf(client)).toBe(2);
    expect(sandbox.certificateDownloads()).toBe(before + 1);
    const newest = sandbox.platformCertificates().at(-1)?.serial;
    expect(store.serials()).toContain(newest);
    const held = store.held().find((certificate) => certificate.serial === newest);
    expect(held?.expire).toBe(Date.parse(sandbox.platformCertificates().at(-1)?.expireTime ?? ''));
    expect(held?.effective).toBeLessThanOrEqual(Date.now());
    // Known now: the next answer needs no download.
    expect(await rowsOf(client)).toBe(2);
    expect(sandbox.certificateDownloads()).toBe(before + 1);
  });

  it('shares one download among concurrent lookups', async () => {
    const { client } = certificateClient();
    const before = sandbox.certificateDownloads();
    const rows = await Promise.all(Array.from({ length: 6 }, () => rowsOf(client)));
    expect(rows).toEqual([2, 2, 2, 2, 2, 2]);
    expect(sandbox.certificateDownloads()).toBe(before + 1);
  });

  it('after a rotation, fetches once more and keeps both overlapping certificates', async () => {
    const { client, store } = certificateClient({ minRefreshIntervalMs: 0 });
    await rowsOf(client);
    const old = store.serials();
    const rotated = await sandbox.rotatePlatformCertificate();
    const before = sandbox.certificateDownloads();
    expect(await rowsOf(client)).toBe(2);
    expect(sandbox.certificateDownloads()).toBe(before + 1);
    expect(store.serials()).toEqual(expect.arrayContaining([...old, rotated]));
  });

  it('refreshes once for an unknown serial, refuses the answer, and does not download again at once', async () => {
    let now = Date.now();
    const { client } = certificateClient({ now: () => now, minRefreshIntervalMs: 10_000 });
    await rowsOf(client);
    now += 11_000; // the last download was a while ago
    const before = sandbox.certificateDownloads();
    const refused = await client.get(contractsPath('sandbox_fault_unknown_serial'), query).catch((error) => error);
    expect(isWechatPayError(refused) && refused.kind).toBe('unverified');
    expect(refused.detail).toEqual({ reason: 'unknown-serial' });
    expect(sandbox.certificateDownloads()).toBe(before + 1);
    // Another unknown serial straight after: no second download (a probe must not make us hammer).
    await client.get(contractsPath('sandbox_fault_unknown_serial'), query).catch(() => undefined);
    expect(sandbox.certificateDownloads()).toBe(before + 1);
  });

  it('stops trusting a certificate once it has expired', async () => {
    let now = Date.now();
    const { client, store } = certificateClient({ now: () => now, minRefreshIntervalMs: 0 });
    await rowsOf(client);
    expect(store.serials().length).toBeGreaterThan(0);
    now += 6 * 365 * 86_400_000; // past every sandbox certificate's five years
    expect(store.serials()).toEqual([]);
    const refused = await client.get(contractsPath(LI), query).catch((error) => error);
    expect(refused.detail).toEqual({ reason: 'unknown-serial' });
  });

  it('tells when the last download ended and how, for the diagnostics page', async () => {
    const { client, store } = certificateClient();
    expect(store.lastRefresh()).toBeNull();
    await rowsOf(client);
    expect(store.lastRefresh()).toMatchObject({ ok: true });

    const failing = createCertificateStore({
      apiV3Key: sandbox.apiV3Key,
      download: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:9');
      },
    });
    await expect(failing.refresh()).rejects.toThrow();
    expect(failing.lastRefresh()).toMatchObject({ ok: false, error: 'connect ECONNREFUSED 127.0.0.1:9' });
  });

  it('refreshes in the background', async () => {
    const { store } = certificateClient();
    const before = sandbox.certificateDownloads();
    const stop = store.refreshEvery(40, () => {});
    await new Promise((resolve) => setTimeout(resolve, 300));
    stop();
    expect(sandbox.certificateDownloads()).toBeGreaterThan(before + 1);
  });

  it('with both modes configured, verifies public-key answers and certificate answers alike', async () => {
    const both = certificateClient({ publicKey: true });
    expect(await rowsOf(both.client)).toBe(2);
    // Asked for the public key: no certificate download was needed.
    const before = sandbox.certificateDownloads();
    const plain = certificateClient();
    expect(await rowsOf(plain.client)).toBe(2);
    expect(sandbox.certificateDownloads()).toBe(before + 1);
  });
});

describe('the download itself', () => {
  it('is refused when signed by a key that none of its certificates holds', async () => {
    const stranger = generateRsaKeys();
    const [certificate] = sandbox.platformCertificates();
    const body = JSON.stringify({ data: [itemFor(certificate.pem, certificate.serial)] });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const { sign } = await import('node:crypto');
    const signature = sign('sha256', Buffer.from(`${timestamp}\nn0nce\n${body}\n`), stranger.privateKey).toString(
      'base64',
    );
    let verdict: unknown;
    const store = createCertificateStore({
      apiV3Key: sandbox.apiV3Key,
      download: async (verifier) => {
        verdict = await verifier.verify({
          headers: {
            'wechatpay-timestamp': timestamp,
            'wechatpay-nonce': 'n0nce',
            'wechatpay-signature': signature,
            'wechatpay-serial': certificate.serial,
          },
          body,
        });
        return JSON.parse(body);
      },
    });
    await store.refresh();
    expect(verdict).toEqual({ ok: false, reason: 'bad-signature' });
  });
});
