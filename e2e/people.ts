import { spawnSync } from 'node:child_process';
import type { Browser, Page } from '@playwright/test';
import { SANDBOX_DATA_DIR } from '../playwright.config';
import { expect, open } from './fixtures';

/** Someone to sign in as. */
export interface Person {
  username: string;
  password: string;
}

/** `npm run admin -- …` on the sandbox app's data directory; a password goes on standard input. */
export function sandboxAdmin(args: string[], password?: string): void {
  const result = spawnSync('npm', ['run', 'admin', '--', ...args], {
    env: { ...process.env, DATA_DIR: SANDBOX_DATA_DIR, DATABASE_URL: '' },
    input: password ? `${password}\n` : '',
    encoding: 'utf8',
  });
  expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
}

/** A new browser context signed in as this person on the sandbox app, on the contracts page. */
export async function signInAs(browser: Browser, who: Person): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await open(page, '/login');
  await page.getByLabel('用户名').fill(who.username);
  await page.getByLabel('密码').fill(who.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/contracts$/);
  return page;
}

/** Creates a staff account of 阳光小学 through the users page as an admin would, and waits for its confirmation. */
export async function createStaffOnUsersPage(page: Page, who: Person): Promise<void> {
  await open(page, '/admin/users');
  await page.getByLabel('用户名').fill(who.username);
  await page.getByLabel('初始密码').fill(who.password);
  await page.getByRole('checkbox', { name: '阳光小学' }).first().check();
  await page.getByRole('button', { name: '创建用户' }).click();
  await expect(page.getByRole('status').filter({ hasText: `已创建用户 ${who.username}` })).toBeVisible();
}
