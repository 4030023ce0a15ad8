import { contractsUrl, expect, LI, open, test, ZHANG } from './fixtures';
import { sandboxAdmin, signInAs } from './people';

/**
 * Not a check: renders the main screens to docs/screenshots/ for the README and for a human look,
 * in the light theme and, as `*-dark.png`, in the dark one (the system's, emulated).
 * Run with `npm run screenshots` after `npm run build`.
 */
for (const scheme of ['light', 'dark'] as const) {
  test.describe(scheme, () => {
    test.use({ colorScheme: scheme });
    const shot = (name: string) => ({
      path: `docs/screenshots/${name}${scheme === 'dark' ? '-dark' : ''}.png`,
      fullPage: true,
    });

    test('screens', async ({ page }) => {
      // Many pages, on a machine that may be busy.
      test.setTimeout(120_000);
      await open(page, '/contracts');
      await page.screenshot(shot('first-visit'));

      await open(page, contractsUrl({ openid: ZHANG.openid, plan_id: ZHANG.plan, offset: 20 }));
      await expect(page.getByText('第 21–40 条，共 53 条')).toBeVisible();
      await page.screenshot(shot('results'));

      await page.getByRole('table', { name: '签约记录' }).locator('tbody').getByRole('row').first().click();
      await page.getByRole('dialog', { name: '签约详情' }).getByRole('button', { name: '复制签约协议号' }).click();
      await page.screenshot(shot('detail'));

      await open(page, contractsUrl({ openid: 'oC7vB2nM9xZ4aS1dF8gH3jK6lQ0w', plan_id: '101164396123311332' }));
      await page.getByRole('table', { name: '签约记录' }).locator('tbody').getByRole('row').first().click();
      await page.screenshot(shot('detail-other-openid'));

      await open(page, contractsUrl({ openid: ZHANG.openid, plan_id: ZHANG.plan }));
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: '导出 CSV' }).click();
      await downloading;
      await page.getByText('显示的列', { exact: true }).click();
      await page.screenshot(shot('export-and-columns'));

      await open(page, contractsUrl({ openid: LI.openid, plan_id: LI.plan }));
      await page.getByLabel('查找家长').fill('oUpF8uMuAJO M2pxb1Q9zNjWeS6o!');
      await page.getByRole('button', { name: '查询' }).click();
      await page.screenshot(shot('invalid-input'));

      await open(page, contractsUrl({ openid: 'sandbox_fault_system_error', plan_id: ZHANG.plan }));
      await page.screenshot(shot('upstream-error'));

      await open(page, contractsUrl({ openid: 'sandbox_fault_tampered', plan_id: ZHANG.plan }));
      await page.screenshot(shot('unverified'));

      await open(page, contractsUrl({ openid: 'oNoContractsAtThisSchool01', plan_id: ZHANG.plan }));
      await page.screenshot(shot('empty'));

      await open(page, '/admin/audit');
      await page.screenshot(shot('admin-audit'));
      await open(page, '/admin/users');
      await page.screenshot(shot('admin-users'));
      await open(page, '/admin/schools');
      await page.screenshot(shot('admin-schools'));

      // Finding the parent (issue 12): every plan of a school, one failing; the directory; the roster.
      await open(page, `/contracts?openid=${LI.openid}&school=sunshine`);
      await expect(page.getByRole('heading', { name: '阳光小学：全部签约模板' })).toBeVisible();
      await page.screenshot(shot('all-plans'));
      await open(page, '/contracts?openid=sandbox_fault_one_plan_down&school=sunshine');
      await expect(page.getByRole('heading', { name: '阳光小学：全部签约模板' })).toBeVisible();
      await page.screenshot(shot('all-plans-one-failing'));
      await open(page, `/contracts?q=${encodeURIComponent('李')}`);
      await page.screenshot(shot('directory'));
      await open(page, '/admin/roster?school=sunshine');
      await page.screenshot(shot('admin-roster'));
      await open(page, '/admin/diagnostics');
      await page.screenshot(shot('admin-diagnostics'));

      // The first visit again, now with this session's searches under 我最近的查询.
      await open(page, '/contracts');
      await page.screenshot(shot('recent-searches'));
    });

    test('in English', async ({ page, context, baseURL }) => {
      await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL }]);
      await open(page, contractsUrl({ openid: ZHANG.openid, plan_id: ZHANG.plan }));
      await page.screenshot(shot('results-en'));
    });

    test('schools of a clerk and of a school admin', async ({ browser }) => {
      test.setTimeout(90_000);
      const run = `${scheme}-${Date.now().toString(36)}`;
      const clerk = { username: `shot-both-${run}`, password: 'shot-password-1' };
      const head = { username: `shot-head-${run}`, password: 'shot-password-1' };
      sandboxAdmin(
        ['user', 'add', clerk.username, '--role', 'staff', '--school', 'sunshine', '--school', 'mingde'],
        clerk.password,
      );
      sandboxAdmin(['user', 'add', head.username, '--role', 'school_admin', '--school', 'sunshine'], head.password);
      const page = await signInAs(browser, clerk);
      await page.emulateMedia({ colorScheme: scheme });
      await open(page, '/contracts?school=sunshine');
      await page.screenshot(shot('school-picker'));
      await page.context().close();
      const headPage = await signInAs(browser, head);
      await headPage.emulateMedia({ colorScheme: scheme });
      await open(headPage, '/admin/users');
      await headPage.screenshot(shot('admin-users-school-admin'));
      await headPage.context().close();
    });

    test('login', async ({ browser }) => {
      const context = await browser.newContext({
        storageState: { cookies: [], origins: [] },
        locale: 'zh-CN',
        colorScheme: scheme,
      });
      const page = await context.newPage();
      await open(page, '/login');
      await page.screenshot(shot('login'));
      await context.close();
    });
  });
}
