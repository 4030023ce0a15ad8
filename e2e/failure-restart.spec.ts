import type { Page } from '@playwright/test';
import { E2E_ADMIN } from '../playwright.config';
import { dropExpected, killServerOn } from './failure-support';
import { contractsUrl, expect, open, test, ZHANG } from './fixtures';
import { type OwnServer, ownPort, startOwnServer } from './spawn-server';

/**
 * The server goes away under an open tab (a restart, a redeploy, a dropped connection): the clerk
 * is told so in the page's language, with a retry, instead of a skeleton that never ends; and once
 * the server is back, the retry works.
 */
test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: 'serial' });

const OFFSET = 25;
let server: OwnServer;
let dataDir: string;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  server = await startOwnServer(OFFSET);
  dataDir = server.dataDir;
});

test.afterAll(async () => {
  await server?.stop();
});

const range = (page: Page) => page.getByRole('navigation', { name: /翻页|Pages/ }).getByText(/^(第|Rows) /);

async function signedInOn(page: Page, url: string) {
  await open(page, `${url}/login`);
  await page.getByLabel('用户名').fill(E2E_ADMIN.username);
  await page.getByLabel('密码').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/contracts$/);
}

for (const language of ['zh-CN', 'en'] as const) {
  test(`下一页 while the server restarts: a failure with a retry (${language}), then the page`, async ({
    page,
    pageErrors,
  }) => {
    test.setTimeout(120_000);
    await signedInOn(page, server.url);
    if (language === 'en') {
      await page.getByRole('button', { name: 'English' }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    }
    await open(page, `${server.url}${contractsUrl({ openid: ZHANG.openid, plan_id: ZHANG.plan })}`);
    await expect(range(page)).toHaveText(language === 'en' ? 'Rows 1–20 of 53' : '第 1–20 条，共 53 条');

    await killServerOn(ownPort(OFFSET));
    await page.getByRole('button', { name: language === 'en' ? 'Next' : '下一页' }).click();
    const title = language === 'en' ? 'The server did not answer' : '服务器没有应答';
    const alert = page.getByRole('alert', { name: title });
    await expect(alert).toBeVisible({ timeout: 10_000 });
    await expect(page.getByRole('table')).toHaveCount(0);

    server = await startOwnServer(OFFSET, { DATA_DIR: dataDir });
    await alert.getByRole('button', { name: language === 'en' ? 'Try again' : '重试' }).click();
    // A server just started answers its first lookup slowly (it starts the sandbox then).
    await expect(range(page)).toHaveText(language === 'en' ? 'Rows 21–40 of 53' : '第 21–40 条，共 53 条', {
      timeout: 15_000,
    });
    await expect(alert).toHaveCount(0);
    // The browser logs the requests that found no server, or lost it halfway (net::ERR_…): that is
    // the failure shown, not a fault of the page.
    dropExpected(pageErrors, /Failed to load resource: net::ERR_[A-Z_]+$/);
  });
}
