import type { Page } from '@playwright/test';
import { expect, open, test } from './fixtures';

/** What the page is painted in, and whether <html> carries a choice. */
async function shown(page: Page) {
  return page.evaluate(() => ({
    colorScheme: getComputedStyle(document.documentElement).colorScheme,
    choice: document.documentElement.dataset.theme ?? null,
  }));
}

type Choice = '跟随系统' | '浅色' | '深色';
const choice = (page: Page, name: Choice) => page.getByRole('group', { name: '外观' }).getByRole('radio', { name });
/** Clicks an option as staff do: on its label (the radio itself is visually hidden). */
const choose = (page: Page, name: Choice) =>
  page.getByRole('group', { name: '外观' }).getByText(name, { exact: true }).click();

test('without a choice the page follows the system, also when the system changes', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page, '/contracts');
  await expect(choice(page, '跟随系统')).toBeChecked();
  expect(await shown(page)).toEqual({ colorScheme: 'dark', choice: null });

  await page.emulateMedia({ colorScheme: 'light' });
  expect(await shown(page)).toEqual({ colorScheme: 'light', choice: null });
});

test('a choice applies at once, overrides the system and is in the first HTML after a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await open(page, '/contracts');
  await choose(page, '深色');
  expect(await shown(page)).toEqual({ colorScheme: 'dark', choice: 'dark' });

  // Rendered dark by the server from the cookie: no light flash before any script runs.
  const reloaded = await page.reload();
  expect(await reloaded?.text()).toMatch(/<html[^>]* data-theme="dark"/);
  await expect(choice(page, '深色')).toBeChecked();
  expect(await shown(page)).toEqual({ colorScheme: 'dark', choice: 'dark' });

  // The choice follows staff to the other pages.
  await open(page, '/admin/users');
  await expect(choice(page, '深色')).toBeChecked();
  expect(await shown(page)).toEqual({ colorScheme: 'dark', choice: 'dark' });

  await page.emulateMedia({ colorScheme: 'dark' });
  await choose(page, '浅色');
  expect(await shown(page)).toEqual({ colorScheme: 'light', choice: 'light' });

  await choose(page, '跟随系统');
  expect(await shown(page)).toEqual({ colorScheme: 'dark', choice: null });
  expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain('theme');
  await page.reload();
  await expect(choice(page, '跟随系统')).toBeChecked();
  expect(await shown(page)).toEqual({ colorScheme: 'dark', choice: null });
});

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] }, colorScheme: 'light' });

  test('the login page has the switch too, and remembers the choice', async ({ page }) => {
    await open(page, '/login');
    await choose(page, '深色');
    await page.reload();
    expect(await shown(page)).toEqual({ colorScheme: 'dark', choice: 'dark' });
    const cookie = (await page.context().cookies()).find((c) => c.name === 'theme');
    expect(cookie).toMatchObject({ value: 'dark', sameSite: 'Lax', httpOnly: false });
  });
});
