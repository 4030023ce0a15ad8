import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { postgresEnv, type TestStoreEnv } from '@/test-support/databases';

/**
 * What IT's monitors see: /healthz and /readyz on the sandbox server; /metrics off there (no
 * token); and a server of its own with DASHBOARD_METRICS_TOKEN set, whose metrics count a lookup
 * made in the browser, and whose PostgreSQL database is then dropped under it: /readyz turns to
 * 503 naming the database while /healthz stays 200. The endpoints need no session.
 */
const OWN_PORT = Number(process.env.E2E_PORT ?? 3100) + 50;
const OWN = `http://127.0.0.1:${OWN_PORT}`;
const METRICS_TOKEN = randomBytes(16).toString('hex');
const ADMIN = { username: 'ops-admin', password: 'ops-admin-password-1' };
const ZHANG = { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', plan: '101164396123311331' };

test.use({ storageState: { cookies: [], origins: [] } });

test('/healthz answers without a session, the database or WeChat Pay, and holds nothing secret', async ({
  request,
}) => {
  const response = await request.get('/healthz', { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toContain('no-store');
  expect(await response.json()).toEqual({ alive: true });
});

test('/readyz is 200 without a session when the database answers and the keys are loaded', async ({ request }) => {
  const response = await request.get('/readyz', { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ ready: true, failing: [], reasons: {} });
});

test('/metrics does not exist while no DASHBOARD_METRICS_TOKEN is set', async ({ request }) => {
  expect((await request.get('/metrics', { maxRedirects: 0 })).status()).toBe(404);
});

test.describe('a server with metrics on, whose database goes away', () => {
  test.describe.configure({ mode: 'serial' });
  let database: TestStoreEnv;
  let server: ChildProcess;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    database = await postgresEnv();
    server = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(OWN_PORT)], {
      env: {
        ...process.env,
        ...database.env,
        BETTER_AUTH_SECRET: randomBytes(32).toString('base64url'),
        DASHBOARD_ADMIN_USERNAME: ADMIN.username,
        DASHBOARD_ADMIN_PASSWORD: ADMIN.password,
        DASHBOARD_METRICS_TOKEN: METRICS_TOKEN,
        NEXT_TELEMETRY_DISABLED: '1',
      },
      stdio: 'ignore',
      // Own process group, so that stopping it stops the server behind npx too.
      detached: true,
    });
    for (let i = 0; i < 600; i += 1) {
      try {
        if ((await fetch(`${OWN}/healthz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the server on ${OWN_PORT} did not start`);
  });

  test.afterAll(async () => {
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
    await database?.drop();
  });

  test('/metrics answers only with the bearer token, and counts a lookup and its WeChat Pay call', async ({
    page,
    request,
  }) => {
    expect((await request.get(`${OWN}/metrics`)).status()).toBe(401);
    const wrong = await request.get(`${OWN}/metrics`, { headers: { Authorization: `Bearer ${'0'.repeat(32)}` } });
    expect(wrong.status()).toBe(401);
    expect(wrong.headers()['www-authenticate']).toContain('Bearer');

    await page.goto(`${OWN}/login`);
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码').fill(ADMIN.password);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page).toHaveURL(/\/contracts$/);
    await page.getByLabel('查找家长').fill(ZHANG.openid);
    await page.getByLabel('签约模板号').fill(ZHANG.plan);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByRole('table', { name: '签约记录' })).toBeVisible();

    const allowed = await request.get(`${OWN}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(allowed.status()).toBe(200);
    expect(allowed.headers()['content-type']).toContain('text/plain');
    const text = await allowed.text();
    expect(text).toMatch(/^dashboard_lookups_total\{purpose="lookup",outcome="ok",code=""\} 1$/m);
    expect(text).toMatch(/^dashboard_lookup_duration_seconds_count\{purpose="lookup"\} 1$/m);
    expect(text).toMatch(/^wechatpay_attempts_total\{host="127\.0\.0\.1:\d+",outcome="ok",code=""\} [1-9]/m);
    expect(text).toMatch(/^wechatpay_attempt_duration_seconds_count\{host="127\.0\.0\.1:\d+"\} [1-9]/m);
    expect(text).toMatch(/^wechatpay_backup_host_in_use 0$/m);
    expect(text).toContain('process_cpu_seconds_total');
    // Nothing that names a parent.
    expect(text).not.toContain(ZHANG.openid);
  });

  test('/readyz turns 503 naming the database; /healthz stays 200', async ({ request }) => {
    expect((await request.get(`${OWN}/readyz`)).status()).toBe(200);
    await database.drop();
    const response = await request.get(`${OWN}/readyz`);
    expect(response.status()).toBe(503);
    const body = await response.json();
    expect(body).toMatchObject({ ready: false, failing: ['database'] });
    expect(body.reasons.database).toBeTruthy();
    expect((await request.get(`${OWN}/healthz`)).status()).toBe(200);
  });
});
