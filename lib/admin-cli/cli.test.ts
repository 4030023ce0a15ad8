import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Store } from '@/lib/server/db/database';
import { accountDeps, signIn, testAuth } from '@/test-support/accounts';
import { STORES } from '@/test-support/databases';
import { makeTempDir } from '@/test-support/keys';
import { sharedStore } from '@/test-support/shared-store';
import { runCli } from './cli';

/**
 * The command line run in this process on the database of a test "app" (a store opened here, as
 * the running app would hold it): what `npm run admin -- …` does once it has opened the store.
 * The process around it (standard input, exit status, DATA_DIR / DATABASE_URL) is entry.test.ts's.
 */
interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `input` is standard input: the password is its first line, none if it is empty (as scripts/admin.ts reads it). */
async function admin(store: Store, args: string[], input = ''): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    args,
    {
      out: (text) => {
        stdout += text;
      },
      err: (line) => {
        stderr += `${line}\n`;
      },
      firstLine: async () => (input === '' ? null : (input.split(/\r?\n/)[0] ?? null)),
    },
    (command) => command(accountDeps(store)),
  );
  return { code, stdout, stderr };
}

/** A refusal: a non-zero status and exactly one line on standard error. */
function expectOneLine(run: Run, line: RegExp): void {
  expect(run.code, run.stderr).not.toBe(0);
  expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(run.stderr.trim()).toMatch(line);
}

describe.each(STORES)('%o', (makeEnv) => {
  const store = sharedStore(makeEnv);

  const ok = async (args: string[], input = '') => {
    const run = await admin(store, args, input);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    return run;
  };

  /** Everything a command could change. */
  const snapshot = async () => ({
    schools: await store.db.selectFrom('school').selectAll().orderBy('key').execute(),
    plans: await store.db.selectFrom('plan').selectAll().orderBy('plan_id').execute(),
    users: await store.db.selectFrom('user').selectAll().orderBy('id').execute(),
    accounts: await store.db.selectFrom('account').select(['id', 'password']).orderBy('id').execute(),
    staffSchools: await store.db
      .selectFrom('staff_school')
      .selectAll()
      .orderBy('user_id')
      .orderBy('school_key')
      .execute(),
    sessions: await store.db.selectFrom('session').select('id').orderBy('id').execute(),
    audit: (await store.db.selectFrom('audit_log').select('id').execute()).length,
  });

  it('prints its usage for --help', async () => {
    const run = await ok(['--help']);
    expect(run.stdout).toContain('Usage: npm run admin -- COMMAND');
    expect(run.stdout).toContain('school add KEY --name NAME');
    expect(run.stdout).toContain('user add USERNAME --role admin|school_admin|staff [--school SCHOOL_KEY]...');
  }, 30_000);

  it('sets up two schools, their plans and their people; each command in the audit trail as the command line', async () => {
    expect((await ok(['school', 'add', 'north', '--name', '北校'])).stdout).toContain('school north added: 北校');
    await ok(['school', 'add', 'south', '--name', '南校', '--wechat-school-id', 'SCH_S']);
    await ok(['plan', 'add', 'north', 'N1001', '--name', '午餐费']);
    await ok(['plan', 'add', 'south', 'S2001', '--name', '午餐费']);
    await ok(['user', 'add', 'root', '--role', 'admin'], 'root-password-1\n');
    const added = await ok(
      ['user', 'add', 'Clerk-N', '--role', 'staff', '--school', 'north'],
      'clerk-password-1\nignored\n',
    );
    expect(added.stdout).toContain('user clerk-n added: staff of north');
    await ok(['user', 'add', 'head-s', '--role', 'school_admin', '--school', 'south'], 'head-password-1');

    const list = await ok(['school', 'list']);
    expect(list.stdout).toMatch(/^north\t北校\t-\tin use$/m);
    expect(list.stdout).toMatch(/^south\t南校\tSCH_S\tin use$/m);
    expect((await ok(['user', 'list'])).stdout).toMatch(/^clerk-n\tstaff\tenabled\tnorth$/m);

    const auth = testAuth(store);
    expect(await signIn(auth, 'clerk-n', 'clerk-password-1')).toMatchObject({ token: expect.any(String) });
    const acts = await store.db
      .selectFrom('audit_log')
      .select(['action', 'subject', 'school_key', 'username', 'client_ip'])
      .orderBy('id')
      .execute();
    expect(acts).toEqual([
      { action: 'school_add', subject: 'north', school_key: 'north', username: 'cli', client_ip: 'cli' },
      { action: 'school_add', subject: 'south', school_key: 'south', username: 'cli', client_ip: 'cli' },
      { action: 'plan_add', subject: 'N1001', school_key: 'north', username: 'cli', client_ip: 'cli' },
      { action: 'plan_add', subject: 'S2001', school_key: 'south', username: 'cli', client_ip: 'cli' },
      { action: 'account_create', subject: 'root', school_key: null, username: 'cli', client_ip: 'cli' },
      { action: 'account_create', subject: 'clerk-n', school_key: 'north', username: 'cli', client_ip: 'cli' },
      { action: 'account_create', subject: 'head-s', school_key: 'south', username: 'cli', client_ip: 'cli' },
    ]);
  }, 120_000);

  it.each([
    ['an unknown school', ['plan', 'add', 'west', 'W1', '--name', '午餐费'], '', /^unknown school west$/],
    [
      'a plan already in another school',
      ['plan', 'add', 'south', 'N1001', '--name', '校车费'],
      '',
      /^plan N1001 already belongs to school north$/,
    ],
    ['a taken school key', ['school', 'add', 'north', '--name', '又一个'], '', /^school north already exists$/],
    ['a bad key', ['school', 'add', 'North_1', '--name', '北校'], '', /^bad school key "North_1"/],
    [
      'staff without a school',
      ['user', 'add', 'zhou', '--role', 'staff'],
      'zhou-password-1\n',
      /^staff without a school: give --school SCHOOL_KEY$/,
    ],
    ['a weak password', ['user', 'add', 'zhou', '--role', 'staff', '--school', 'north'], 'short\n', /^weak password/],
    ['no password at all', ['user', 'reset-password', 'clerk-n'], '', /^no password: give it on the first line/],
    [
      'a taken username',
      ['user', 'add', 'CLERK-N', '--role', 'staff', '--school', 'north'],
      'x-password-1\n',
      /^user clerk-n already exists$/,
    ],
    ['an unknown user', ['user', 'disable', 'nobody'], '', /^unknown user nobody$/],
    [
      'an unknown school given to someone',
      ['user', 'schools', 'clerk-n', '--school', 'gone'],
      '',
      /^unknown school gone$/,
    ],
    ['a password as an argument', ['user', 'reset-password', 'clerk-n', '--password', 'x'], '', /never an argument/],
  ])(
    'refuses %s in one line on stderr, changing nothing',
    async (_, args, input, line) => {
      const before = await snapshot();
      expectOneLine(await admin(store, args, input), line);
      expect(await snapshot()).toEqual(before);
    },
    30_000,
  );

  it("ends the person's sessions at once on reset-password and disable", async () => {
    const auth = testAuth(store);
    const sessions = () =>
      store.db
        .selectFrom('session')
        .innerJoin('user', 'user.id', 'session.userId')
        .where('user.username', '=', 'clerk-n')
        .select('session.id')
        .execute();
    await signIn(auth, 'clerk-n', 'clerk-password-1');
    expect(await sessions()).not.toHaveLength(0);
    expect((await ok(['user', 'reset-password', 'clerk-n'], 'clerk-password-2\n')).stdout).toContain(
      'sessions are ended',
    );
    expect(await sessions()).toHaveLength(0);
    expect(await signIn(auth, 'clerk-n', 'clerk-password-2')).toMatchObject({ token: expect.any(String) });
    await ok(['user', 'disable', 'clerk-n']);
    expect(await sessions()).toHaveLength(0);
    expect(await signIn(auth, 'clerk-n', 'clerk-password-2')).toEqual({ refused: 'BANNED_USER' });
    await ok(['user', 'enable', 'clerk-n']);
    expect(await signIn(auth, 'clerk-n', 'clerk-password-2')).toMatchObject({ token: expect.any(String) });
  }, 60_000);

  it('never disables the last enabled admin, even when two commands try at the same moment', async () => {
    expectOneLine(
      await admin(store, ['user', 'disable', 'root']),
      /^root is the last enabled admin: create or enable another admin first$/,
    );
    await ok(['user', 'add', 'root2', '--role', 'admin'], 'root2-password-1\n');
    const before = await snapshot();
    const [one, two] = await Promise.all([
      admin(store, ['user', 'disable', 'root']),
      admin(store, ['user', 'role', 'root2', '--role', 'staff']),
    ]);
    expect([one.code, two.code].sort()).toEqual([0, 1]);
    expectOneLine(one.code === 0 ? two : one, /is the last enabled admin/);
    const enabledAdmins = (await snapshot()).users.filter(
      (user) => user.role === 'admin' && !(user.banned === true || user.banned === 1),
    );
    expect(enabledAdmins).toHaveLength(1);
    expect((await snapshot()).audit).toBe(before.audit + 1);
  }, 60_000);

  it('imports a roster file all or nothing, printing the rows or each problem by line, and deletes it', async () => {
    const files = makeTempDir();
    try {
      await ok(['school', 'add', 'roster-cli', '--name', '名册小学']);
      const good = files.write('good.csv', '学生姓名,openid\r\n李小明,o_father\r\n李小明,o_mother\r\n');
      expect((await ok(['roster', 'import', 'roster-cli', good])).stdout).toBe(
        '2 rows imported into the roster of roster-cli (it held 0 before)\n',
      );
      const before = await snapshot();
      const bad = files.write('bad.csv', '学生姓名,openid,手机号\n李小明,,123\n\n王五,o 5,\n');
      const refused = await admin(store, ['roster', 'import', 'roster-cli', bad]);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr.split('\n').filter(Boolean)).toEqual([
        'line 2: openid (openid) is empty',
        'line 2: 手机号 (phone) must be 7–20 digits (spaces, dashes and +86 are allowed)',
        'line 4: openid must be 1–128 letters, digits, _ or -',
        'nothing was imported',
      ]);
      expectOneLine(
        await admin(store, ['roster', 'import', 'roster-cli', `${bad}.missing`]),
        /^cannot read .*: no such file$/,
      );
      expectOneLine(await admin(store, ['roster', 'import', 'nowhere', good]), /^unknown school nowhere$/);
      expectOneLine(
        await admin(store, ['roster', 'import', 'roster-cli']),
        /^usage: npm run admin -- roster import SCHOOL_KEY FILE$/,
      );
      expect(await snapshot()).toEqual(before);
      const rows = () =>
        store.db.selectFrom('roster_entry').where('school_key', '=', 'roster-cli').select('openid').execute();
      expect(await rows()).toHaveLength(2);
      expect((await ok(['roster', 'delete', 'roster-cli'])).stdout).toBe('roster of roster-cli deleted: 2 rows\n');
      expect(await rows()).toEqual([]);
      const acts = await store.db
        .selectFrom('audit_log')
        .select(['action', 'username', 'subject', 'detail'])
        .where('action', 'like', 'roster_%')
        .orderBy('id')
        .execute();
      expect(acts).toEqual([
        { action: 'roster_imported', username: 'cli', subject: 'good.csv', detail: '2 rows' },
        { action: 'roster_deleted', username: 'cli', subject: 'roster-cli', detail: '2 rows' },
      ]);
    } finally {
      files.remove();
    }
  });

  it('waits for a busy SQLite file instead of failing', async () => {
    if (store.type !== 'sqlite') return;
    // Another process's write transaction holds the file for 1.5 seconds (another process: waiting
    // for the file blocks this one's thread, so a holder here could never let go).
    const other = spawn(process.execPath, ['-e', HOLD_FILE, `${store.env.DATA_DIR}/dashboard.sqlite`], {
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    const closed = once(other, 'close');
    let said = '';
    other.stdout.on('data', (chunk) => {
      said += chunk;
    });
    while (!said.includes('\n')) await once(other.stdout, 'data');
    const run = await admin(store, ['school', 'rename', 'north', '--name', '北校区']);
    const finished = Date.now();
    await closed;
    const [locked, released] = said.trim().split('\n').map(Number);
    expect(run.code, run.stderr).toBe(0);
    expect(finished - locked).toBeGreaterThan(1_500);
    expect(finished).toBeGreaterThanOrEqual(released);
  }, 30_000);
});

/** Holds the SQLite file argv[1] in a write transaction for 1.5 s; prints when it took it and let it go. */
const HOLD_FILE = `
const file = new (require('better-sqlite3'))(process.argv[1]);
file.exec('begin immediate');
console.log(Date.now());
setTimeout(() => { file.exec('commit'); console.log(Date.now()); file.close(); }, 1500);
`;
