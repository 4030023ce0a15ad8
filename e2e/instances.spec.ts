import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { postgresEnv, type TestStoreEnv } from '@/test-support/databases';

/**
 * Two instances of the app behind one PostgreSQL, as a school with a load balancer runs it: a
 * session from one is honoured by the other, lookups on both land in one audit trail, and the
 * per-staff limit counts across both.
 */
const PORTS = [3160, 3161];
const ADMIN = { username: 'finance-admin', password: 'two-instances-pw' };
const ZHANG = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';
const LUNCH = '101164396123311331';

let database: TestStoreEnv;
const servers: ChildProcess[] = [];

async function ready(port: number): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/login`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`instance on ${port} did not start`);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  database = await postgresEnv();
  const env = {
    ...process.env,
    ...database.env,
    BETTER_AUTH_SECRET: randomBytes(32).toString('base64url'),
    DASHBOARD_ADMIN_USERNAME: ADMIN.username,
    DASHBOARD_ADMIN_PASSWORD: ADMIN.password,
    DASHBOARD_LOOKUPS_PER_MINUTE: '3',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  // Both start at once on an empty database: migrations and the first admin must not collide.
  for (const port of PORTS) {
    // Own process group, so that stopping it stops the server behind npx too.
    servers.push(
      spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], { env, stdio: 'ignore', detached: true }),
    );
  }
  await Promise.all(PORTS.map(ready));
});

test.afterAll(async () => {
  for (const server of servers) if (server.pid) process.kill(-server.pid, 'SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  await database?.drop();
});

const search = (port: number) => `http://127.0.0.1:${port}/contracts?openid=${ZHANG}&plan_id=${LUNCH}`;

test('a session from one instance is accepted by the other; the audit trail and the limit are shared', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ storageState: undefined });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${PORTS[0]}/login`);
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/contracts$/);

  // The limit counts per clock minute: start the four lookups early in one, so none straddles two.
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 20_000) await page.waitForTimeout(60_000 - intoMinute + 500);

  // Cookies belong to the host, not the port: the same browser now speaks to instance B.
  await page.goto(search(PORTS[1]));
  await expect(page.getByText('第 1–20 条，共 53 条')).toBeVisible();
  await page.goto(search(PORTS[0]));
  await expect(page.getByText('第 1–20 条，共 53 条')).toBeVisible();
  await page.goto(search(PORTS[1]));
  await expect(page.getByText('第 1–20 条，共 53 条')).toBeVisible();
  // The fourth lookup in this minute, wherever it lands, is over the limit of three.
  await page.goto(search(PORTS[0]));
  await expect(page.getByRole('alert', { name: '您的查询次数太多了' })).toBeVisible();

  const client = new pg.Client({ connectionString: database.env.DATABASE_URL });
  await client.connect();
  const { rows } = await client.query(
    'select outcome, count(*)::int as n from audit_log where username = $1 group by outcome order by outcome',
    [ADMIN.username],
  );
  await client.end();
  expect(rows).toEqual([
    { outcome: 'ok', n: 3 },
    { outcome: 'staff_rate_limited', n: 1 },
  ]);
  await context.close();
});
