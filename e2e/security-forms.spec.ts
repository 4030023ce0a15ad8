import type { Page } from '@playwright/test';
import { E2E_ADMIN } from '../playwright.config';
import { expect, open, test, ZHANG } from './fixtures';
import { createStaffOnUsersPage } from './people';

/**
 * Every form works before the page's script has run (a slow school PC, a clerk quick to press
 * 登录): here with no script at all, so each form is the browser's own plain post or get. A
 * server error anywhere fails the test.
 */
test.use({ javaScriptEnabled: false, storageState: { cookies: [], origins: [] } });

const clerk = { username: `nojs-${Date.now().toString(36)}`, password: 'no-script-password-1' };

/** Fails the test on any answer of 500 or more, with its URL. */
function watchServerErrors(page: Page): string[] {
  const failures: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 500) failures.push(`${response.status()} ${response.url()}`);
  });
  return failures;
}

async function signIn(page: Page, password = E2E_ADMIN.password) {
  await open(page, '/login');
  await page.getByLabel('用户名').fill(E2E_ADMIN.username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

test('signing in, a wrong password, and signing out', async ({ page }) => {
  const failures = watchServerErrors(page);
  await signIn(page, 'not-the-password');
  await expect(page.getByRole('alert').filter({ hasText: '用户名或密码不正确' })).toBeVisible();

  await signIn(page);
  await expect(page).toHaveURL(/\/contracts$/);
  await expect(page.getByText(`${E2E_ADMIN.username}（管理员）`)).toBeVisible();

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await open(page, '/contracts');
  await expect(page).toHaveURL(/\/login\?next=/);
  expect(failures).toEqual([]);
});

test('the contracts search is a plain form: its rows come in the next page', async ({ page }) => {
  const failures = watchServerErrors(page);
  await signIn(page);
  await page.getByLabel('查找家长').fill(ZHANG.openid);
  await page.getByLabel('签约模板号').fill(ZHANG.plan);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(/openid=oUpF8uMuAJO_M2pxb1Q9zNjWeS6o/);
  await expect(page.getByText('第 1–20 条，共 53 条')).toBeVisible();
  await expect(page.getByRole('table', { name: '签约记录' }).locator('tbody tr')).toHaveCount(20);
  expect(failures).toEqual([]);
});

test('the language and theme switches, signed out and signed in', async ({ page }) => {
  const failures = watchServerErrors(page);
  await open(page, '/login');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // Without a script a radio only marks the choice: the switch then has its own button.
  await page.getByRole('group', { name: 'Appearance' }).getByText('Dark', { exact: true }).click();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();

  await page.getByLabel('Username').fill(E2E_ADMIN.username);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/contracts$/);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByRole('group', { name: '外观' }).getByText('跟随系统', { exact: true }).click();
  await page.getByRole('button', { name: '应用' }).click();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  expect(failures).toEqual([]);
});

test('the users page and the audit filters', async ({ page }) => {
  const failures = watchServerErrors(page);
  await signIn(page);
  await createStaffOnUsersPage(page, clerk);

  await page.getByLabel(`${clerk.username} 的角色`, { exact: true }).selectOption('admin');
  await page.getByRole('button', { name: `更改 ${clerk.username} 的角色` }).click();
  await expect(page.getByRole('status').filter({ hasText: `已将 ${clerk.username} 的角色改为管理员` })).toBeVisible();
  await page.getByRole('button', { name: `停用 ${clerk.username}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `已停用 ${clerk.username}` })).toBeVisible();

  // The row's 重置密码 opens its small form without a script too.
  await page
    .getByRole('row', { name: new RegExp(clerk.username) })
    .getByText('重置密码')
    .click();
  await page.getByLabel(`${clerk.username} 的新密码`).fill('a-new-password-2');
  await page.getByRole('button', { name: '确认重置' }).click();
  await expect(page.getByRole('status').filter({ hasText: `已重置 ${clerk.username} 的密码` })).toBeVisible();

  await open(page, '/admin/audit');
  await page.getByLabel('家长 openid').fill(ZHANG.openid);
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(new RegExp(`openid=${ZHANG.openid}`));
  expect(failures).toEqual([]);
});
