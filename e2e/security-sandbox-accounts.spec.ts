import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { E2E_ADMIN } from '../playwright.config';
import { expect, open, test } from './fixtures';
import { ownPort, startOwnServer } from './spawn-server';
import { startUntilExit } from './start-until-exit';

/**
 * A sandbox trial's accounts (the demo admin's password is printed on the sign-in page, and the
 * server listens on every interface) must not carry over to a real merchant on the same database,
 * where they would also stop DASHBOARD_ADMIN_* from making the school's admin. Merchant mode does
 * not start on such a database until the operator says what to do with them.
 */
test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: 'serial' });

const SCHOOL_ADMIN = { username: 'school-admin', password: 'school-admin-password-1' };
const TRIAL_CLERK = { username: 'trial-clerk', password: 'trial-clerk-password-1' };

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const keyDir = mkdtempSync(join(tmpdir(), 'sandbox-accounts-e2e-'));
writeFileSync(join(keyDir, 'key.pem'), keys.privateKey.export({ type: 'pkcs8', format: 'pem' }));
writeFileSync(join(keyDir, 'pub.pem'), keys.publicKey.export({ type: 'spki', format: 'pem' }));
const merchant = {
  WECHATPAY_MCHID: '1230000109',
  WECHATPAY_MERCHANT_SERIAL_NO: '5157F09EFDC096DE',
  WECHATPAY_PRIVATE_KEY_FILE: join(keyDir, 'key.pem'),
  WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_01',
  WECHATPAY_PUBLIC_KEY_FILE: join(keyDir, 'pub.pem'),
  // Never asked: nothing is looked up here.
  WECHATPAY_BASE_URL: 'http://127.0.0.1:9',
  WECHATPAY_BACKUP_BASE_URL: 'http://127.0.0.1:9',
  DASHBOARD_ADMIN_USERNAME: SCHOOL_ADMIN.username,
  DASHBOARD_ADMIN_PASSWORD: SCHOOL_ADMIN.password,
};

/** Signs in in a fresh browser; the page then shows the contracts, or the refusal when `refused`. */
async function signIn(browser: Browser, url: string, account: { username: string; password: string }, refused = false) {
  const context = await browser.newContext({ baseURL: url, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await open(page, '/login');
  await page.getByLabel('用户名').fill(account.username);
  await page.getByLabel('密码').fill(account.password);
  await page.getByRole('button', { name: '登录' }).click();
  if (refused) await expect(page.getByRole('alert').filter({ hasText: '用户名或密码不正确' })).toBeVisible();
  else await expect(page).toHaveURL(/\/contracts$/);
  return page;
}

let dataDir: string;

test('accounts made during a sandbox trial stop a merchant start, with what to do', async ({ browser }) => {
  test.setTimeout(120_000);
  // The trial: its first admin from DASHBOARD_ADMIN_*, and a clerk made on the users page.
  const trial = await startOwnServer(23);
  dataDir = trial.dataDir;
  try {
    const admin = await signIn(browser, trial.url, E2E_ADMIN);
    await open(admin, '/admin/users');
    await admin.getByLabel('用户名').fill(TRIAL_CLERK.username);
    await admin.getByLabel('初始密码').fill(TRIAL_CLERK.password);
    await admin.getByRole('checkbox', { name: '阳光小学' }).first().check();
    await admin.getByRole('button', { name: '创建用户' }).click();
    await expect(admin.getByRole('status').filter({ hasText: `已创建用户 ${TRIAL_CLERK.username}` })).toBeVisible();
    await admin.context().close();
  } finally {
    await trial.stop();
  }

  const { code, stderr } = await startUntilExit({ ...merchant, DATA_DIR: dataDir }, ownPort(24));
  expect(code).toBe(1);
  expect(stderr).toMatch(
    /^Configuration error: DASHBOARD_SANDBOX_ACCOUNTS: .*2 accounts made in sandbox mode \(e2e-admin, trial-clerk\).*=remove.*=keep.*$/m,
  );
  expect(stderr).not.toMatch(/^\s+at /m);
});

test('with DASHBOARD_SANDBOX_ACCOUNTS=remove they are gone, and the school’s admin is made', async ({ browser }) => {
  test.setTimeout(120_000);
  const server = await startOwnServer(24, { ...merchant, DATA_DIR: dataDir, DASHBOARD_SANDBOX_ACCOUNTS: 'remove' });
  try {
    for (const account of [E2E_ADMIN, TRIAL_CLERK]) {
      const page = await signIn(browser, server.url, account, true);
      await page.context().close();
    }
    const admin = await signIn(browser, server.url, SCHOOL_ADMIN);
    await open(admin, '/admin/users');
    await expect(admin.getByText('共 1 个账号')).toBeVisible();
    await admin.context().close();
  } finally {
    await server.stop();
  }
  // Nothing is left to decide: the next start needs the setting no more.
  const again = await startOwnServer(24, { ...merchant, DATA_DIR: dataDir });
  await again.stop();
});
