/**
 * Each reserved fault openid, over real HTTP with requests signed by hand: what goes on the wire,
 * independent of how the project's client retries, times out or fails over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRsaKeys, type RsaKeys } from '@/test-support/keys';
import {
  contractsTarget,
  errorOf,
  header,
  type RawAnswer,
  type SendOptions,
  sandboxKeys,
  send,
  startTestSandbox,
  verify,
} from '@/test-support/sandbox';
import { FAULTS, type FaultName } from './faults';
import type { RunningSandbox } from './server';

let merchant: RsaKeys;
let sandbox: RunningSandbox;

beforeAll(async () => {
  merchant = generateRsaKeys();
  sandbox = await startTestSandbox(merchant, { slowMs: 60_000 });
}, 30_000);

afterAll(() => sandbox.close());

/** Public-key mode (`Wechatpay-Serial: PUB_KEY_ID_…`) unless told otherwise. */
function call(base: string, openid: string, options: Partial<SendOptions> = {}): Promise<RawAnswer> {
  return send(base, contractsTarget(openid), {
    merchantKey: merchant.privateKey,
    wechatpaySerial: sandbox.publicKeyId,
    ...options,
  });
}

function bothHosts() {
  return [sandbox.url, sandbox.backupUrl];
}

async function expectError(answer: RawAnswer, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(errorOf(answer).code).toBe(code);
  expect(header(answer, 'request-id')).toMatch(/^[0-9A-F]{32}$/);
  // WeChat's error answers are unsigned.
  expect(Object.keys(answer.headers).filter((name) => name.startsWith('wechatpay-'))).toEqual([]);
}

async function expectVerified(answer: RawAnswer) {
  expect(answer.status).toBe(200);
  expect(header(answer, 'request-id')).toMatch(/^[0-9A-F]{32}$/);
  await expect(verify(answer, sandboxKeys(sandbox))).resolves.toEqual({ ok: true, serial: sandbox.publicKeyId });
}

async function expectRefused(answer: RawAnswer, reason: string) {
  expect(answer.status).toBe(200);
  await expect(verify(answer, sandboxKeys(sandbox))).resolves.toEqual({ ok: false, reason });
}

const behaviour: Record<FaultName, (openid: string) => Promise<void>> = {
  'system-error': async (openid) => {
    for (const base of bothHosts()) await expectError(await call(base, openid), 500, 'SYSTEM_ERROR');
  },
  'rate-limited': async (openid) => {
    for (const base of bothHosts()) await expectError(await call(base, openid), 429, 'FREQUENCY_LIMITED');
  },
  tampered: async (openid) => expectRefused(await call(sandbox.url, openid), 'bad-signature'),
  'signature-probe': async (openid) => {
    const answer = await call(sandbox.url, openid);
    expect(header(answer, 'wechatpay-signature')).toMatch(/^WECHATPAY\/SIGNTEST\//);
    await expectRefused(answer, 'signature-probe');
  },
  unsigned: async (openid) => {
    const answer = await call(sandbox.url, openid);
    expect(header(answer, 'wechatpay-signature')).toBeUndefined();
    await expectRefused(answer, 'missing-headers');
  },
  'stale-timestamp': async (openid) => {
    const answer = await call(sandbox.url, openid);
    const timestamp = Number(header(answer, 'wechatpay-timestamp'));
    expect(Math.floor(Date.now() / 1000) - timestamp).toBeGreaterThanOrEqual(599);
    await expectRefused(answer, 'stale-timestamp');
    // Correctly signed all the same: a verifier whose clock agrees accepts it.
    await expect(verify(answer, sandboxKeys(sandbox), () => timestamp)).resolves.toMatchObject({ ok: true });
  },
  'unknown-serial': async (openid) => {
    for (const mode of [{ wechatpaySerial: sandbox.publicKeyId }, { wechatpaySerial: undefined }]) {
      const answer = await call(sandbox.url, openid, mode);
      const serial = header(answer, 'wechatpay-serial') ?? '';
      expect(serial).toMatch(mode.wechatpaySerial ? /^PUB_KEY_ID_/ : /^[0-9A-F]{40}$/);
      expect(sandboxKeys(sandbox).has(serial)).toBe(false);
      await expectRefused(answer, 'unknown-serial');
      // Not one of the sandbox's keys under another name either.
      for (const key of sandboxKeys(sandbox).values()) {
        await expect(verify(answer, new Map([[serial, key]]))).resolves.toEqual({ ok: false, reason: 'bad-signature' });
      }
    }
  },
  'malformed-json': async (openid) => {
    const answer = await call(sandbox.url, openid);
    await expectVerified(answer);
    expect(() => JSON.parse(answer.body)).toThrow(SyntaxError);
  },
  'numeric-ids': async (openid) => {
    const answer = await call(sandbox.url, openid);
    await expectVerified(answer);
    const written = [...answer.body.matchAll(/"contract_id":(\d+)[,}]/g)].map((match) => match[1]);
    expect(written.length).toBe(20);
    for (const digits of written) expect(digits).toMatch(/^2026\d{16}$/);
    const parsed = JSON.parse(answer.body) as { data: { contract_id: unknown; openid: string }[] };
    expect(parsed.data.every((row) => typeof row.contract_id === 'number')).toBe(true);
    // The reason ids must be strings: past 2^53 the parsed numbers lose the digits that were sent.
    const lost = written.filter((digits, i) => BigInt(parsed.data[i].contract_id as number) !== BigInt(digits));
    expect(lost.length).toBeGreaterThan(0);
    expect(parsed.data[0].openid).toBe(openid);
  },
  'data-not-array': async (openid) => {
    const answer = await call(sandbox.url, openid);
    await expectVerified(answer);
    expect(JSON.parse(answer.body)).toMatchObject({ data: {} });
  },
  'sign-error': async (openid) => {
    const answer = await call(sandbox.backupUrl, openid);
    await expectError(answer, 401, 'SIGN_ERROR');
    expect(errorOf(answer)).toEqual({
      code: 'SIGN_ERROR',
      message: '签名错误',
      detail: { sign_information: { truncated_sign_message: expect.stringMatching(/^GET\n\/v3\/.*\n\n$/s) } },
    });
    const { detail } = errorOf(answer) as { detail: { sign_information: { truncated_sign_message: string } } };
    expect(detail.sign_information.truncated_sign_message).toContain(`\n${contractsTarget(openid)}\n`);
  },
  'no-auth': async (openid) => {
    for (const base of bothHosts()) await expectError(await call(base, openid), 403, 'NO_AUTH');
  },
  'not-found': async (openid) => {
    for (const base of bothHosts()) await expectError(await call(base, openid), 404, 'RESOURCE_NOT_EXISTS');
  },
  'system-error-once': async (openid) => {
    // One count for both hosts: 1st and 3rd fail, 2nd and 4th answer, wherever they are sent.
    const hosts = [sandbox.url, sandbox.backupUrl, sandbox.backupUrl, sandbox.url];
    const answers: RawAnswer[] = [];
    for (const base of hosts) answers.push(await call(base, openid));
    expect(answers.map((answer) => answer.status)).toEqual([500, 200, 500, 200]);
    await expectError(answers[0], 500, 'SYSTEM_ERROR');
    await expectError(answers[2], 500, 'SYSTEM_ERROR');
    await expectVerified(answers[1]);
    await expectVerified(answers[3]);
  },
  slow: async (openid) => {
    const started = performance.now();
    await expect(call(sandbox.url, openid, { signal: AbortSignal.timeout(300) })).rejects.toMatchObject({
      name: expect.stringMatching(/TimeoutError|AbortError/),
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
  },
  'primary-down': async (openid) => {
    const before = sandbox.requestCount();
    await expect(call(sandbox.url, openid)).rejects.toMatchObject({ code: 'UND_ERR_SOCKET' });
    expect(sandbox.requestCount()).toBe(before + 1);
    const answer = await call(sandbox.backupUrl, openid);
    await expectVerified(answer);
    // A fault a resilient client gets through lends 李先生's two lunch contracts, so rows show.
    const body = JSON.parse(answer.body);
    expect(body.total_count).toBe(2);
    expect(body.data.map((row: { openid: string }) => row.openid)).toEqual([openid, openid]);
  },
  'one-plan-down': async (openid) => {
    // 校车费 fails on both hosts; 午餐费 answers with 李先生's lunch contracts.
    const bus = contractsTarget(openid).replace('101164396123311331', '101164396123311332');
    for (const base of bothHosts()) {
      const failed = await send(base, bus, { merchantKey: merchant.privateKey, wechatpaySerial: sandbox.publicKeyId });
      await expectError(failed, 500, 'SYSTEM_ERROR');
    }
    const lunch = await call(sandbox.url, openid);
    await expectVerified(lunch);
    expect(JSON.parse(lunch.body).total_count).toBe(2);
  },
};

describe('fault openids over raw HTTP', () => {
  it('has one reserved openid per fault, sandbox_fault_<name>, with a story for the demo list', () => {
    expect(new Set(FAULTS.map((fault) => fault.name)).size).toBe(FAULTS.length);
    for (const fault of FAULTS) {
      expect(fault.openid).toMatch(/^sandbox_fault_[a-z_]+$/);
      expect(fault.story).toMatch(/\p{Script=Han}/u);
    }
  });

  it.each(FAULTS)('$openid behaves as $name', async (fault) => {
    await behaviour[fault.name](fault.openid);
  });
});
