/**
 * `GET /v3/eduschoolpay/contracts/{contract_id}` on the sandbox over real HTTP, requests signed by
 * hand: a seeded contract, an unknown number, a refused one, and each reserved fault id on the wire.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRsaKeys, type RsaKeys } from '@/test-support/keys';
import {
  DEMO_PARENTS,
  errorOf,
  FAULTS,
  type FaultName,
  header,
  type RawAnswer,
  type SendOptions,
  sandboxKeys,
  send,
  startTestSandbox,
  verify,
} from '@/test-support/sandbox';
import type { RunningSandbox } from './server';

let merchant: RsaKeys;
let sandbox: RunningSandbox;

beforeAll(async () => {
  merchant = generateRsaKeys();
  sandbox = await startTestSandbox(merchant, { slowMs: 60_000 });
}, 30_000);

afterAll(() => sandbox.close());

const target = (contractId: string) => `/v3/eduschoolpay/contracts/${contractId}`;

/** Public-key mode (`Wechatpay-Serial: PUB_KEY_ID_…`) unless told otherwise. */
function call(contractId: string, options: Partial<SendOptions> & { base?: string } = {}): Promise<RawAnswer> {
  return send(options.base ?? sandbox.url, target(contractId), {
    merchantKey: merchant.privateKey,
    wechatpaySerial: sandbox.publicKeyId,
    ...options,
  });
}

async function verified(answer: RawAnswer) {
  expect(answer.status).toBe(200);
  expect(header(answer, 'request-id')).toMatch(/^[0-9A-F]{32}$/);
  await expect(verify(answer, sandboxKeys(sandbox))).resolves.toMatchObject({ ok: true });
  return answer.body;
}

async function refused(answer: RawAnswer, reason: string) {
  expect(answer.status).toBe(200);
  await expect(verify(answer, sandboxKeys(sandbox))).resolves.toEqual({ ok: false, reason });
}

function expectError(answer: RawAnswer, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(errorOf(answer).code).toBe(code);
  expect(header(answer, 'request-id')).toMatch(/^[0-9A-F]{32}$/);
}

const [, LI, , , CHEN] = DEMO_PARENTS;

describe('one contract by its number', () => {
  it("answers a seeded contract with the list item's fields, signed", async () => {
    const [first] = LI.contracts;
    const body = JSON.parse(await verified(await call(first.contract_id)));
    expect(body).toEqual({
      contract_id: first.contract_id,
      mchid: '1900000001',
      appid: 'wxd678efh567hg6787',
      openid: LI.openid,
      plan_id: first.plan_id,
      contract_status: 'ADD',
      create_time: first.create_time,
      out_contract_code: first.out_contract_code,
    });
  });

  it('answers in platform-certificate mode too, with the openid WeChat knows the parent by', async () => {
    const [contract] = CHEN.contracts;
    const body = JSON.parse(await verified(await call(contract.contract_id, { wechatpaySerial: undefined })));
    expect(body).toMatchObject({ contract_id: contract.contract_id, openid: CHEN.answeredAs?.openid });
  });

  it('answers an unknown number with 404 NOT_FOUND, unsigned', async () => {
    const answer = await call('20269999999999999999');
    expectError(answer, 404, 'NOT_FOUND');
    expect(header(answer, 'wechatpay-signature')).toBeUndefined();
  });

  it('refuses a number that is no contract number with 400 PARAM_ERROR', async () => {
    expectError(await call('a%20b'), 400, 'PARAM_ERROR');
    expectError(await call('x'.repeat(65)), 400, 'PARAM_ERROR');
  });

  it('checks the signature of the request as every route does', async () => {
    const stranger = generateRsaKeys();
    expectError(await call(LI.contracts[0].contract_id, { merchantKey: stranger.privateKey }), 401, 'SIGN_ERROR');
  });
});

const behaviour: Record<FaultName, (id: string) => Promise<void>> = {
  'system-error': async (id) => expectError(await call(id), 500, 'SYSTEM_ERROR'),
  'rate-limited': async (id) => expectError(await call(id), 429, 'FREQUENCY_LIMITED'),
  'sign-error': async (id) => expectError(await call(id), 401, 'SIGN_ERROR'),
  'no-auth': async (id) => expectError(await call(id), 403, 'NO_AUTH'),
  'not-found': async (id) => expectError(await call(id), 404, 'RESOURCE_NOT_EXISTS'),
  tampered: async (id) => {
    const answer = await call(id);
    await refused(answer, 'bad-signature');
    // What was changed is what a clerk would act on: the contract reads as terminated.
    expect(JSON.parse(answer.body)).toMatchObject({ contract_id: id, contract_status: 'DELETE' });
  },
  'signature-probe': async (id) => refused(await call(id), 'signature-probe'),
  unsigned: async (id) => refused(await call(id), 'missing-headers'),
  'stale-timestamp': async (id) => refused(await call(id), 'stale-timestamp'),
  'unknown-serial': async (id) => refused(await call(id), 'unknown-serial'),
  'malformed-json': async (id) => {
    const body = await verified(await call(id));
    expect(() => JSON.parse(body)).toThrow(SyntaxError);
  },
  'numeric-ids': async (id) => {
    const body = await verified(await call(id));
    expect(body).toMatch(/"plan_id":\d{18}[,}]/);
  },
  'data-not-array': async (id) => {
    // The list's wrong shape has a non-list; this answer's has a list where one object belongs.
    expect(Array.isArray(JSON.parse(await verified(await call(id))))).toBe(true);
  },
  'system-error-once': async (id) => {
    const answers = [await call(id), await call(id, { base: sandbox.backupUrl })];
    expect(answers.map((answer) => answer.status)).toEqual([500, 200]);
    expect(JSON.parse(await verified(answers[1]))).toMatchObject({ contract_id: id, openid: LI.openid });
  },
  slow: async (id) => {
    await expect(call(id, { signal: AbortSignal.timeout(300) })).rejects.toMatchObject({
      name: expect.stringMatching(/TimeoutError|AbortError/),
    });
  },
  // A fault of one plan among several: by number there is one contract, answered as any other.
  'one-plan-down': async (id) => {
    expect(JSON.parse(await verified(await call(id)))).toMatchObject({ contract_id: id, openid: LI.openid });
  },
  'primary-down': async (id) => {
    await expect(call(id)).rejects.toMatchObject({ code: 'UND_ERR_SOCKET' });
    const body = JSON.parse(await verified(await call(id, { base: sandbox.backupUrl })));
    expect(body).toMatchObject({ contract_id: id, plan_id: LI.contracts[0].plan_id });
  },
};

describe('fault ids by contract number', () => {
  it.each(FAULTS)('$openid behaves as $name', async (fault) => {
    await behaviour[fault.name](fault.openid);
  });
});
