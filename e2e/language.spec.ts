import type { Page } from '@playwright/test';
import { E2E_ADMIN } from '../playwright.config';
import { contractsUrl, expect, open, test, ZHANG } from './fixtures';

/**
 * The language switch: zh-CN by default, English on request, remembered in a cookie (never in
 * the URL, so search links stay the same), and every part of the screen follows it.
 */

const WANG = { openid: 'oX9bT4mQ2sLr7vN1cK8pH3dF6gJw', plan: '101164396123311331' };
const loaded = (page: Page) => page.getByRole('status').filter({ hasText: /^(Loaded|已加载)/ });

async function choose(page: Page, language: '中文' | 'English') {
  await page.getByRole('button', { name: language }).click();
  await expect(page.getByRole('button', { name: language })).toHaveAttribute('aria-pressed', 'true');
}

test('a clerk switches /contracts to English, keeps it across a reload, and switches back', async ({ page }) => {
  const url = contractsUrl({ openid: ZHANG.openid, plan_id: ZHANG.plan });
  await open(page, url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('button', { name: '中文' })).toHaveAttribute('aria-pressed', 'true');

  await choose(page, 'English');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveURL(url);
  await expect(page.getByRole('heading', { name: 'Contract lookup' })).toBeVisible();
  await expect(page.getByLabel('Find the parent')).toHaveValue(ZHANG.openid);
  await expect(page.getByLabel('Plan ID')).toHaveValue(ZHANG.plan);
  await expect(page.getByRole('button', { name: 'Search', exact: true })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Signed' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Cancelled' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Contracts' });
  await expect(table.getByRole('columnheader')).toHaveText([
    'Contract ID',
    'External contract code',
    'Status',
    'Signed at (Beijing time)',
  ]);
  await expect(page.getByLabel('The same on every row of this page')).toContainText(ZHANG.openid);
  await expect(table.locator('tbody tr').first().locator('td').nth(2)).toHaveText('Signed');
  await expect(page.getByRole('navigation', { name: 'Pages' }).getByText(/^Rows /)).toHaveText('Rows 1–20 of 53');
  await expect(loaded(page)).toHaveText('Loaded 20 of 53 contracts');

  // A page changed in the browser is in English too, and the URL still carries only the search.
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('navigation', { name: 'Pages' }).getByText(/^Rows /)).toHaveText('Rows 21–40 of 53');
  await expect(page).toHaveURL(/offset=20/);
  await expect(page).not.toHaveURL(/locale|lang=|\/en\//);

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: 'Pages' }).getByText(/^Rows /)).toHaveText('Rows 21–40 of 53');

  await choose(page, '中文');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByLabel('查找家长')).toHaveValue(ZHANG.openid);
  await expect(page.getByRole('navigation', { name: '翻页' }).getByText(/^第 /)).toHaveText('第 21–40 条，共 53 条');
});

test('English says one contract in the singular', async ({ page }) => {
  await open(page, '/contracts');
  await choose(page, 'English');
  await open(page, contractsUrl({ openid: WANG.openid, plan_id: WANG.plan }));
  await expect(loaded(page)).toHaveText(/^Loaded 1 (of 1 )?contract$/);
  await expect(page.getByRole('table', { name: 'Contracts' }).locator('tbody td').nth(2)).toHaveText('Cancelled');
});

test('bad input is explained in English beside the field, and nothing is asked of WeChat', async ({ page }) => {
  await open(page, '/contracts');
  await choose(page, 'English');
  let actions = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.headers()['next-action']) actions += 1;
  });
  await page.getByLabel('Plan ID').fill(ZHANG.plan);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByText("Enter the parent's openid, a contract number, or a student's name")).toBeVisible();
  await expect(page.getByLabel('Find the parent')).toBeFocused();
  await page.getByLabel('Find the parent').fill('oUpF8 uMuAJO_M2pxb1Q9zNjWeS6o');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByText(/^The openid can only contain letters/)).toBeVisible();
  expect(actions).toBe(0);
});

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('/login can be read in English, and the choice carries on after signing in', async ({ page }) => {
    await open(page, '/login');
    await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
    await choose(page, 'English');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByText('For school finance staff only.', { exact: false })).toBeVisible();

    await page.getByLabel('Username').fill(E2E_ADMIN.username);
    await page.getByLabel('Password').fill(E2E_ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/contracts$/);
    await expect(page.getByRole('heading', { name: "Look up a parent's contracts" })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  });
});
