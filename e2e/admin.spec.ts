import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { contractsUrl, expect, open, test, ZHAO } from './fixtures';

/** What an admin sees and does: the audit trail, its export, and staff accounts. */
const clerk = { username: `clerk-${Date.now().toString(36)}`, password: 'clerk-password-1' };

async function signInFresh(browser: Browser, username: string, password: string): Promise<Page> {
  const context = await browser.newContext({
    storageState: { cookies: [], origins: [] },
    locale: 'zh-CN',
    timezoneId: 'UTC',
  });
  const page = await context.newPage();
  await open(page, '/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  return page;
}

test('a lookup appears in the audit trail, and exports as a CSV that Excel reads as Chinese', async ({ page }) => {
  await open(page, contractsUrl({ openid: ZHAO.openid, plan_id: ZHAO.plan }));
  await expect(page.getByRole('table', { name: '签约记录' }).locator('tbody tr')).toHaveCount(6);

  await open(page, `/admin/audit?openid=${ZHAO.openid}`);
  const trail = page.getByRole('table', { name: '查询记录（最新的在前）' });
  await expect(trail.locator('tbody tr').first()).toContainText('e2e-admin');
  await expect(trail.locator('tbody tr').first()).toContainText('成功，6 条');
  await expect(trail.locator('tbody tr').first()).toContainText(ZHAO.plan);

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出 CSV' }).click();
  const download = await downloading;
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
  expect(lines[0]).toContain('工作人员');
  expect(lines.length).toBeGreaterThan(1);
  expect(lines.slice(1).every((line) => line.includes(ZHAO.openid))).toBe(true);
});

test('staff cannot open admin pages, and a disabled user is refused on the next request', async ({ page, browser }) => {
  await open(page, '/admin/users');
  const create = page.getByRole('form', { name: '新建用户' });
  await create.getByLabel('用户名').fill(clerk.username);
  await create.getByLabel('初始密码').fill(clerk.password);
  await create.getByRole('checkbox', { name: '明德中学' }).check();
  await create.getByRole('button', { name: '创建用户' }).click();
  await expect(page.getByRole('status').filter({ hasText: `已创建用户 ${clerk.username}` })).toBeVisible();

  const clerkPage = await signInFresh(browser, clerk.username, clerk.password);
  await expect(clerkPage).toHaveURL(/\/contracts$/);
  await expect(clerkPage.getByRole('link', { name: '查询记录' })).toHaveCount(0);
  await open(clerkPage, '/admin/audit');
  await expect(clerkPage.getByRole('heading', { name: '无权访问此页面' })).toBeVisible();
  await expect(clerkPage.getByRole('table')).toHaveCount(0);
  const exported = await clerkPage.request.get('/admin/audit/export');
  expect(exported.status()).toBe(403);

  await page.getByRole('button', { name: `停用 ${clerk.username}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `已停用 ${clerk.username}` })).toBeVisible();

  await open(clerkPage, contractsUrl({ openid: ZHAO.openid, plan_id: ZHAO.plan }));
  await expect(clerkPage).toHaveURL(/\/login\?next=/);
  await clerkPage.getByLabel('用户名').fill(clerk.username);
  await clerkPage.getByLabel('密码').fill(clerk.password);
  await clerkPage.getByRole('button', { name: '登录' }).click();
  await expect(clerkPage.getByRole('alert').filter({ hasText: '该账号已停用' })).toBeVisible();
  await clerkPage.context().close();
});
