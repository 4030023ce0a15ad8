import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { E2E_ADMIN } from '../playwright.config';
import { dropExpected, type OwnPostgres, startOwnPostgres } from './failure-support';
import { contractsUrl, expect, open, test, ZHANG } from './fixtures';
import { type OwnServer, ownPort, startOwnServer } from './spawn-server';

/**
 * The database stops under a running server (PostgreSQL of its own, stopped and started here):
 * a page turn and a full page load both say so in the page's language, with a retry, and once
 * the database is back the retry works. Never a skeleton without end, never Next.js's English default.
 */
test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: 'serial' });

let database: OwnPostgres;
let server: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  database = await startOwnPostgres(ownPort(36));
  server = await startOwnServer(26, {
    DATABASE_URL: database.url,
    BETTER_AUTH_SECRET: randomBytes(32).toString('base64url'),
  });
});

test.afterAll(async () => {
  await server?.stop();
  database?.remove();
});

const range = (page: Page) => page.getByRole('navigation', { name: /翻页|Pages/ }).getByText(/^(第|Rows) /);
/**
 * What the browser logs for answers that failed, and React for the page the server could not
 * render (its message withheld in production): the failure shown, not a fault of the page.
 */
const FAILED_REQUESTS = /status of 500|Failed to load resource|Minified React error #441/;

async function signIn(page: Page) {
  await open(page, `${server.url}/login`);
  await page.getByLabel('用户名').fill(E2E_ADMIN.username);
  await page.getByLabel('密码').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/contracts$/);
}

test('the database stops under an open results page: 下一页 and a reload say so, and retry when it is back', async ({
  page,
  pageErrors,
}) => {
  test.setTimeout(120_000);
  await signIn(page);
  await open(page, `${server.url}${contractsUrl({ openid: ZHANG.openid, plan_id: ZHANG.plan })}`);
  await expect(range(page)).toHaveText('第 1–20 条，共 53 条');

  database.stop();
  try {
    await page.getByRole('button', { name: '下一页' }).click();
    const lookupFailed = page.getByRole('alert', { name: '服务器没有应答' });
    await expect(lookupFailed).toBeVisible({ timeout: 10_000 });
    await expect(lookupFailed.getByRole('button', { name: '重试' })).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);

    await page.reload();
    await expect(page.getByRole('heading', { name: '页面没有加载出来' })).toBeVisible();
    await expect(page.getByText('This page couldn’t load')).toHaveCount(0);
  } finally {
    database.start();
  }
  await page.getByRole('button', { name: '重试' }).click();
  await expect(range(page)).toHaveText('第 21–40 条，共 53 条');
  await page.getByRole('button', { name: '下一页' }).click();
  await expect(range(page)).toHaveText('第 41–53 条，共 53 条');
  dropExpected(pageErrors, FAILED_REQUESTS);
});

test('in English, the failed page is in English', async ({ page, pageErrors }) => {
  test.setTimeout(60_000);
  await signIn(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  database.stop();
  try {
    await page.reload();
    await expect(page.getByRole('heading', { name: 'This page could not be loaded' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  } finally {
    database.start();
  }
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: "Look up a parent's contracts" })).toBeVisible();
  dropExpected(pageErrors, FAILED_REQUESTS);
});
