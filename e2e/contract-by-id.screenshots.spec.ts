import { contractsUrl, expect, open, test } from './fixtures';

/** Not a check: the contract-by-number screens, light and dark, for a human look (`npm run screenshots`). */
for (const scheme of ['light', 'dark'] as const) {
  test(`contract by number, ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const shot = (name: string) => ({
      path: `docs/screenshots/${name}${scheme === 'dark' ? '-dark' : ''}.png`,
      fullPage: true,
    });
    await open(page, contractsUrl({ contract_id: '20260000000000110002' }));
    await expect(page.getByRole('region', { name: '签约协议号 20260000000000110002' })).toBeVisible();
    await page.screenshot(shot('contract-by-number'));
    await open(page, contractsUrl({ contract_id: '20269999999999999999' }));
    await expect(page.getByText('没有找到签约协议号为 20269999999999999999 的签约')).toBeVisible();
    await page.screenshot(shot('contract-by-number-none'));
  });
}
