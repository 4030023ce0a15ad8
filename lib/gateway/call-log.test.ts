import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '@/lib/sandbox';
import { createWechatPayClient, type WechatPayClient } from '@/lib/wechatpay/client';
import { createSigner } from '@/lib/wechatpay/signer';
import { createVerifier, staticKeys } from '@/lib/wechatpay/verifier';
import { generateRsaKeys, type RsaKeys } from '@/test-support/keys';
import { callLogger, withoutOpenid } from './call-log';

/**
 * What operators read: one line per attempt against the sandbox over real HTTP, with what they
 * need and nothing that must not leave the school.
 */
const MCHID = '1900000001';
const SERIAL = '5157F09EFDC096DE15EBE81A47057A7232F1B8E1';
const ZHANG = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';
const query = { plan_id: '101164396123311331', contract_status: 'ALL', offset: 0, limit: 20 };

let merchant: RsaKeys;
let sandbox: RunningSandbox;
let client: WechatPayClient;
const lines: Record<string, unknown>[] = [];
const raw: string[] = [];

beforeAll(async () => {
  merchant = generateRsaKeys();
  sandbox = await startSandbox({ merchant: { mchid: MCHID, serialNo: SERIAL, publicKey: merchant.publicKey } });
  const sink = new Writable({
    write(chunk, _encoding, done) {
      raw.push(String(chunk));
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  client = createWechatPayClient({
    baseUrl: sandbox.url,
    backupBaseUrl: sandbox.backupUrl,
    signer: createSigner({ mchid: MCHID, serialNo: SERIAL, privateKey: merchant.privateKey }),
    verifier: createVerifier({ keys: staticKeys(new Map([[sandbox.publicKeyId, sandbox.publicKey]])) }),
    userAgent: 'call-log-test',
    timeoutMs: 5_000,
    headers: { 'wechatpay-serial': sandbox.publicKeyId },
    sleep: async () => {},
    observe: callLogger(pino({}, sink)),
  });
  for (const openid of [
    ZHANG,
    'sandbox_fault_sign_error',
    'sandbox_fault_tampered',
    'sandbox_fault_system_error_once',
  ]) {
    await client.get(`/v3/eduschoolpay/users/${openid}/contracts`, query).catch(() => undefined);
  }
}, 30_000);

afterAll(async () => {
  await client.close();
  await sandbox.close();
});

describe('the call log', () => {
  it('has one line per attempt with host, path, attempt, status, code, Request-ID, duration and outcome', () => {
    expect(lines.map((line) => [line.outcome, line.attempt])).toEqual([
      ['ok', 1],
      ['http', 1],
      ['unverified', 1],
      ['http', 1],
      ['ok', 2],
    ]);
    for (const line of lines) {
      expect(line).toMatchObject({
        host: new URL(sandbox.url).host,
        path: '/v3/eduschoolpay/users/{openid}/contracts',
        requestId: expect.stringMatching(/^[0-9A-F]{32}$/),
        durationMs: expect.any(Number),
      });
    }
    expect(lines[1]).toMatchObject({ status: 401, code: 'SIGN_ERROR', level: 40 });
    expect(lines[2]).toMatchObject({ reason: 'bad-signature' });
    expect(lines[3]).toMatchObject({ status: 500, code: 'SYSTEM_ERROR' });
  });

  it('gives operators the message WeChat checked on SIGN_ERROR, with the openid replaced', () => {
    expect(lines[1].truncatedSignMessage).toMatch(
      /^GET\n\/v3\/eduschoolpay\/users\/\{openid\}\/contracts\?plan_id=101164396123311331&contract_status=ALL&offset=0&limit=20\n\d+\n[A-Z0-9]{32}\n\n$/,
    );
  });

  it('never holds an openid, a key, a signature or the Authorization header', () => {
    const everything = raw.join('');
    for (const openid of [ZHANG, 'sandbox_fault_sign_error', 'sandbox_fault_tampered']) {
      expect(everything).not.toContain(openid);
    }
    expect(everything).not.toMatch(/PRIVATE KEY|WECHATPAY2-SHA256-RSA2048|signature="|authorization/i);
    expect(everything).not.toContain(sandbox.apiV3Key);
  });
});

describe('withoutOpenid', () => {
  it('replaces the openid in paths and signed messages, whatever it is', () => {
    expect(withoutOpenid('/v3/eduschoolpay/users/o-x_1/contracts?plan_id=1')).toBe(
      '/v3/eduschoolpay/users/{openid}/contracts?plan_id=1',
    );
    expect(withoutOpenid('GET\n/v3/eduschoolpay/users/oA/contracts?x\n1\n')).toBe(
      'GET\n/v3/eduschoolpay/users/{openid}/contracts?x\n1\n',
    );
  });
});
