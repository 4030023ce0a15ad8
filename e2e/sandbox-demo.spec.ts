import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { DEMO_SANDBOX_PORT, E2E_ADMIN } from '../playwright.config';
import { expect, open, test } from './fixtures';

/**
 * The sandbox as someone trying it first meets it: no first admin configured, so a demo account
 * of each role is made and listed on the sign-in page. Started later with a merchant on the same
 * data directory, the app removes every one of them (their password is public).
 */

const BASE = `http://127.0.0.1:${DEMO_SANDBOX_PORT}`;
const dataDir = mkdtempSync(join(tmpdir(), 'sandbox-demo-e2e-'));

test.describe.configure({ mode: 'serial' });
test.use({ storageState: { cookies: [], origins: [] } });

/** Starts the production server on the shared data directory and waits until it answers. */
async function start(env: Record<string, string>): Promise<ChildProcess> {
  // Nothing of the runner's own configuration: no first admin, no merchant unless given.
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(inherited)) {
    if (/^(WECHATPAY_|DASHBOARD_|DATABASE_URL$)/.test(name)) delete inherited[name];
  }
  const server = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(DEMO_SANDBOX_PORT)], {
    env: { ...inherited, NEXT_TELEMETRY_DISABLED: '1', DATA_DIR: dataDir, ...env },
    // Own process group, so the server and everything under npx stop together.
    detached: true,
    stdio: 'ignore',
  });
  for (let waited = 0; waited < 60_000; waited += 500) {
    const up = await fetch(`${BASE}/login`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return server;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the server did not start');
}

function stop(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    server.on('exit', () => resolve());
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  });
}

test('the sandbox lists a demo account of each role on the sign-in page, and each works', async ({ page }) => {
  test.setTimeout(120_000);
  const server = await start({});
  try {
    await open(page, `${BASE}/login`);
    const demos = page.getByRole('complementary', { name: /沙箱演示账号/ });
    await expect(demos.getByRole('row')).toHaveText([
      '用户名密码角色学校',
      'demosandbox-demo管理员全部学校',
      'demo-headsandbox-demo学校管理员阳光小学',
      'demo-clerksandbox-demo工作人员阳光小学',
      'demo-bothsandbox-demo工作人员阳光小学、明德中学',
    ]);
    await page.getByLabel('用户名').fill('demo-both');
    await page.getByLabel('密码').fill('sandbox-demo');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page).toHaveURL(/\/contracts$/);
    await expect(page.getByRole('navigation', { name: '学校' }).getByRole('link')).toHaveText(['明德中学', '阳光小学']);
  } finally {
    await stop(server);
  }
});

test('started with a merchant, the app keeps none of the demo accounts', async () => {
  test.setTimeout(120_000);
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKey = join(dataDir, 'apiclient_key.pem');
  const publicKey = join(dataDir, 'pub_key.pem');
  writeFileSync(privateKey, keys.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(publicKey, keys.publicKey.export({ type: 'spki', format: 'pem' }));
  const server = await start({
    WECHATPAY_MCHID: '1230000109',
    WECHATPAY_MERCHANT_SERIAL_NO: '5157F09EFDC096DE',
    WECHATPAY_PRIVATE_KEY_FILE: privateKey,
    WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_01',
    WECHATPAY_PUBLIC_KEY_FILE: publicKey,
    DASHBOARD_ADMIN_USERNAME: E2E_ADMIN.username,
    DASHBOARD_ADMIN_PASSWORD: E2E_ADMIN.password,
  });
  await stop(server);
  const db = new BetterSqlite3(join(dataDir, 'dashboard.sqlite'), { readonly: true });
  try {
    const users = db.prepare('select username from user order by username').all() as { username: string }[];
    expect(users.map((user) => user.username)).toEqual([E2E_ADMIN.username]);
  } finally {
    db.close();
  }
});
