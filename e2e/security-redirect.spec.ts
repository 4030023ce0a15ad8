import type { Page } from '@playwright/test';
import { E2E_ADMIN } from '../playwright.config';
import { expect, open, test } from './fixtures';

/**
 * After sign-in the clerk goes back where they came from, and only ever to this site: return
 * addresses that normalise into "//host" (a host to the browser) lead to the contracts page.
 */
const OFF_SITE = [
  '/.//evil.example/x',
  '/%2e//evil.example/x',
  '/a/..//evil.example/x',
  '/./\\evil.example/x',
  '/.\\/evil.example',
  '/a/%2e%2e//evil.example',
];

const HOME = /^http:\/\/127\.0\.0\.1:\d+\/contracts$/;

async function signIn(page: Page) {
  await page.getByLabel('用户名').fill(E2E_ADMIN.username);
  await page.getByLabel('密码').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
}

test.describe('signing in', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  for (const next of OFF_SITE) {
    test(`with next=${next} leads to the contracts page, not elsewhere`, async ({ page }) => {
      await open(page, `/login?next=${encodeURIComponent(next)}`);
      await signIn(page);
      await expect(page).toHaveURL(HOME);
    });
  }
});

test('a signed-in clerk sent to the login page with such a return address goes to the contracts page', async ({
  page,
}) => {
  for (const next of OFF_SITE) {
    await open(page, `/login?next=${encodeURIComponent(next)}`);
    await expect(page).toHaveURL(HOME);
  }
});

test('a return address on this site is still honoured', async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await open(page, `/login?next=${encodeURIComponent('/admin/../admin/audit')}`);
  await signIn(page);
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/admin\/audit$/);
  await context.close();
});
