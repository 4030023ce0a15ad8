import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { STORES } from '@/test-support/databases';
import { sharedStore } from '@/test-support/shared-store';
import { DEMO_EMAIL } from './first-admin';
import { settleSandboxAccounts } from './sandbox-accounts';

/** A merchant's start and the accounts a sandbox trial left, on both databases the app supports. */
interface Tables {
  user: {
    id: string;
    name: string;
    email: string;
    emailVerified: boolean | number;
    createdAt: string;
    updatedAt: string;
    username: string;
    madeInSandbox: boolean | number | null;
  };
  session: { id: string; expiresAt: string; token: string; createdAt: string; updatedAt: string; userId: string };
}

describe.each(STORES)('%o', (makeEnv) => {
  const store = sharedStore(makeEnv);
  const db = () => store.db as unknown as Kysely<Tables>;
  const flag = (value: boolean | null) => (value === null || store.type === 'postgres' ? value : Number(value));

  async function account(username: string, madeInSandbox: boolean | null, email = `${username}@staff.invalid`) {
    const now = new Date().toISOString();
    await db()
      .insertInto('user')
      .values({
        id: `id-${username}`,
        name: username,
        email,
        emailVerified: flag(false) as boolean,
        createdAt: now,
        updatedAt: now,
        username,
        madeInSandbox: flag(madeInSandbox),
      })
      .execute();
    await db()
      .insertInto('session')
      .values({
        id: `s-${username}`,
        token: `t-${username}`,
        expiresAt: now,
        createdAt: now,
        updatedAt: now,
        userId: `id-${username}`,
      })
      .execute();
  }
  const usernames = async () =>
    (await db().selectFrom('user').select('username').orderBy('username').execute()).map((row) => row.username);
  const sessions = async () =>
    (await db().selectFrom('session').select('userId').orderBy('userId').execute()).map((row) => row.userId);

  it('does nothing when no account was made in sandbox mode', async () => {
    await account('before-marks', null);
    await account('merchant-made', false);
    await account('demo', true, DEMO_EMAIL);
    await expect(settleSandboxAccounts(store, undefined)).resolves.toBeUndefined();
  });

  it('stops the start, naming them and what to do, while nobody has decided', async () => {
    await account('trial-clerk', true);
    await account('trial-admin', true);
    await expect(settleSandboxAccounts(store, undefined)).rejects.toThrow(
      expect.objectContaining({
        name: 'ConfigError',
        variable: 'DASHBOARD_SANDBOX_ACCOUNTS',
        message: expect.stringMatching(
          /^DASHBOARD_SANDBOX_ACCOUNTS: the database holds 2 accounts made in sandbox mode \(trial-admin, trial-clerk\).*=remove.*=keep/,
        ),
      }),
    );
    expect(await usernames()).toEqual(['before-marks', 'demo', 'merchant-made', 'trial-admin', 'trial-clerk']);
  });

  it('keeps them as real accounts, their sessions ended, and asks no more', async () => {
    await settleSandboxAccounts(store, 'keep');
    expect(await usernames()).toEqual(['before-marks', 'demo', 'merchant-made', 'trial-admin', 'trial-clerk']);
    expect(await sessions()).toEqual(['id-before-marks', 'id-demo', 'id-merchant-made']);
    await expect(settleSandboxAccounts(store, undefined)).resolves.toBeUndefined();
  });

  it('removes them, their sessions with them', async () => {
    await account('another-trial', true);
    await settleSandboxAccounts(store, 'remove');
    expect(await usernames()).toEqual(['before-marks', 'demo', 'merchant-made', 'trial-admin', 'trial-clerk']);
    expect(await sessions()).toEqual(['id-before-marks', 'id-demo', 'id-merchant-made']);
  });
});
