import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '@/test-support/keys';

/**
 * A lookup outside the clerk's schools is refused before anything is sent to WeChat: the WeChat
 * Pay client here counts every call it is asked to make. The store is the app's own (getStore),
 * on a SQLite file of this test's.
 */
const wechat = vi.hoisted(() => ({
  calls: [] as { path: string; params: Record<string, string | number> }[],
}));
vi.mock('@/lib/gateway/gateway', () => ({
  getGateway: async () => ({
    mode: 'sandbox',
    client: {
      async get(path: string, params: Record<string, string | number>) {
        wechat.calls.push({ path, params });
        return { status: 200, requestId: 'REQ-1', json: { data: [], offset: 0, limit: 20, total_count: 0, links: {} } };
      },
    },
  }),
}));

const dir = makeTempDir();
process.env.DATA_DIR = dir.path;
process.env.DATABASE_URL = '';

const { getStore } = await import('@/lib/server/db/database');
const { COMMAND_LINE } = await import('@/lib/schools/roles');
const { addPlan, addSchool, archivePlan } = await import('@/lib/schools/server/school-service');
const { lookupContractsAs } = await import('./staff-lookup');

const ZHANG = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';
const search = (plan_id: string) => ({ openid: ZHANG, plan_id, contract_status: 'ALL', offset: 0, limit: 20 });
const clerkOf = (...schools: string[]) => ({ userId: 'u-clerk', username: 'clerk', role: 'staff' as const, schools });

describe('lookupContractsAs within schools', () => {
  beforeAll(async () => {
    const store = await getStore();
    await addSchool(store, COMMAND_LINE, { key: 'north', name: '北校' });
    await addSchool(store, COMMAND_LINE, { key: 'south', name: '南校' });
    await addPlan(store, COMMAND_LINE, { schoolKey: 'north', planId: '2001', name: '午餐费' });
    await addPlan(store, COMMAND_LINE, { schoolKey: 'south', planId: '3001', name: '午餐费' });
    await addPlan(store, COMMAND_LINE, { schoolKey: 'north', planId: '2009', name: '旧的' });
    await archivePlan(store, COMMAND_LINE, '2009');
  });

  afterAll(async () => {
    await (await getStore()).db.destroy();
    dir.remove();
  });

  const lastRecord = async () =>
    (await getStore()).db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();

  it("looks up the clerk's own school's plan, recording its school", async () => {
    const result = await lookupContractsAs(clerkOf('north'), search('2001'), '10.0.0.8');
    expect(result.ok).toBe(true);
    expect(wechat.calls).toHaveLength(1);
    expect(await lastRecord()).toMatchObject({
      outcome: 'ok',
      plan_id: '2001',
      school_key: 'north',
      username: 'clerk',
    });
  });

  it.each([
    ["another school's plan", clerkOf('north'), '3001', 'out_of_scope', 'south'],
    ['a plan no school holds', clerkOf('north'), '9999', 'out_of_scope', null],
    ['an archived plan', clerkOf('north'), '2009', 'out_of_scope', 'north'],
    ['any plan, for a clerk with no school', clerkOf(), '2001', 'no_school', 'north'],
  ])('refuses %s before WeChat is asked, and records the refusal', async (_, clerk, planId, kind, school) => {
    const before = wechat.calls.length;
    for (const purpose of ['lookup', 'export'] as const) {
      const result = await lookupContractsAs(clerk, search(planId), '10.0.0.8', purpose);
      expect(result).toEqual({ ok: false, error: { kind } });
      expect(await lastRecord()).toMatchObject({
        action: purpose,
        outcome: kind,
        plan_id: planId,
        school_key: school,
        request_id: null,
        client_ip: '10.0.0.8',
      });
    }
    expect(wechat.calls).toHaveLength(before);
  });

  it('lets a provider admin look up any plan id, as before schools', async () => {
    const admin = { userId: 'u-admin', username: 'boss', role: 'admin' as const, schools: [] };
    const before = wechat.calls.length;
    expect((await lookupContractsAs(admin, search('9999'), null)).ok).toBe(true);
    expect((await lookupContractsAs(admin, search('3001'), null)).ok).toBe(true);
    expect(wechat.calls).toHaveLength(before + 2);
    expect(await lastRecord()).toMatchObject({ outcome: 'ok', school_key: 'south' });
  });

  it('still says a malformed search is one, whoever asks', async () => {
    const result = await lookupContractsAs(clerkOf(), { openid: 'bad id', plan_id: '3001' }, null);
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
  });
});
