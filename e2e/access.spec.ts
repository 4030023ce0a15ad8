import { E2E_ADMIN } from '../playwright.config';
import { contractsUrl, expect, open, test } from './fixtures';

/** Who gets in: only signed-in staff, and only until they sign out. */
test.use({ storageState: { cookies: [], origins: [] } });

const ZHANG = { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', plan_id: '101164396123311331' };

async function signIn(page: import('@playwright/test').Page, password = E2E_ADMIN.password) {
  await page.getByLabel('用户名').fill(E2E_ADMIN.username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

test('a visitor who is not signed in is sent to the login page, and back to the search afterwards', async ({
  page,
}) => {
  await open(page, contractsUrl(ZHANG));
  await expect(page).toHaveURL(/\/login\?next=/);
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  // A first admin was configured, so no sandbox demo account is offered.
  await expect(page.getByText('沙箱演示账号')).toHaveCount(0);
  await signIn(page);
  await expect(page.getByText('第 1–20 条，共 53 条')).toBeVisible();
  await expect(page).toHaveURL(/openid=oUpF8uMuAJO_M2pxb1Q9zNjWeS6o/);
  await expect(page.getByText(`${E2E_ADMIN.username}（管理员）`)).toBeVisible();
});

test('a wrong password is refused with a clear message', async ({ page }) => {
  await open(page, '/login');
  await signIn(page, 'not-the-password');
  await expect(page.getByRole('alert').filter({ hasText: '用户名或密码不正确' })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByLabel('用户名')).toHaveValue(E2E_ADMIN.username);
});

test('signing out ends access, and the old session cookie no longer works', async ({ page, context }) => {
  await open(page, '/login');
  await signIn(page);
  await expect(page).toHaveURL(/\/contracts$/);
  const cookies = await context.cookies();
  const session = cookies.find((cookie) => cookie.name.includes('session_token'));
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
  await open(page, contractsUrl(ZHANG));
  await expect(page).toHaveURL(/\/login\?next=/);

  // Replaying the cookie from before sign-out gets nothing either.
  await context.addCookies(cookies);
  await open(page, contractsUrl(ZHANG));
  await expect(page).toHaveURL(/\/login\?next=/);
});

test('every page carries the security headers', async ({ request }) => {
  for (const path of ['/login', '/contracts']) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy'], path).not.toContain('unsafe-eval');
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('same-origin');
  }
});

test('signing in often never locks staff out; repeated wrong passwords do', async ({ browser }) => {
  test.setTimeout(150_000);
  // One more than the ten failed attempts a username is allowed in 15 minutes.
  for (let attempt = 0; attempt < 11; attempt += 1) {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto('/login');
    await signIn(page);
    await expect(page).toHaveURL(/\/contracts$/);
    await context.close();
  }
  const page = await browser.newPage({ storageState: { cookies: [], origins: [] } });
  for (let attempt = 0; attempt < 11; attempt += 1) {
    // A fresh page each time, so the alert looked for is this attempt's.
    await open(page, '/login');
    await page.getByLabel('用户名').fill('no-such-clerk');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /用户名或密码不正确|尝试次数太多/ })).toBeVisible();
  }
  await expect(page.getByRole('alert').filter({ hasText: '尝试次数太多，请 15 分钟后再试' })).toBeVisible();
  await page.close();
});

test('after sign-in, a return address elsewhere is ignored', async ({ page }) => {
  await open(page, '/login?next=/%09/evil.example');
  await signIn(page);
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/contracts$/);
});
