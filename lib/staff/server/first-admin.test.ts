import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '@/test-support/keys';

/** At start, with the app's own store and better-auth, on a SQLite file of this test's. */
const dir = makeTempDir();
process.env.DATA_DIR = dir.path;
process.env.DATABASE_URL = '';

const { getStore } = await import('@/lib/server/db/database');
const { COMMAND_LINE } = await import('@/lib/schools/roles');
const { ensureFirstAdmin } = await import('./first-admin');
const { authTools, disableAccount, listAccounts } = await import('./account-service');

const settings = (username: string) => ({
  sessionIdleHours: 8,
  lookupsPerMinute: 60,
  secureCookies: false,
  trustedProxies: 0,
  admin: { username, password: `${username}-password-1` },
});

describe('ensureFirstAdmin', () => {
  afterAll(async () => {
    await (await getStore()).db.destroy();
    dir.remove();
  });

  const admins = async () =>
    (await listAccounts((await getStore()).db, COMMAND_LINE.actor))
      .filter((account) => account.role === 'admin')
      .map((account) => [account.username, account.banned]);

  it('makes the first admin from DASHBOARD_ADMIN_*, and no other while one is enabled', async () => {
    await ensureFirstAdmin(settings('first'), false);
    await ensureFirstAdmin(settings('second'), false);
    expect(await admins()).toEqual([['first', false]]);
  });

  it('does not count a disabled admin: with every admin disabled, DASHBOARD_ADMIN_* makes an enabled one', async () => {
    const store = await getStore();
    // Disabled by hand: the account service would refuse to disable the last admin.
    await store.db.updateTable('user').set({ banned: 1 }).where('username', '=', 'first').execute();
    await ensureFirstAdmin(settings('rescue'), false);
    expect(await admins()).toEqual([
      ['first', true],
      ['rescue', false],
    ]);
    const deps = { store, auth: await authTools() };
    expect(await disableAccount(deps, COMMAND_LINE, { username: 'rescue' })).toMatchObject({ issue: 'lastAdmin' });
  });
});
