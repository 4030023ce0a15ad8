import type { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '@/lib/audit/server/store';
import { schoolKeysOf } from '@/lib/schools/server/directory';
import { DEFAULT_SCHOOL, seedSchoolPlans } from '@/lib/schools/server/seed';
import { parseDatabase } from '@/lib/settings/storage';
import { signIn, testAuth } from '@/test-support/accounts';
import { STORES, type TestStoreEnv } from '@/test-support/databases';
import { openStore, type Store } from './database';
import { migrate, migrations } from './migrations';

/**
 * A database made by the version before schools (migrations 001–002, with accounts, sessions and
 * audit records in it) upgrades in place: everything is kept, and WECHATPAY_PLANS makes the
 * single school its staff keep working in.
 */
async function migrateToBeforeSchools(store: Store): Promise<void> {
  const all = migrations(store.type);
  const before = { '001-auth': all['001-auth'], '002-audit-and-rate-limit': all['002-audit-and-rate-limit'] };
  const migrator = new Migrator({ db: store.db as Kysely<unknown>, provider: { getMigrations: async () => before } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

const everything = async (store: Store) => ({
  users: await store.db.selectFrom('user').selectAll().orderBy('id').execute(),
  sessions: await store.db.selectFrom('session').selectAll().orderBy('id').execute(),
  accounts: await store.db.selectFrom('account').selectAll().orderBy('id').execute(),
  audit: await store.db
    .selectFrom('audit_log')
    .select(['id', 'at', 'user_id', 'username', 'action', 'openid', 'plan_id', 'outcome', 'request_id', 'client_ip'])
    .orderBy('id')
    .execute(),
});

describe.each(STORES)('%o', (makeEnv) => {
  let testEnv: TestStoreEnv;
  let store: Store;
  let auth: ReturnType<typeof testAuth>;
  let before: Awaited<ReturnType<typeof everything>>;

  beforeAll(async () => {
    testEnv = await makeEnv();
    store = openStore(parseDatabase(testEnv.env));
    await migrateToBeforeSchools(store);
    auth = testAuth(store);
    // As today's main made them: better-auth's own endpoints, and lookups in the audit trail.
    for (const [name, role] of [
      ['root', 'admin'],
      ['wang', 'staff'],
      ['li', 'staff'],
    ] as const) {
      await auth.api.createUser({
        body: {
          email: `${name}@staff.invalid`,
          password: `${name}-password-1`,
          name,
          role: role as 'admin',
          data: { username: name },
        },
      });
      await signIn(auth, name, `${name}-password-1`);
    }
    const li = await store.db.selectFrom('user').select('id').where('username', '=', 'li').executeTakeFirstOrThrow();
    // Disabled, as the users page did it (better-auth's banUser, which wants an admin's session).
    await store.db
      .updateTable('user')
      .set({ banned: store.type === 'sqlite' ? 1 : true })
      .where('id', '=', li.id)
      .execute();
    for (let n = 0; n < 3; n += 1) {
      await appendAudit(store.db, {
        at: Date.UTC(2026, 0, 1 + n),
        user_id: 'u-old',
        username: 'wang',
        action: 'lookup',
        openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
        plan_id: '2001',
        contract_status: 'ALL',
        offset: 0,
        limit: 20,
        outcome: 'ok',
        result_count: 20,
        error_code: null,
        request_id: `OLD-${n}`,
        client_ip: '10.0.0.8',
      });
    }
    before = await everything(store);
  }, 60_000);

  afterAll(async () => {
    await store?.db.destroy();
    await testEnv?.drop();
  });

  it('keeps every account, session and audit record through the upgrade', async () => {
    expect(before.users).toHaveLength(3);
    expect(before.sessions).toHaveLength(3);
    expect(before.audit).toHaveLength(3);
    await migrate(store.db, store.type);
    const after = await everything(store);
    // Later migrations add columns to the accounts (madeInSandbox: null for those made before it).
    expect({ ...after, users: after.users.map(({ madeInSandbox: _, ...user }) => user) }).toEqual(before);
    expect(after.users.map((user) => user.madeInSandbox)).toEqual(before.users.map(() => null));
    const old = await store.db.selectFrom('audit_log').select(['school_key', 'subject', 'detail']).execute();
    expect(old).toEqual(Array(3).fill({ school_key: null, subject: null, detail: null }));
    // The accounts still sign in, as before.
    expect(await signIn(auth, 'wang', 'wang-password-1')).toMatchObject({ token: expect.any(String) });
    expect(await signIn(auth, 'li', 'li-password-1')).toEqual({ refused: 'BANNED_USER' });
  });

  it('WECHATPAY_PLANS makes the school default and gives it to every staff member without a school, once', async () => {
    const plans = [
      { name: '午餐费', planId: '2001' },
      { name: '校车费', planId: '2002' },
    ];
    const first = await seedSchoolPlans(store, plans);
    expect(first).toEqual({
      created: true,
      plansAdded: ['2001', '2002'],
      plansSkipped: [],
      staffAssigned: ['li', 'wang'],
    });
    const id = async (name: string) =>
      (await store.db.selectFrom('user').select('id').where('username', '=', name).executeTakeFirstOrThrow()).id;
    expect(await schoolKeysOf(store.db, await id('wang'))).toEqual([DEFAULT_SCHOOL.key]);
    expect(await schoolKeysOf(store.db, await id('root'))).toEqual([]);
    const school = await store.db.selectFrom('school').selectAll().executeTakeFirstOrThrow();
    expect(school).toMatchObject({ key: 'default', name: '本校' });

    // Meanwhile an admin renamed a plan and a clerk without a school was added.
    await store.db.updateTable('plan').set({ name: '午饭' }).where('plan_id', '=', '2001').execute();
    await auth.api.createUser({
      body: { email: 'new@staff.invalid', password: 'new-password-1', name: 'new', data: { username: 'new' } },
    });
    const again = await seedSchoolPlans(store, [...plans, { name: '课后服务费', planId: '2003' }]);
    expect(again).toEqual({ created: false, plansAdded: ['2003'], plansSkipped: [], staffAssigned: [] });
    const names = await store.db.selectFrom('plan').select(['plan_id', 'name']).orderBy('plan_id').execute();
    expect(names).toEqual([
      { plan_id: '2001', name: '午饭' },
      { plan_id: '2002', name: '校车费' },
      { plan_id: '2003', name: '课后服务费' },
    ]);
    expect(await schoolKeysOf(store.db, await id('new'))).toEqual([]);

    // Fewer plans listed later removes nothing.
    expect(await seedSchoolPlans(store, [])).toMatchObject({ created: false, plansAdded: [] });
    expect(await store.db.selectFrom('plan').select('plan_id').execute()).toHaveLength(3);
    const acts = await store.db
      .selectFrom('audit_log')
      .select(['action', 'username', 'subject'])
      .where('action', '!=', 'lookup')
      .orderBy('id')
      .execute();
    expect(acts).toEqual([
      { action: 'school_add', username: 'WECHATPAY_PLANS', subject: 'default' },
      { action: 'plan_add', username: 'WECHATPAY_PLANS', subject: '2001' },
      { action: 'plan_add', username: 'WECHATPAY_PLANS', subject: '2002' },
      { action: 'account_schools', username: 'WECHATPAY_PLANS', subject: 'li' },
      { action: 'account_schools', username: 'WECHATPAY_PLANS', subject: 'wang' },
      { action: 'plan_add', username: 'WECHATPAY_PLANS', subject: '2003' },
    ]);
  });

  it('leaves a plan id another school holds where it is, and says so', async () => {
    await store.db
      .insertInto('school')
      .values({ key: 'other', name: '别校', wechat_school_id: null, archived_at: null, created_at: 1 })
      .execute();
    await store.db
      .insertInto('plan')
      .values({ plan_id: '7001', school_key: 'other', name: '午餐费', archived_at: null, created_at: 1 })
      .execute();
    const report = await seedSchoolPlans(store, [{ name: '其他', planId: '7001' }]);
    expect(report.plansAdded).toEqual([]);
    expect(report.plansSkipped).toEqual([{ planId: '7001', why: 'planTaken {"planId":"7001","school":"other"}' }]);
  });
});
