import { contractsUrl, expect, open, test, ZHANG } from './fixtures';

/**
 * On a small laptop and an upright tablet the page itself never scrolls sideways: a wide table
 * scrolls inside its own box, and the header and forms wrap.
 */
const VIEWPORTS = [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
];

for (const viewport of VIEWPORTS) {
  test.describe(`${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('the contracts, the audit trail and the staff accounts fit the width', async ({ page }) => {
      const fits = () =>
        page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

      await open(page, contractsUrl({ openid: ZHANG.openid, plan_id: ZHANG.plan }));
      await expect(page.getByText('第 1–20 条，共 53 条')).toBeVisible();
      expect(await fits(), '/contracts with results').toBe(true);

      await open(page, '/admin/audit');
      await expect(page.getByRole('table', { name: '查询记录（最新的在前）' })).toBeVisible();
      expect(await fits(), '/admin/audit').toBe(true);

      await open(page, '/admin/users');
      await expect(page.getByRole('table', { name: '用户列表' })).toBeVisible();
      expect(await fits(), '/admin/users').toBe(true);
    });
  });
}
