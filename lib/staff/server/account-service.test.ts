import { beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_LINE, type Origin } from '@/lib/schools/roles';
import { addSchool, archiveSchool } from '@/lib/schools/server/school-service';
import { openStore } from '@/lib/server/db/database';
import { parseDatabase } from '@/lib/settings/storage';
import { accountDeps, signIn, testAuth } from '@/test-support/accounts';
import { STORES } from '@/test-support/databases';
import { sharedStore } from '@/test-support/shared-store';
import {
  type Account,
  type AccountDeps,
  changeRole,
  createAccount,
  disableAccount,
  enableAccount,
  findAccount,
  listAccounts,
  resetPassword,
  setAccountSchools,
} from './account-service';

const PASSWORD = 'first-password-1';
const asCli: Origin = COMMAND_LINE;
const as = (account: Account, from = '10.0.0.9'): Origin => ({
  actor: { userId: account.id, username: account.username, role: account.role, schools: account.schools },
  from,
});

describe.each(STORES)('%o', (makeEnv) => {
  const store = sharedStore(makeEnv);
  let deps: AccountDeps;
  let auth: ReturnType<typeof testAuth>;

  beforeAll(async () => {
    deps = accountDeps(store);
    auth = testAuth(store);
    for (const key of ['north', 'south', 'closed']) {
      await addSchool(store, asCli, { key, name: `${key} school` });
    }
    await archiveSchool(store, asCli, 'closed');
  });

  async function create(username: string, role: Account['role'], schools: string[] = [], origin = asCli) {
    const result = await createAccount(deps, origin, { username, password: PASSWORD, role, schools });
    if (!result.ok) throw new Error(`${username} not created: ${result.issue}`);
    return result.account;
  }

  const sessionsOf = async (userId: string) =>
    (await store.db.selectFrom('session').select('id').where('userId', '=', userId).execute()).length;
  const actsOn = (subject: string) =>
    store.db.selectFrom('audit_log').selectAll().where('subject', '=', subject).orderBy('id').execute();
  const counts = async () => ({
    users: (await store.db.selectFrom('user').select('id').execute()).length,
    records: (await store.db.selectFrom('audit_log').select('id').execute()).length,
  });

  it('creates an account that better-auth signs in, with its schools and one audit record per school', async () => {
    const clerk = await create('Wang.Li', 'staff', ['north', 'south']);
    expect(clerk).toMatchObject({ username: 'wang.li', role: 'staff', banned: false, schools: ['north', 'south'] });
    expect(await signIn(auth, 'wang.li', PASSWORD)).toMatchObject({ token: expect.any(String) });
    expect(await signIn(auth, 'Wang.Li', 'wrong-password')).toEqual({ refused: 'INVALID_USERNAME_OR_PASSWORD' });
    expect(await findAccount(store.db, { username: 'WANG.LI' })).toMatchObject({
      id: clerk.id,
      schools: ['north', 'south'],
    });
    const records = await actsOn('wang.li');
    expect(records.map((r) => [r.action, r.school_key, r.username, r.client_ip, r.outcome])).toEqual([
      ['account_create', 'north', 'cli', 'cli', 'ok'],
      ['account_create', 'south', 'cli', 'cli', 'ok'],
    ]);
    expect(records[0].detail).toBe('role staff');
  });

  it.each([
    ['a taken username, in any case', { username: 'WANG.LI', schools: ['north'] }, 'usernameTaken'],
    ['an unknown school', { username: 'zhou', schools: ['nowhere'] }, 'schoolUnknown'],
    ['an archived school', { username: 'zhou', schools: ['closed'] }, 'schoolArchived'],
    ['a short password', { username: 'zhou', schools: ['north'], password: 'short' }, 'passwordLength'],
    ['a bad username', { username: 'zh..ou', schools: ['north'] }, 'usernameDots'],
  ])('refuses %s and changes nothing', async (_, input, issue) => {
    const before = await counts();
    const result = await createAccount(deps, asCli, { password: PASSWORD, role: 'staff', ...input });
    expect(result).toMatchObject({ ok: false, issue });
    expect(await counts()).toEqual(before);
  });

  it('disabling ends the sessions at once and refuses sign-in; enabling lets them in again', async () => {
    const clerk = await create('zhao', 'staff', ['north']);
    await signIn(auth, 'zhao', PASSWORD);
    await signIn(auth, 'zhao', PASSWORD);
    expect(await sessionsOf(clerk.id)).toBe(2);
    expect(await disableAccount(deps, asCli, { username: 'zhao' })).toMatchObject({
      ok: true,
      account: { banned: true },
    });
    expect(await sessionsOf(clerk.id)).toBe(0);
    expect(await signIn(auth, 'zhao', PASSWORD)).toEqual({ refused: 'BANNED_USER' });
    expect(await enableAccount(deps, asCli, { id: clerk.id })).toMatchObject({ ok: true, account: { banned: false } });
    expect(await signIn(auth, 'zhao', PASSWORD)).toMatchObject({ token: expect.any(String) });
    expect((await actsOn('zhao')).map((r) => r.action)).toEqual([
      'account_create',
      'account_disable',
      'account_enable',
    ]);
  });

  it("resetting a password ends the person's sessions; resetting one's own keeps only the session it was done in", async () => {
    const clerk = await create('qian', 'staff', ['south']);
    await signIn(auth, 'qian', PASSWORD);
    expect(await resetPassword(deps, asCli, { username: 'qian' }, 'second-password-2')).toMatchObject({ ok: true });
    expect(await sessionsOf(clerk.id)).toBe(0);
    expect(await signIn(auth, 'qian', PASSWORD)).toEqual({ refused: 'INVALID_USERNAME_OR_PASSWORD' });
    expect(await signIn(auth, 'qian', 'second-password-2')).toMatchObject({ token: expect.any(String) });

    const boss = await create('boss', 'admin');
    await signIn(auth, 'boss', PASSWORD);
    await signIn(auth, 'boss', PASSWORD);
    const [here, elsewhere] = await store.db.selectFrom('session').select('id').where('userId', '=', boss.id).execute();
    const fromHere = { ...as(boss), keepSession: here.id };
    expect(await resetPassword(deps, fromHere, { id: boss.id }, 'boss-password-2')).toMatchObject({ ok: true });
    const left = await store.db.selectFrom('session').select('id').where('userId', '=', boss.id).execute();
    expect(left.map((session) => session.id)).toEqual([here.id]);
    expect(left.map((session) => session.id)).not.toContain(elsewhere.id);
    expect(await resetPassword(deps, asCli, { username: 'qian' }, 'short')).toEqual({
      ok: false,
      issue: 'passwordLength',
    });
  });

  it('changes roles and schools from the next request, with the change in the record', async () => {
    const clerk = await create('sun', 'staff', ['north']);
    expect(await changeRole(deps, asCli, { username: 'sun' }, 'school_admin')).toMatchObject({
      ok: true,
      account: { role: 'school_admin' },
    });
    expect(await setAccountSchools(deps, asCli, { id: clerk.id }, ['south', 'north'])).toMatchObject({
      ok: true,
      account: { schools: ['north', 'south'] },
    });
    expect(await findAccount(store.db, { id: clerk.id })).toMatchObject({
      role: 'school_admin',
      schools: ['north', 'south'],
    });
    const records = await actsOn('sun');
    expect(records.filter((r) => r.action === 'account_role').map((r) => r.detail)).toEqual(['staff → school_admin']);
    // The schools change shows in the trail of every school it touched.
    expect(records.filter((r) => r.action === 'account_schools').map((r) => [r.school_key, r.detail])).toEqual([
      ['north', 'north → north,south'],
      ['south', 'north → north,south'],
    ]);
    expect(await setAccountSchools(deps, asCli, { id: clerk.id }, ['closed'])).toEqual({
      ok: false,
      issue: 'schoolArchived',
      subject: 'closed',
    });
  });

  it('keeps a school admin to staff of their own schools', async () => {
    const head = await create('head-north', 'school_admin', ['north']);
    const byHead = as(head);
    const mine = await createAccount(deps, byHead, {
      username: 'clerk-n',
      password: PASSWORD,
      role: 'staff',
      schools: ['north'],
    });
    expect(mine).toMatchObject({ ok: true, account: { schools: ['north'] } });
    expect(
      await createAccount(deps, byHead, { username: 'clerk-s', password: PASSWORD, role: 'staff', schools: ['south'] }),
    ).toEqual({
      ok: false,
      issue: 'notAllowed',
    });
    expect(
      await createAccount(deps, byHead, { username: 'root2', password: PASSWORD, role: 'admin', schools: [] }),
    ).toEqual({
      ok: false,
      issue: 'notAllowed',
    });
    expect(await disableAccount(deps, byHead, { username: 'boss' })).toMatchObject({ ok: false, issue: 'notAllowed' });
    expect(await setAccountSchools(deps, byHead, { username: 'clerk-n' }, ['north', 'south'])).toMatchObject({
      ok: false,
      issue: 'notAllowed',
    });
    expect(await changeRole(deps, byHead, { username: 'clerk-n' }, 'admin')).toMatchObject({
      ok: false,
      issue: 'notAllowed',
    });
    expect(await disableAccount(deps, byHead, { username: 'clerk-n' })).toMatchObject({ ok: true });
    // The records name the school admin as actor, and where they acted from.
    expect((await actsOn('clerk-n')).map((r) => [r.action, r.username, r.client_ip])).toEqual([
      ['account_create', 'head-north', '10.0.0.9'],
      ['account_disable', 'head-north', '10.0.0.9'],
    ]);
    const seen = await listAccounts(store.db, byHead.actor);
    expect(seen.every((account) => account.schools.length > 0 && account.schools.every((s) => s === 'north'))).toBe(
      true,
    );
    expect(seen.map((account) => account.username)).toContain('clerk-n');
    expect(seen.map((account) => account.username)).not.toContain('boss');
    expect(seen.find((account) => account.username === 'clerk-n')?.manageable).toBe(true);
    // A clerk shared with another school is listed (with this school only) but not the head's to change.
    await createAccount(deps, asCli, {
      username: 'clerk-ns',
      password: PASSWORD,
      role: 'staff',
      schools: ['north', 'south'],
    });
    const shared = (await listAccounts(store.db, byHead.actor)).find((account) => account.username === 'clerk-ns');
    expect(shared).toMatchObject({ schools: ['north'], manageable: false });
    expect(await disableAccount(deps, byHead, { username: 'clerk-ns' })).toMatchObject({
      ok: false,
      issue: 'notAllowed',
    });
    expect(await listAccounts(store.db, { ...byHead.actor, role: 'staff' })).toEqual([]);
  });

  it('never leaves no enabled provider admin: not by disabling, demoting, or oneself', async () => {
    const admins = (await listAccounts(store.db, asCli.actor)).filter((a) => a.role === 'admin' && !a.banned);
    // Down to one enabled admin: boss.
    for (const other of admins.filter((a) => a.username !== 'boss'))
      await disableAccount(deps, asCli, { id: other.id });
    expect(await disableAccount(deps, asCli, { username: 'boss' })).toEqual({
      ok: false,
      issue: 'lastAdmin',
      subject: 'boss',
    });
    expect(await changeRole(deps, asCli, { username: 'boss' }, 'staff')).toEqual({
      ok: false,
      issue: 'lastAdmin',
      subject: 'boss',
    });
    const boss = (await findAccount(store.db, { username: 'boss' })) as Account;
    expect(await disableAccount(deps, as(boss), { id: boss.id })).toMatchObject({ issue: 'selfDisable' });
    expect(await changeRole(deps, as(boss), { id: boss.id }, 'staff')).toMatchObject({ issue: 'selfDemote' });
    // A disabled admin may be demoted: it changes nothing about who can sign in.
    const spare = await create('spare-admin', 'admin');
    await disableAccount(deps, asCli, { id: spare.id });
    expect(await changeRole(deps, asCli, { id: spare.id }, 'staff')).toMatchObject({ ok: true });
    expect(await findAccount(store.db, { username: 'boss' })).toMatchObject({ role: 'admin', banned: false });
  });

  it('lets only one of two admins who remove each other at the same moment succeed', async () => {
    // Two connections on PostgreSQL, as two instances or the command line beside the app; SQLite's
    // one connection per process queues them, and other processes wait on its lock (CLI test).
    const second = store.type === 'postgres' ? openStore(parseDatabase(store.env)) : store;
    try {
      for (let round = 0; round < 6; round += 1) {
        const a = await create(`race-a${round}`, 'admin');
        const b = await create(`race-b${round}`, 'admin');
        const enabled = (await listAccounts(store.db, asCli.actor)).filter((x) => x.role === 'admin' && !x.banned);
        for (const other of enabled.filter((x) => x.id !== a.id && x.id !== b.id)) {
          expect(await disableAccount(deps, asCli, { id: other.id })).toMatchObject({ ok: true });
        }
        const otherDeps = { ...deps, store: second };
        const [first, other] = await Promise.all([
          round % 2 ? disableAccount(deps, as(a), { id: b.id }) : changeRole(deps, as(a), { id: b.id }, 'staff'),
          disableAccount(otherDeps, as(b), { id: a.id }),
        ]);
        expect([first.ok, other.ok].sort()).toEqual([false, true]);
        expect([first, other].find((result) => !result.ok)).toMatchObject({ issue: 'lastAdmin' });
        const left = (await listAccounts(store.db, asCli.actor)).filter((x) => x.role === 'admin' && !x.banned);
        expect(left).toHaveLength(1);
      }
    } finally {
      if (second !== store) await second.db.destroy();
    }
  }, 60_000);
});
