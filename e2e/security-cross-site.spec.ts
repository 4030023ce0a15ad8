import { createServer, type Server } from 'node:http';
import type { Page } from '@playwright/test';
import { E2E_ADMIN } from '../playwright.config';
import { dropExpected } from './failure-support';
import { contractsUrl, expect, open, test, ZHANG } from './fixtures';
import { ownPort } from './spawn-server';

/**
 * Session cookies are SameSite=Lax, so they go with a top-level navigation from any site: a page
 * elsewhere must not be able to make a signed-in clerk run a lookup (spending the merchant's
 * WeChat quota and the clerk's limit, leaving a record in the clerk's name) or an export. A link
 * from another site fills the search form and waits for the clerk to press 查询.
 */
const APP = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;
const PORT = ownPort(30);
/** Another site ("localhost" is not "127.0.0.1"), and another origin of the same site (another port). */
const ELSEWHERE = [
  ['another site', `http://localhost:${PORT}`],
  ['another origin of the same site', `http://127.0.0.1:${PORT}`],
] as const;
const HELD = '这个查询链接是从其他网站打开的';

let elsewhere: Server;

// One worker for the file: the other site listens on one port.
test.describe.configure({ mode: 'default' });

test.beforeAll(async () => {
  // Serves a page with one link, to whatever ?to= says.
  elsewhere = createServer((request, response) => {
    const to = new URL(request.url ?? '/', 'http://x').searchParams.get('to') ?? '/';
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><title>elsewhere</title><a id="go" href="${to.replace(/"/g, '&quot;')}">go</a>`);
  });
  await new Promise<void>((resolve) => elsewhere.listen(PORT, resolve));
});

test.afterAll(async () => {
  await new Promise((resolve) => elsewhere?.close(resolve));
});

/** Follows a link to `target` (a path of the app) from a page on `origin`. */
async function followFrom(page: Page, origin: string, target: string) {
  await page.goto(`${origin}/?to=${encodeURIComponent(APP + target)}`);
  await page.locator('#go').click();
  await page.waitForURL((url) => url.origin === APP);
  await page.waitForLoadState('networkidle');
}

/** The audit records of one openid, as an admin reads them. */
async function auditedLookups(page: Page, openid: string): Promise<number> {
  const audit = await page.context().newPage();
  await open(audit, `/admin/audit?openid=${openid}`);
  const count = await audit.getByRole('table', { name: '查询记录（最新的在前）' }).locator('tbody tr').count();
  await audit.close();
  return count;
}

const freshOpenid = (tag: string) => `oCross${tag}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;

for (const [what, origin] of ELSEWHERE) {
  test(`a search link from ${what} fills the form and waits for 查询`, async ({ page }) => {
    const openid = freshOpenid('Link');
    await followFrom(page, origin, contractsUrl({ openid, plan_id: ZHANG.plan }));
    await expect(page.getByLabel('查找家长')).toHaveValue(openid);
    await expect(page.getByLabel('签约模板号')).toHaveValue(ZHANG.plan);
    await expect(page.getByRole('note').filter({ hasText: HELD })).toBeVisible();
    await expect(page.getByText('没有找到符合条件的签约记录')).toHaveCount(0);
    expect(await auditedLookups(page, openid)).toBe(0);

    // The clerk looks, and decides.
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByText('没有找到符合条件的签约记录')).toBeVisible();
    await expect(page.getByRole('note').filter({ hasText: HELD })).toHaveCount(0);
    expect(await auditedLookups(page, openid)).toBe(1);
  });
}

test('the same link opened directly, or from the app itself, runs at once', async ({ page }) => {
  const openid = freshOpenid('Direct');
  await open(page, contractsUrl({ openid, plan_id: ZHANG.plan }));
  await expect(page.getByText('没有找到符合条件的签约记录')).toBeVisible();
  await expect(page.getByRole('note').filter({ hasText: HELD })).toHaveCount(0);
  expect(await auditedLookups(page, openid)).toBe(1);
});

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a link from another site still waits after the clerk signs in on the way', async ({ page }) => {
    const openid = freshOpenid('SignIn');
    await followFrom(page, ELSEWHERE[0][1], contractsUrl({ openid, plan_id: ZHANG.plan }));
    await expect(page).toHaveURL(/\/login\?next=/);
    await page.getByLabel('用户名').fill(E2E_ADMIN.username);
    await page.getByLabel('密码').fill(E2E_ADMIN.password);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByLabel('查找家长')).toHaveValue(openid);
    await expect(page.getByRole('note').filter({ hasText: HELD })).toBeVisible();
    await expect(page.getByText('没有找到符合条件的签约记录')).toHaveCount(0);
    expect(await auditedLookups(page, openid)).toBe(0);
  });
});

test('the audit export refuses a request another site started, and serves the app’s own link', async ({
  page,
  pageErrors,
}) => {
  const [refused] = await Promise.all([
    page.waitForResponse((response) => response.url().includes('/admin/audit/export')),
    followFrom(page, ELSEWHERE[0][1], '/admin/audit/export'),
  ]);
  expect(refused.status()).toBe(403);
  await expect(page.getByText('这个导出链接是从其他网站打开的')).toBeVisible();

  await open(page, '/admin/audit');
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出 CSV' }).click();
  expect((await downloading).suggestedFilename()).toMatch(/\.csv$/);
  // The browser logs the refusal it showed, and the icon a plain-text page has not.
  dropExpected(pageErrors, /status of 403|status of 404/);
});
