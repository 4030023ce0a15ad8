import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_LINE } from '@/lib/schools/roles';
import type { Store } from '@/lib/server/db/database';
import { createAccount } from '@/lib/staff/server/account-service';
import { accountDeps, migratedStore, signIn, testAuth } from '@/test-support/accounts';
import { STORES, sqliteEnv, type TestStoreEnv } from '@/test-support/databases';

/**
 * `npm run admin -- …` as IT runs it: a child process (npm → tsx → scripts/admin.ts) on the
 * database of a test "app", with the app's configuration in its environment. Each costs seconds,
 * so only what the process adds is proven here: the exit status, one line on standard error, the
 * password from standard input, the store from DATA_DIR / DATABASE_URL, and two processes racing.
 * Every command's behaviour is cli.test.ts's, in process.
 */
interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function admin(env: Record<string, string>, args: string[], input = ''): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', 'admin', '--', ...args], {
      env: { ...process.env, DATA_DIR: '', DATABASE_URL: '', ...env, NODE_OPTIONS: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdin.end(input);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A refusal: a non-zero status and exactly one line on standard error (so no stack trace). */
function expectOneLine(run: Run, line: RegExp): void {
  expect(run.code, run.stderr).not.toBe(0);
  expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(run.stderr.trim()).toMatch(line);
}

/** A test "app": a migrated store, and the configuration the command line gets to find it. */
function testApp(makeEnv: () => Promise<TestStoreEnv>) {
  const app = {} as { testEnv: TestStoreEnv; store: Store; env: Record<string, string> };
  beforeAll(async () => {
    ({ env: app.testEnv, store: app.store } = await migratedStore(makeEnv));
    app.env = { ...app.testEnv.env, BETTER_AUTH_SECRET: randomBytes(32).toString('base64url') };
  }, 30_000);
  afterAll(async () => {
    await app.store?.db.destroy();
    await app.testEnv?.drop();
  });
  return app;
}

it('prints its usage for --help and exits 0', async () => {
  const run = await admin({}, ['--help']);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toBe('');
  expect(run.stdout).toContain('Usage: npm run admin -- COMMAND');
}, 60_000);

// On both stores: that DATABASE_URL, like DATA_DIR, takes the process to the app's database.
describe.each(STORES)('%o', (makeEnv) => {
  const app = testApp(makeEnv);

  it("adds a user whose password is standard input's first line, who then signs in", async () => {
    const run = await admin(app.env, ['user', 'add', 'root', '--role', 'admin'], 'root-password-1\nignored\n');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('user root added: admin');
    const auth = testAuth(app.store);
    expect(await signIn(auth, 'root', 'root-password-1')).toMatchObject({ token: expect.any(String) });
    expect(await signIn(auth, 'root', 'ignored')).toHaveProperty('refused');
  }, 60_000);
});

// SQLite only: what the process adds to a refusal and to a race does not depend on the store.
// (PostgreSQL's lock is between connections, which cli.test.ts's race already uses from its pool;
// SQLite's is between processes, as a second process on the file shows and one process cannot.)
describe('sqlite', () => {
  const app = testApp(sqliteEnv);

  it('refuses with a non-zero status and one line on stderr, no stack trace', async () => {
    expectOneLine(await admin(app.env, ['user', 'disable', 'nobody']), /^unknown user nobody$/);
  }, 60_000);

  it('imports a GB18030 CSV and an XLSX roster, and refuses a bad one with each problem by line', async () => {
    await app.store.db
      .insertInto('school')
      .values({ key: 'north', name: '北校', wechat_school_id: null, archived_at: null, created_at: Date.now() })
      .execute();
    const names = async () =>
      (await app.store.db.selectFrom('roster_entry').select('student_name').orderBy('line').execute()).map(
        (row) => row.student_name,
      );
    const gb = await admin(app.env, ['roster', 'import', 'north', 'test-support/roster/roster-gb18030.csv']);
    expect([gb.code, gb.stderr]).toEqual([0, '']);
    expect(gb.stdout).toContain('3 rows imported into the roster of north (it held 0 before)');
    expect(await names()).toEqual(['李小明', '李小明', '刘䶮']);
    const xlsx = await admin(app.env, ['roster', 'import', 'north', 'test-support/roster/roster.xlsx']);
    expect([xlsx.code, xlsx.stderr]).toEqual([0, '']);
    expect(xlsx.stdout).toContain('4 rows imported into the roster of north (it held 3 before)');
    const bad = await admin(app.env, ['roster', 'import', 'north', 'test-support/roster/make-roster-xlsx.py']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      'line 1: no column 学生姓名 (student_name)\nline 1: no column openid (openid)\nnothing was imported\n',
    );
    expect(await names()).toEqual(['张小红', '张小红', '陈一', '王二']);
  }, 60_000);

  it('never disables the last enabled admin when two processes try at the same moment', async () => {
    for (const username of ['root', 'root2']) {
      const input = { username, role: 'admin' as const, schools: [], password: `${username}-password-1` };
      expect(await createAccount(accountDeps(app.store), COMMAND_LINE, input)).toMatchObject({ ok: true });
    }
    const audit = async () => (await app.store.db.selectFrom('audit_log').select('id').execute()).length;
    const before = await audit();
    const [one, two] = await Promise.all([
      admin(app.env, ['user', 'disable', 'root']),
      admin(app.env, ['user', 'role', 'root2', '--role', 'staff']),
    ]);
    expect([one.code, two.code].sort()).toEqual([0, 1]);
    expectOneLine(one.code === 0 ? two : one, /is the last enabled admin/);
    const users = await app.store.db.selectFrom('user').select(['role', 'banned']).execute();
    const enabledAdmins = users.filter((user) => user.role === 'admin' && !(user.banned === true || user.banned === 1));
    expect(enabledAdmins).toHaveLength(1);
    expect(await audit()).toBe(before + 1);
  }, 60_000);
});
