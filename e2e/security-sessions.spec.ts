import type { Browser, Page } from '@playwright/test';
import { expect, open, test } from './fixtures';

/**
 * Resetting one's own password is often the answer to a suspected compromise: whoever else holds a
 * session of that account is signed out. The session the reset was made in goes on. An admin of
 * the test's own, so that the shared admin's sessions are left alone.
 */
const boss = { username: `reset-self-${Date.now().toString(36)}`, password: 'reset-self-password-1' };

async function signedInAs(browser: Browser, { username, password }: typeof boss): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await open(page, '/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/contracts$/);
  return page;
}

test('resetting your own password ends your other sessions, and keeps the one you reset it in', async ({
  page,
  browser,
}) => {
  await open(page, '/admin/users');
  await page.getByLabel('用户名').fill(boss.username);
  await page.getByLabel('初始密码').fill(boss.password);
  await page.getByLabel('角色', { exact: true }).selectOption({ label: '管理员' });
  await page.getByRole('button', { name: '创建用户' }).click();
  await expect(page.getByRole('status').filter({ hasText: `已创建用户 ${boss.username}` })).toBeVisible();

  const office = await signedInAs(browser, boss);
  const elsewhere = await signedInAs(browser, boss);

  await open(office, '/admin/users');
  // The disclosure's summary: Chromium exposes it without a button role, so by its label.
  await office.getByLabel(`重置密码（${boss.username}）`).click();
  await office.getByLabel(`${boss.username} 的新密码`).fill('reset-self-password-2');
  await office.getByRole('button', { name: '确认重置' }).click();
  await expect(office.getByRole('status').filter({ hasText: '已重置您自己的密码' })).toBeVisible();

  await open(elsewhere, '/contracts');
  await expect(elsewhere).toHaveURL(/\/login\?next=/);
  await open(office, '/contracts');
  await expect(office).toHaveURL(/\/contracts$/);

  await office.context().close();
  await elsewhere.context().close();
});
