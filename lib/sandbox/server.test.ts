/**
 * The sandbox over real HTTP, requests signed by hand: how it checks them the way WeChat Pay does,
 * its two hosts on one state, its options and its lifecycle.
 */
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSigner, type Signer } from '@/lib/wechatpay/signer';
import { generateRsaKeys, type RsaKeys } from '@/test-support/keys';
import {
  contractsTarget,
  MCHID,
  type RawAnswer,
  SERIAL,
  sandboxKeys,
  send as sendRaw,
  startTestSandbox,
  USER_AGENT,
  verify,
  ZHANG,
} from '@/test-support/sandbox';
import type { RunningSandbox } from './server';

let merchant: RsaKeys;
let sandbox: RunningSandbox;

function signerWith(keys: RsaKeys): Signer {
  return createSigner({ mchid: MCHID, serialNo: SERIAL, privateKey: keys.privateKey });
}

beforeAll(async () => {
  merchant = generateRsaKeys();
  sandbox = await startTestSandbox(merchant);
}, 30_000);

afterAll(() => sandbox.close());

describe('requests sent by hand (undici), as a misbehaving client would', () => {
  async function send(path: string, headers: Record<string, string>, base = sandbox.url) {
    const response = await request(`${base}${path}`, { method: 'GET', headers });
    const body = (await response.body.json()) as { code?: string };
    return { status: response.statusCode, code: body.code, requestId: response.headers['request-id'] };
  }

  it('refuses a request without User-Agent with 400 INVALID_REQUEST', async () => {
    const path = contractsTarget(ZHANG);
    const headers = {
      accept: 'application/json',
      authorization: signerWith(merchant).authorization('GET', path, ''),
    };
    await expect(send(path, headers)).resolves.toMatchObject({ status: 400, code: 'INVALID_REQUEST' });
  });

  it('accepts a signed request once, and refuses the same Authorization replayed with 401', async () => {
    const path = contractsTarget(ZHANG);
    const headers = {
      accept: 'application/json',
      'user-agent': USER_AGENT,
      authorization: signerWith(merchant).authorization('GET', path, ''),
    };
    await expect(send(path, headers)).resolves.toMatchObject({ status: 200 });
    await expect(send(path, headers)).resolves.toMatchObject({ status: 401, code: 'SIGN_ERROR' });
  });

  it('shares nonces between the hosts: the same Authorization replayed on the other host is refused', async () => {
    for (const [first, second] of [
      [sandbox.url, sandbox.backupUrl],
      [sandbox.backupUrl, sandbox.url],
    ]) {
      const path = contractsTarget(ZHANG);
      const headers = {
        accept: 'application/json',
        'user-agent': USER_AGENT,
        authorization: signerWith(merchant).authorization('GET', path, ''),
      };
      await expect(send(path, headers, first)).resolves.toMatchObject({ status: 200 });
      await expect(send(path, headers, second)).resolves.toMatchObject({ status: 401, code: 'SIGN_ERROR' });
    }
  });

  it('refuses a signature made for another request target', async () => {
    const path = contractsTarget(ZHANG);
    const signedForOther = signerWith(merchant).authorization('GET', path.replace('offset=0', 'offset=20'), '');
    const headers = { accept: 'application/json', 'user-agent': USER_AGENT, authorization: signedForOther };
    await expect(send(path, headers)).resolves.toMatchObject({ status: 401, code: 'SIGN_ERROR' });
  });
});

describe('two hosts on one state', () => {
  it('listens twice on loopback and answers the same data on the backup host, counting both', async () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.backupUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.backupUrl).not.toBe(sandbox.url);
    const before = sandbox.requestCount();
    const options = { merchantKey: merchant.privateKey, wechatpaySerial: sandbox.publicKeyId };
    const [primary, backup] = await Promise.all(
      [sandbox.url, sandbox.backupUrl].map((base) => sendRaw(base, contractsTarget(ZHANG), options)),
    );
    expect(sandbox.requestCount()).toBe(before + 2);
    for (const answer of [primary, backup]) {
      expect(answer.status).toBe(200);
      await expect(verify(answer, sandboxKeys(sandbox))).resolves.toMatchObject({ ok: true });
    }
    const rows = (answer: RawAnswer) => (JSON.parse(answer.body) as { data: unknown[] }).data;
    expect(rows(backup)).toEqual(rows(primary));
  });
});

describe('options and lifecycle', () => {
  const API_V3_KEY = 'Sandbox0APIv3Key0For0Tests012345';
  let own: RunningSandbox;

  beforeAll(async () => {
    own = await startTestSandbox(merchant, { apiV3Key: API_V3_KEY, slowMs: 300 });
  }, 30_000);

  afterAll(() => own.close());

  it('refuses an APIv3 key that is not 32 ASCII characters, and uses the one it is given', async () => {
    for (const apiV3Key of ['too-short', `${API_V3_KEY}X`, `${API_V3_KEY.slice(0, 31)}键`]) {
      await expect(startTestSandbox(merchant, { apiV3Key })).rejects.toThrow(/apiV3Key/);
    }
    expect(API_V3_KEY).toHaveLength(32);
    expect(own.apiV3Key).toBe(API_V3_KEY);
  });

  it('holds the slow fault for slowMs, then answers signed', async () => {
    const started = performance.now();
    const answer = await sendRaw(own.url, contractsTarget('sandbox_fault_slow'), {
      merchantKey: merchant.privateKey,
      wechatpaySerial: own.publicKeyId,
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(answer.status).toBe(200);
    await expect(verify(answer, sandboxKeys(own))).resolves.toMatchObject({ ok: true });
  });

  it('close() destroys a held connection and closes both hosts', async () => {
    const before = own.requestCount();
    const held = sendRaw(own.backupUrl, contractsTarget('sandbox_fault_slow'), { merchantKey: merchant.privateKey });
    const outcome = held.then(
      () => 'answered',
      (error: { code?: string }) => error.code,
    );
    while (own.requestCount() === before) await new Promise((resolve) => setTimeout(resolve, 5));

    const started = performance.now();
    await own.close();
    expect(performance.now() - started).toBeLessThan(250);
    await expect(outcome).resolves.toBe('UND_ERR_SOCKET');
    for (const base of [own.url, own.backupUrl]) {
      await expect(sendRaw(base, contractsTarget(ZHANG), { merchantKey: merchant.privateKey })).rejects.toMatchObject({
        code: 'ECONNREFUSED',
      });
    }
  });
});
