import type { Page } from '@playwright/test';
import { E2E_ADMIN } from '../playwright.config';
import { contractsUrl, expect, LI, open, test, ZHANG } from './fixtures';

/**
 * On a shared office PC the next person uses the same tab: after 退出登录 nothing of the previous
 * clerk's session may be reached in it, not by Back, not from any cache.
 */
test.use({ storageState: { cookies: [], origins: [] } });

const rows = (page: Page) => page.getByRole('table', { name: '签约记录' }).locator('tbody tr');

async function signIn(page: Page) {
  await open(page, '/login');
  await page.getByLabel('用户名').fill(E2E_ADMIN.username);
  await page.getByLabel('密码').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/contracts$/);
}

test('after signing out, Back shows the login page and none of the results', async ({ page }) => {
  await signIn(page);
  await page.getByLabel('查找家长').fill(ZHANG.openid);
  await page.getByLabel('签约模板号').fill(ZHANG.plan);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(rows(page)).toHaveCount(20);
  await page.getByRole('button', { name: '下一页' }).click();
  await expect(page.getByText('第 21–40 条，共 53 条')).toBeVisible();

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  for (let step = 0; step < 3; step += 1) {
    await page.goBack();
    await page.waitForLoadState('networkidle');
    await expect(page).toHaveURL(/\/login/);
    await expect(rows(page)).toHaveCount(0);
    await expect(page.getByText(ZHANG.openid)).toHaveCount(0);
  }
});

test('pages with a clerk’s data are never stored by the browser', async ({ page }) => {
  await signIn(page);
  for (const path of [contractsUrl({ openid: LI.openid, plan_id: LI.plan }), '/admin/audit', '/admin/users']) {
    const response = await page.request.get(path);
    expect(response.headers()['cache-control'], path).toContain('no-store');
  }
});
