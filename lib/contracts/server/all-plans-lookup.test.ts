import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '@/test-support/keys';

/**
 * A parent in every plan of a school, against the sandbox as WeChat Pay over real HTTP (the app's
 * own gateway, started in sandbox mode), on the app's own store (a SQLite file of this test's).
 * The sandbox's one-plan-down fault fails 校车费 and answers 午餐费 with rows.
 */
const dir = makeTempDir();
process.env.DATA_DIR = dir.path;
process.env.DATABASE_URL = '';
process.env.WECHATPAY_MCHID = '';

const { getStore } = await import('@/lib/server/db/database');
const { getGateway } = await import('@/lib/gateway/gateway');
const { COMMAND_LINE } = await import('@/lib/schools/roles');
const { addPlan, addSchool, archivePlan } = await import('@/lib/schools/server/school-service');
const { lookupAllPlansAs } = await import('./all-plans-lookup');

const LUNCH = '101164396123311331';
const BUS = '101164396123311332';
const AFTER_SCHOOL = '101164396123311333';
const OLD = '101164396123311339';
const ONE_PLAN_DOWN = 'sandbox_fault_one_plan_down';

const clerkOf = (...schools: string[]) => ({ userId: 'u-clerk', username: 'clerk', role: 'staff' as const, schools });
const search = (openid: string, school?: string) => ({ openid, contract_status: 'ALL' as const, limit: 20, school });

/** The plan ids the gateway's client was asked for, in the order asked. */
const asked: string[] = [];

async function records() {
  const { db } = await getStore();
  return db.selectFrom('audit_log').selectAll().orderBy('id').execute();
}

describe('lookupAllPlansAs against the sandbox', () => {
  beforeAll(async () => {
    const store = await getStore();
    await addSchool(store, COMMAND_LINE, { key: 'north', name: '北校' });
    await addSchool(store, COMMAND_LINE, { key: 'south', name: '南校' });
    await addPlan(store, COMMAND_LINE, { schoolKey: 'north', planId: LUNCH, name: '午餐费' });
    await addPlan(store, COMMAND_LINE, { schoolKey: 'north', planId: BUS, name: '校车费' });
    await addPlan(store, COMMAND_LINE, { schoolKey: 'north', planId: OLD, name: '旧的' });
    await archivePlan(store, COMMAND_LINE, OLD);
    await addPlan(store, COMMAND_LINE, { schoolKey: 'south', planId: AFTER_SCHOOL, name: '课后服务费' });
    const { client } = await getGateway();
    const get = client.get.bind(client);
    vi.spyOn(client, 'get').mockImplementation((path, params, options) => {
      asked.push(String(params?.plan_id));
      return get(path, params, options);
    });
  }, 60_000);

  afterAll(async () => {
    await (await getStore()).db.destroy();
    dir.remove();
  });

  it("shows one plan's failure in its own group while the others show their rows", async () => {
    const before = (await records()).length;
    asked.length = 0;
    const result = await lookupAllPlansAs(clerkOf('north'), search(ONE_PLAN_DOWN), '10.0.0.8');
    if (!result.ok) throw new Error(`expected groups, got ${JSON.stringify(result)}`);
    expect(result.school).toEqual({ key: 'north', name: '北校' });
    // The school's order (by name), the archived plan left out.
    expect(result.groups.map((group) => group.plan)).toEqual([
      { planId: LUNCH, name: '午餐费' },
      { planId: BUS, name: '校车费' },
    ]);
    const [lunch, bus] = result.groups.map((group) => group.result);
    expect(lunch?.ok && lunch.page.rows.map((row) => row.status)).toEqual(['ADD', 'DELETE']);
    expect(bus).toMatchObject({ ok: false, error: { kind: 'unavailable', code: 'SYSTEM_ERROR' } });
    expect(!bus?.ok && bus?.error.requestId).toMatch(/^[0-9A-F]{32}$/);

    // Every plan asked is one audited lookup of its own, with its outcome and Request-ID.
    const added = (await records()).slice(before);
    expect(added.map((record) => [record.plan_id, record.outcome, record.school_key]).sort()).toEqual([
      [LUNCH, 'ok', 'north'],
      [BUS, 'unavailable', 'north'],
    ]);
    expect(added.every((record) => record.client_ip === '10.0.0.8' && record.request_id)).toBe(true);
    // Another school's plan and an archived plan are never asked.
    expect(new Set(asked)).toEqual(new Set([LUNCH, BUS]));
  });

  it('never asks a plan of a school out of reach, whatever school the search names', async () => {
    asked.length = 0;
    const result = await lookupAllPlansAs(clerkOf('north'), search('o3W2Fs1kZt7yQeR4vB8nLp0xHc5A', 'south'), null);
    expect(result.ok && result.school.key).toBe('north');
    expect(asked).not.toContain(AFTER_SCHOOL);
  });

  it('asks a clerk of several schools to choose one, asking no plan, and records the refusal', async () => {
    asked.length = 0;
    const before = (await records()).length;
    const result = await lookupAllPlansAs(clerkOf('north', 'south'), search(ONE_PLAN_DOWN), null);
    expect(result).toEqual({ ok: false, refusal: 'choose_school' });
    expect(asked).toEqual([]);
    expect((await records()).slice(before)).toMatchObject([
      { outcome: 'choose_school', openid: ONE_PLAN_DOWN, plan_id: null },
    ]);
  });

  it("searches the chosen school of a clerk of several, and a provider admin's chosen school", async () => {
    asked.length = 0;
    const zhao = 'oK5nR8wE2tY7uI1oP4aS6dF9gH0j';
    const result = await lookupAllPlansAs(clerkOf('north', 'south'), search(zhao, 'south'), null);
    expect(result.ok && result.groups.map((group) => group.result.ok && group.result.page.rows.length)).toEqual([6]);
    const admin = { userId: 'u-admin', username: 'boss', role: 'admin' as const, schools: [] };
    expect(await lookupAllPlansAs(admin, search(zhao), null)).toEqual({ ok: false, refusal: 'choose_school' });
    expect((await lookupAllPlansAs(admin, search(zhao, 'north'), null)).ok).toBe(true);
    expect(asked.sort()).toEqual([LUNCH, BUS, AFTER_SCHOOL].sort());
  });
});
