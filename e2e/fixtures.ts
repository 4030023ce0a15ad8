import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every spec's page collects uncaught errors and console errors (hydration mismatches show up
 * there) and fails the test if there were any.
 */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      });
      await use(errors);
      expect(errors, 'errors in the browser').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens a page and waits until its script has loaded, so clicks reach React and not bare HTML. */
export async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForLoadState('networkidle');
}

export const ZHANG = { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', plan: '101164396123311331' };
export const LI = { openid: 'o3W2Fs1kZt7yQeR4vB8nLp0xHc5A', plan: '101164396123311331' };
export const ZHAO = { openid: 'oK5nR8wE2tY7uI1oP4aS6dF9gH0j', plan: '101164396123311333' };

/** The contracts table's column headers, in order: the CSV export has the same. */
/** The columns of one parent's page in one plan: the plan, openid, AppID and 商户号 are stated once above. */
export const CONTRACT_HEADERS = ['签约协议号', '外部签约号', '状态', '签约时间（北京时间）'];

/** A CSV export's columns: the plan by name first, then every field, the same values on every row too. */
export const CSV_HEADERS = ['签约模板', ...CONTRACT_HEADERS, '签约模板号', 'openid', 'AppID', '商户号'];

export function contractsUrl(params: Record<string, string | number>): string {
  return `/contracts?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`;
}
