import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { contractsUrl, expect, LI, open, test, ZHANG } from './fixtures';

/**
 * Every screen, in the light and the dark theme (the system's, emulated), scanned by axe for
 * WCAG 2.1 A and AA: contrast, names, labels, landmarks. Any violation fails, with where it is.
 */
async function expectNoViolations(page: Page, scheme: 'light' | 'dark') {
  // The scan means something only if the page is really in the theme it is named after.
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe(scheme);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}: ${node.failureSummary}`),
  );
  expect(found).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test('the contracts page on a first visit, with recent searches', async ({ page }) => {
      await open(page, contractsUrl({ openid: LI.openid, plan_id: LI.plan, contract_status: 'DELETE' }));
      await open(page, '/contracts');
      await expect(page.getByRole('region', { name: '我最近的查询' })).toBeVisible();
      await expect(page.getByRole('heading', { name: '查询家长的签约记录' })).toBeVisible();
      await expectNoViolations(page, scheme);
    });

    test('the contracts page with results', async ({ page }) => {
      await open(page, contractsUrl({ openid: ZHANG.openid, plan_id: ZHANG.plan }));
      await expect(page.getByText('第 1–20 条，共 53 条')).toBeVisible();
      await expectNoViolations(page, scheme);
    });

    test('a contract’s detail, an id just copied', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await open(page, contractsUrl({ openid: 'oC7vB2nM9xZ4aS1dF8gH3jK6lQ0w', plan_id: '101164396123311332' }));
      await page.getByRole('table', { name: '签约记录' }).locator('tbody').getByRole('row').first().click();
      const dialog = page.getByRole('dialog', { name: '签约详情' });
      await dialog.getByRole('button', { name: '复制签约协议号' }).click();
      await expect(dialog.getByText('已复制')).toBeVisible();
      await expectNoViolations(page, scheme);
    });

    test('the table tools open and an export done', async ({ page }) => {
      await open(page, contractsUrl({ openid: ZHANG.openid, plan_id: ZHANG.plan }));
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: '导出 CSV' }).click();
      await downloading;
      await page.getByText('显示的列', { exact: true }).click();
      await expect(page.getByRole('group', { name: '显示的列' })).toBeVisible();
      await expectNoViolations(page, scheme);
    });

    test('the contracts page refusing what was typed', async ({ page }) => {
      await open(page, contractsUrl({ openid: LI.openid, plan_id: LI.plan }));
      await page.getByLabel('查找家长').fill('oUpF8uMuAJO M2pxb1Q9zNjWeS6o!');
      await page.getByRole('button', { name: '查询' }).click();
      await expect(page.getByText('openid 只能包含英文字母')).toBeVisible();
      await expectNoViolations(page, scheme);
    });

    test('the contracts page when WeChat Pay fails', async ({ page }) => {
      await open(page, contractsUrl({ openid: 'sandbox_fault_system_error', plan_id: ZHANG.plan }));
      await expect(page.getByText('微信支付暂时不可用')).toBeVisible();
      await expectNoViolations(page, scheme);
    });

    test('every plan of a school, one plan failing', async ({ page }) => {
      await open(page, contractsUrl({ openid: 'sandbox_fault_one_plan_down', school: 'sunshine' }));
      // The first answer asks WeChat about every plan: patient on a busy machine.
      await expect(page.getByText('1 个模板查询失败，见该组的说明；其他模板的记录照常显示。')).toBeVisible({
        timeout: 20_000,
      });
      await expect(page.getByRole('region', { name: /^午餐费/ }).getByRole('table')).toBeVisible();
      await expectNoViolations(page, scheme);
    });

    test('a contract by its number', async ({ page }) => {
      await open(page, contractsUrl({ contract_id: '20260000000000110001' }));
      await expect(page.getByRole('region', { name: '签约协议号 20260000000000110001' })).toBeVisible();
      await expectNoViolations(page, scheme);
    });

    test('the parent directory searched', async ({ page }) => {
      await open(page, contractsUrl({ q: '李' }));
      // The demo roster's 李雷 and 李梅, unless roster-import.spec.ts replaced 阳光小学's roster first:
      // then the answer that none was found, which is scanned as well.
      await expect(
        page.getByRole('table', { name: '家长名册中的匹配结果' }).or(page.getByText('家长名册中没有找到“李”')),
      ).toBeVisible();
      await expectNoViolations(page, scheme);
    });

    test('the parent directory admin page', async ({ page }) => {
      await open(page, '/admin/roster');
      await expect(page.getByRole('heading', { name: '家长名册', level: 1 })).toBeVisible();
      await expect(page.getByLabel('名册文件（CSV 或 XLSX，最大 10 MB）')).toBeVisible();
      await expectNoViolations(page, scheme);
    });

    test('the audit trail', async ({ page }) => {
      await open(page, contractsUrl({ openid: ZHANG.openid, plan_id: ZHANG.plan }));
      await open(page, '/admin/audit');
      await expect(page.getByRole('table', { name: '查询记录（最新的在前）' })).toBeVisible();
      await expectNoViolations(page, scheme);
    });

    test('the staff accounts', async ({ page }) => {
      await open(page, '/admin/users');
      await expect(page.getByRole('table', { name: '用户列表' })).toBeVisible();
      await expectNoViolations(page, scheme);
    });

    test.describe('signed out', () => {
      test.use({ storageState: { cookies: [], origins: [] } });

      test('the login page', async ({ page }) => {
        await open(page, '/login');
        await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
        await expectNoViolations(page, scheme);
      });
    });
  });
}
