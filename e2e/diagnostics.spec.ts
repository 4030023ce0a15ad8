import type { Page } from '@playwright/test';
import { CERTIFICATE_MERCHANT_PORT, signedIn } from '../playwright.config';
import { expect, open, test } from './fixtures';
import { createStaffOnUsersPage } from './people';

/**
 * The diagnostics page, as IT sees it: every check green against the sandbox; the certificate
 * merchant, whose primary host refuses connections, red for the primary and green for the backup
 * it fails over to; refused to a clerk. Each visit appends an audit record (the database check
 * says it was accepted).
 */
const check = (page: Page, name: string) => page.getByRole('region', { name });

test('an admin sees every check green against the sandbox, and can run them again', async ({ page }) => {
  await open(page, '/');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '系统诊断' }).click();
  await expect(page.getByRole('heading', { name: '系统诊断', level: 1 })).toBeVisible();
  for (const name of [
    '配置',
    '商户私钥',
    '微信支付的密钥',
    '时钟偏差',
    '微信支付连接：主域名',
    '微信支付连接：备用域名',
    '数据库',
  ]) {
    await expect(check(page, name).getByRole('heading')).toContainText('正常');
  }
  await expect(check(page, '配置')).toContainText('沙箱（模拟数据）');
  await expect(check(page, '微信支付连接：主域名')).toContainText('已验签的应答');
  await expect(check(page, '数据库')).toContainText('SQLite');
  await expect(check(page, '数据库')).toContainText('查询记录可写入是');
  // No secret is ever on the page.
  await expect(page.locator('body')).not.toContainText('PRIVATE KEY');

  await page.getByRole('button', { name: '重新检查' }).click();
  await expect(page).toHaveURL(/\/admin\/diagnostics\??$/);
  await expect(check(page, '数据库').getByRole('heading')).toContainText('正常');
});

test.describe('the certificate merchant, whose primary host refuses connections', () => {
  test.use({ storageState: signedIn('certificate'), baseURL: `http://127.0.0.1:${CERTIFICATE_MERCHANT_PORT}` });

  test('shows the primary red (unreachable), the backup green, and the platform certificates held', async ({
    page,
  }) => {
    await open(page, '/admin/diagnostics');
    const primary = check(page, '微信支付连接：主域名');
    await expect(primary.getByRole('heading')).toContainText('故障');
    await expect(primary).toContainText('无法连接');
    const backup = check(page, '微信支付连接：备用域名');
    await expect(backup.getByRole('heading')).toContainText('正常');
    await expect(backup).toContainText('已验签的应答');
    await expect(check(page, '微信支付的密钥')).toContainText('平台证书');
    // The download at start found the primary refusing, and got the certificates from the backup.
    await expect(check(page, '微信支付的密钥')).toContainText(/上次下载平台证书.*成功/);
    await expect(check(page, '配置')).toContainText('平台证书');
    await expect(page.getByText('总体状态：故障')).toBeVisible();
  });
});

test('a clerk is refused the page', async ({ page, browser }) => {
  const clerk = { username: `diag-${Date.now().toString(36)}`, password: 'clerk-password-1' };
  await createStaffOnUsersPage(page, clerk);

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, locale: 'zh-CN' });
  const clerkPage = await context.newPage();
  await open(clerkPage, '/login');
  await clerkPage.getByLabel('用户名').fill(clerk.username);
  await clerkPage.getByLabel('密码').fill(clerk.password);
  await clerkPage.getByRole('button', { name: '登录' }).click();
  await expect(clerkPage).toHaveURL(/\/contracts$/);
  await expect(clerkPage.getByRole('link', { name: '系统诊断' })).toHaveCount(0);
  await open(clerkPage, '/admin/diagnostics');
  await expect(clerkPage.getByRole('heading', { name: '无权访问此页面' })).toBeVisible();
  await expect(clerkPage.getByRole('region')).toHaveCount(0);
  await context.close();
});
