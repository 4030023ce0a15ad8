import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { E2E_ADMIN } from '../playwright.config';
import { contractsUrl, expect, open, test } from './fixtures';
import { type OwnServer, ownPort, startOwnServer } from './spawn-server';

/**
 * Clocks moved, seen from outside: the independent fake WeChat Pay signs its answers with its
 * clock 120 s and then 250 s ahead of ours. The diagnostics page says the skew it measured from
 * those signed timestamps, amber past 60 s and red past 240 s; both are still inside WeChat's
 * five minutes, so the answers are verified and a lookup still shows its rows.
 */
test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: 'serial' });

const MERCHANT = {
  mchid: '1230000109',
  serial: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
  publicKeyId: 'PUB_KEY_ID_0112300001092026112700000000000001',
  apiV3Key: 'e2eApiV3KeyE2eApiV3KeyE2eApiV3Ke',
};
const PLAN = '2001';

interface Pair {
  fake: ChildProcess;
  /** Where the fake wrote the merchant's keys. */
  dir: string;
  server: OwnServer;
}

/** A fake WeChat Pay whose clock is `offsetSeconds` off, writing its merchant's keys into a fresh directory. */
async function startFake(port: number, offsetSeconds: number): Promise<{ fake: ChildProcess; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'clock-e2e-keys-'));
  const args = [port, dir, MERCHANT.mchid, MERCHANT.serial, MERCHANT.publicKeyId, MERCHANT.apiV3Key].map(String);
  const fake = spawn('node', ['e2e/merchant/fake-server.mjs', ...args], {
    env: { ...process.env, FAKE_WECHATPAY_CLOCK_OFFSET_SECONDS: String(offsetSeconds) },
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 300; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/__log`)).ok) return { fake, dir };
    } catch {
      // not listening yet
    }
    if (fake.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (fake.pid && fake.exitCode === null) process.kill(-fake.pid, 'SIGTERM');
  throw new Error(`fake WeChat Pay on ${port} did not start`);
}

/** A merchant in public-key mode against that fake (both hosts), with one school and plan 2001. */
async function startPair(offset: number, offsetSeconds: number): Promise<Pair> {
  const fakePort = ownPort(offset + 2);
  const { fake, dir } = await startFake(fakePort, offsetSeconds);
  const server = await startOwnServer(offset, {
    WECHATPAY_MCHID: MERCHANT.mchid,
    WECHATPAY_MERCHANT_SERIAL_NO: MERCHANT.serial,
    WECHATPAY_PRIVATE_KEY_FILE: join(dir, 'apiclient_key.pem'),
    WECHATPAY_PUBLIC_KEY_ID: MERCHANT.publicKeyId,
    WECHATPAY_PUBLIC_KEY_FILE: join(dir, 'pub_key.pem'),
    WECHATPAY_BASE_URL: `http://127.0.0.1:${fakePort}`,
    WECHATPAY_BACKUP_BASE_URL: `http://127.0.0.1:${fakePort}`,
    // A plan of our own, so the probe is a lookup WeChat signs with the public key we hold.
    WECHATPAY_PLANS: `午餐费=${PLAN}`,
  });
  return { fake, dir, server };
}

const pairs: Pair[] = [];
let ahead120: Pair;
let ahead250: Pair;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  // Both at once: each server's start is most of this spec's time.
  const started = await Promise.allSettled([startPair(70, 120), startPair(71, 250)]);
  for (const result of started) if (result.status === 'fulfilled') pairs.push(result.value);
  for (const result of started) if (result.status === 'rejected') throw result.reason;
  [ahead120, ahead250] = pairs;
});

test.afterAll(async () => {
  for (const { fake, dir, server } of pairs) {
    await server.stop();
    if (fake.pid && fake.exitCode === null) process.kill(-fake.pid, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});

const check = (page: Page, name: string) => page.getByRole('region', { name });

async function signIn(page: Page, url: string) {
  await open(page, `${url}/login`);
  await page.getByLabel('用户名').fill(E2E_ADMIN.username);
  await page.getByLabel('密码').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/contracts$/);
}

/** The skew the clock check states, in whole seconds. */
async function statedSkew(page: Page): Promise<number> {
  const text = await check(page, '时钟偏差').textContent();
  const match = /偏差 (-?\d+) 秒/.exec(text ?? '');
  expect(match, `the clock check states its skew: ${text}`).not.toBeNull();
  return Number(match?.[1]);
}

/** Both hosts answered with a verified signature: the skew is still inside WeChat's five minutes. */
async function expectVerified(page: Page) {
  for (const name of ['微信支付连接：主域名', '微信支付连接：备用域名']) {
    await expect(check(page, name).getByRole('heading')).toContainText('正常');
    await expect(check(page, name)).toContainText('已验签的应答');
  }
}

test('WeChat Pay 120 s ahead: the clock check is amber and says so, and answers are still verified', async ({
  page,
}) => {
  await signIn(page, ahead120.server.url);
  await open(page, `${ahead120.server.url}/admin/diagnostics`);
  const clock = check(page, '时钟偏差');
  await expect(clock.getByRole('heading')).toContainText('注意');
  await expect(clock).toContainText('本机时钟与微信支付相差超过 60 秒，请检查时间同步（NTP）。');
  // Measured from signed timestamps in whole seconds, less the time the answer took to arrive.
  expect(Math.abs((await statedSkew(page)) - 120)).toBeLessThanOrEqual(2);
  await expectVerified(page);
});

test('WeChat Pay 250 s ahead: the clock check is red with its NTP advice, and a lookup still shows rows', async ({
  page,
}) => {
  await signIn(page, ahead250.server.url);
  await open(page, `${ahead250.server.url}/admin/diagnostics`);
  const clock = check(page, '时钟偏差');
  await expect(clock.getByRole('heading')).toContainText('故障');
  await expect(clock).toContainText('本机时钟与微信支付相差超过 240 秒，微信支付将拒绝请求；请立即校准时间（NTP）。');
  expect(Math.abs((await statedSkew(page)) - 250)).toBeLessThanOrEqual(2);
  await expectVerified(page);
  await expect(page.getByText('总体状态：故障')).toBeVisible();

  // The verifier accepts up to 300 s: the answers are still shown as data.
  await open(page, `${ahead250.server.url}${contractsUrl({ openid: 'oMerchantPath01', plan_id: PLAN })}`);
  await expect(page.getByRole('navigation', { name: '翻页' }).getByText(/^第 /)).toHaveText('第 1–20 条，共 45 条');
  await expect(page.getByRole('table', { name: '签约记录' }).locator('tbody').getByRole('row')).toHaveCount(20);
});
