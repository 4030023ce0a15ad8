import type { Browser } from '@playwright/test';
import { E2E_ADMIN } from '../playwright.config';
import { expect, open, test } from './fixtures';
import { type OwnServer, startOwnServer } from './spawn-server';

/**
 * HTTPS as the browser saw it: when the dashboard is served over https (BETTER_AUTH_URL, or the
 * TLS proxy in front says so and is declared with DASHBOARD_TRUSTED_PROXIES), its cookies are
 * Secure and it sends Strict-Transport-Security; over plain http (a school's LAN) neither, so
 * signing in still works there. A client's own X-Forwarded-Proto counts only behind a declared proxy.
 */
test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: 'serial' });

let behindProxy: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  behindProxy = await startOwnServer(21, { DASHBOARD_TRUSTED_PROXIES: '1' });
});

test.afterAll(async () => {
  await behindProxy?.stop();
});

/** Signs in and picks English in a fresh browser; the session and language cookies it was given. */
async function cookiesAfterSignIn(browser: Browser, baseURL: string, headers: Record<string, string>) {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: headers });
  const page = await context.newPage();
  await open(page, '/login');
  await page.getByLabel('用户名').fill(E2E_ADMIN.username);
  await page.getByLabel('密码').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/contracts$/);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const cookies = await context.cookies();
  await context.close();
  return {
    session: cookies.find((cookie) => cookie.name.includes('session_token')),
    locale: cookies.find((cookie) => cookie.name === 'NEXT_LOCALE'),
  };
}

test('served over plain http, nothing is Secure and no HSTS is sent, whatever the client claims', async ({
  browser,
  request,
  baseURL,
}) => {
  for (const headers of [{}, { 'x-forwarded-proto': 'https' }] as Record<string, string>[]) {
    const response = await request.get('/login', { headers });
    expect(response.headers()['strict-transport-security']).toBeUndefined();
  }
  const { session, locale } = await cookiesAfterSignIn(browser, baseURL ?? '', { 'x-forwarded-proto': 'https' });
  expect(session).toMatchObject({ secure: false, httpOnly: true, sameSite: 'Lax' });
  expect(locale).toMatchObject({ secure: false });
});

test('behind a declared TLS proxy: HSTS and Secure cookies for what came over https, none for http', async ({
  browser,
  request,
}) => {
  const overHttps = await request.get(`${behindProxy.url}/login`, { headers: { 'x-forwarded-proto': 'https' } });
  expect(overHttps.headers()['strict-transport-security']).toBe('max-age=31536000');
  const overHttp = await request.get(`${behindProxy.url}/login`, { headers: { 'x-forwarded-proto': 'http' } });
  expect(overHttp.headers()['strict-transport-security']).toBeUndefined();

  const secure = await cookiesAfterSignIn(browser, behindProxy.url, { 'x-forwarded-proto': 'https' });
  expect(secure.session).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
  expect(secure.locale).toMatchObject({ secure: true });
  const plain = await cookiesAfterSignIn(browser, behindProxy.url, { 'x-forwarded-proto': 'http' });
  expect(plain.session).toMatchObject({ secure: false });
  expect(plain.locale).toMatchObject({ secure: false });
});
