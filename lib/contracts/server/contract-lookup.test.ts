import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningSandbox } from '@/lib/sandbox';
import { createWechatPayClient, type WechatPayClient } from '@/lib/wechatpay/client';
import { createSigner } from '@/lib/wechatpay/signer';
import { createVerifier, staticKeys } from '@/lib/wechatpay/verifier';
import { generateRsaKeys, makeTempDir } from '@/test-support/keys';
import { DEMO_PARENTS, MCHID, SERIAL, startTestSandbox, USER_AGENT } from '@/test-support/sandbox';

/**
 * A contract by its number, as a clerk, against the sandbox over real HTTP (signed, verified): the
 * contract's plan decides the school scope, refusals are recorded, and what never should reach
 * WeChat does not (the sandbox counts every request). The store is the app's own, on a SQLite file.
 */
const wechat = vi.hoisted(() => ({ client: undefined as unknown }));
vi.mock('@/lib/gateway/gateway', () => ({ getGateway: async () => ({ client: wechat.client }) }));

const dir = makeTempDir();
process.env.DATA_DIR = dir.path;
process.env.DATABASE_URL = '';

const { getStore } = await import('@/lib/server/db/database');
const { COMMAND_LINE } = await import('@/lib/schools/roles');
const { addPlan, addSchool } = await import('@/lib/schools/server/school-service');
const { lookupContractAs } = await import('./contract-lookup');

const [ZHANG, LI, , ZHAO, CHEN] = DEMO_PARENTS;
const LI_LUNCH = LI.contracts[0];
const CHEN_BUS = CHEN.contracts[0];
const clerkOf = (...schools: string[]) => ({ userId: 'u-clerk', username: 'clerk', role: 'staff' as const, schools });
const ADMIN = { userId: 'u-admin', username: 'boss', role: 'admin' as const, schools: [] };
const NONE = { ok: true, contract: null };

let sandbox: RunningSandbox;
let client: WechatPayClient;

const lastRecord = async () =>
  (await getStore()).db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();

beforeAll(async () => {
  const merchant = generateRsaKeys();
  sandbox = await startTestSandbox(merchant);
  client = createWechatPayClient({
    baseUrl: sandbox.url,
    signer: createSigner({ mchid: MCHID, serialNo: SERIAL, privateKey: merchant.privateKey }),
    verifier: createVerifier({ keys: staticKeys(new Map([[sandbox.publicKeyId, sandbox.publicKey]])) }),
    userAgent: USER_AGENT,
    timeoutMs: 10_000,
    maxAttempts: 1,
    headers: { 'wechatpay-serial': sandbox.publicKeyId },
  });
  wechat.client = client;
  const store = await getStore();
  await addSchool(store, COMMAND_LINE, { key: 'north', name: '北校' });
  await addSchool(store, COMMAND_LINE, { key: 'south', name: '南校' });
  await addPlan(store, COMMAND_LINE, { schoolKey: 'north', planId: LI_LUNCH.plan_id, name: '午餐费' });
  await addPlan(store, COMMAND_LINE, { schoolKey: 'south', planId: ZHAO.contracts[0].plan_id, name: '课后服务费' });
}, 30_000);

afterAll(async () => {
  await client.close();
  await sandbox.close();
  await (await getStore()).db.destroy();
  dir.remove();
});

describe('lookupContractAs', () => {
  it("shows a contract of the clerk's school, and records whose it is", async () => {
    const result = await lookupContractAs(clerkOf('north'), { contract_id: LI_LUNCH.contract_id }, '10.0.0.8');
    expect(result).toEqual({
      ok: true,
      contract: expect.objectContaining({
        contractId: LI_LUNCH.contract_id,
        openid: LI.openid,
        planId: LI_LUNCH.plan_id,
        status: 'ADD',
        createTime: LI_LUNCH.create_time,
        createTimeText: '2026-09-01 10:00:00',
        openidMismatch: false,
      }),
    });
    expect(await lastRecord()).toMatchObject({
      action: 'contract_lookup',
      subject: LI_LUNCH.contract_id,
      openid: LI.openid,
      plan_id: LI_LUNCH.plan_id,
      school_key: 'north',
      outcome: 'ok',
      result_count: 1,
      request_id: expect.stringMatching(/^[0-9A-F]{32}$/),
      client_ip: '10.0.0.8',
    });
  });

  it('answers an unknown number as none, recording WeChat’s NOT_FOUND', async () => {
    const result = await lookupContractAs(clerkOf('north'), { contract_id: '20269999999999999999' }, null);
    expect(result).toEqual(NONE);
    expect(await lastRecord()).toMatchObject({
      subject: '20269999999999999999',
      outcome: 'not_found',
      error_code: 'NOT_FOUND',
      openid: null,
      plan_id: null,
      request_id: expect.stringMatching(/^[0-9A-F]{32}$/),
    });
  });

  it.each([
    ["another school's contract", LI_LUNCH.contract_id, clerkOf('south'), 'north'],
    ['a contract of a plan no school holds', CHEN_BUS.contract_id, clerkOf('north'), null],
  ])(
    'answers %s exactly as an unknown number, and records the refusal without its parent',
    async (_, id, clerk, school) => {
      const result = await lookupContractAs(clerk, { contract_id: id }, null);
      expect(result).toEqual(NONE);
      expect(JSON.stringify(result)).not.toContain(id);
      expect(await lastRecord()).toMatchObject({
        action: 'contract_lookup',
        subject: id,
        outcome: 'out_of_scope',
        openid: null,
        plan_id: null,
        result_count: null,
        school_key: school,
      });
    },
  );

  it('lets a provider admin see a contract of any plan', async () => {
    const result = await lookupContractAs(ADMIN, { contract_id: CHEN_BUS.contract_id }, null);
    // The parent gave another AppID's openid: the contract still shows, with the openid WeChat knows.
    expect(result).toMatchObject({ ok: true, contract: { openid: CHEN.answeredAs?.openid, openidMismatch: false } });
    expect(await lastRecord()).toMatchObject({ outcome: 'ok', plan_id: CHEN_BUS.plan_id, school_key: null });
  });

  it.each([
    ['a number that is no contract number', clerkOf('north'), { contract_id: '2026 0000' }, 'invalid_input'],
    ['a forged call', clerkOf('north'), { contract_id: { toString: 1 } }, 'invalid_input'],
    ['any number, for a clerk with no school', clerkOf(), { contract_id: LI_LUNCH.contract_id }, 'no_school'],
  ])('refuses %s before WeChat is asked, and records it', async (_, clerk, input, kind) => {
    const before = sandbox.requestCount();
    const result = await lookupContractAs(clerk, input, null);
    expect(result).toEqual({ ok: false, error: { kind } });
    expect(sandbox.requestCount()).toBe(before);
    expect(await lastRecord()).toMatchObject({ action: 'contract_lookup', outcome: kind, request_id: null });
  });

  it('shows nothing of an answer that fails verification, and gives WeChat’s Request-ID', async () => {
    const result = await lookupContractAs(clerkOf('north'), { contract_id: 'sandbox_fault_tampered' }, null);
    expect(result).toEqual({
      ok: false,
      error: { kind: 'unverified', status: 200, requestId: expect.stringMatching(/^[0-9A-F]{32}$/) },
    });
    expect(await lastRecord()).toMatchObject({ outcome: 'unverified', openid: null, plan_id: null });
  });

  it.each([
    ['sandbox_fault_numeric_ids', 'malformed'],
    ['sandbox_fault_data_not_array', 'malformed'],
    ['sandbox_fault_system_error', 'unavailable'],
  ])('says %s failed as %s, with the Request-ID', async (id, kind) => {
    const result = await lookupContractAs(clerkOf('north'), { contract_id: id }, null);
    expect(result).toMatchObject({ ok: false, error: { kind, requestId: expect.stringMatching(/^[0-9A-F]{32}$/) } });
  });

  it("never shows a parent's other contracts: the number is the one looked up", async () => {
    const result = await lookupContractAs(clerkOf('north'), { contract_id: ZHANG.contracts[3].contract_id }, null);
    expect(result).toMatchObject({ ok: true, contract: { contractId: ZHANG.contracts[3].contract_id } });
  });
});
