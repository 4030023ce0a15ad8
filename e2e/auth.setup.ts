import { expect, test as setup } from '@playwright/test';
import { CERTIFICATE_MERCHANT_PORT, E2E_ADMIN, MERCHANT_PORT, signedIn } from '../playwright.config';

/** Signs in to each test server once with the DASHBOARD_ADMIN_* account and keeps the session. */
const servers = [
  ['sandbox', Number(process.env.E2E_PORT ?? 3100)],
  ['merchant', MERCHANT_PORT],
  ['certificate', CERTIFICATE_MERCHANT_PORT],
] as const;

for (const [server, port] of servers) {
  setup(`sign in to the ${server} server`, async ({ page }) => {
    await page.goto(`http://127.0.0.1:${port}/login`);
    await page.getByLabel('用户名').fill(E2E_ADMIN.username);
    await page.getByLabel('密码').fill(E2E_ADMIN.password);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page).toHaveURL(/\/contracts$/);
    await page.context().storageState({ path: signedIn(server) });
  });
}
