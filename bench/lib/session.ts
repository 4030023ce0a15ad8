import type { Browser, BrowserContext } from 'playwright-core';
import zh from '@/messages/zh-CN.json';

/** The first admin every benchmark server starts with (DASHBOARD_ADMIN_*), as the e2e servers do. */
export const BENCH_ADMIN = { username: 'bench-admin', password: 'bench-admin-password-1' } as const;

export type SignedIn = Awaited<ReturnType<BrowserContext['storageState']>>;

/** Signs in through the login page, as a clerk does, and keeps the browser state (the session cookie). */
export async function signIn(browser: Browser, baseUrl: string): Promise<SignedIn> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel(zh.login.username).fill(BENCH_ADMIN.username);
    await page.getByLabel(zh.login.password).fill(BENCH_ADMIN.password);
    await page.getByRole('button', { name: zh.login.submit }).click();
    await page.waitForURL(/\/contracts/);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/** The `Cookie` header the signed-in browser sends to the server. */
export function cookieHeader(state: SignedIn): string {
  return state.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}
