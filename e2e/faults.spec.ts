import type { Page } from '@playwright/test';
import { contractsUrl, expect, open, test } from './fixtures';

/**
 * What staff see for each way WeChat Pay (or the road to it) can fail, in the browser, against
 * the sandbox's reserved fault openids. The sandbox server of these specs runs with short time
 * budgets (playwright.config.ts) so a slow WeChat is shown in seconds.
 */
const LUNCH = '101164396123311331';
const table = (page: Page) => page.getByRole('table', { name: '签约记录' });
const REQUEST_ID = /[0-9A-F]{32}/;

const failures: [openid: string, title: string, shown: (string | RegExp)[]][] = [
  ['sandbox_fault_tampered', '无法验证微信支付应答的签名', ['没有显示任何数据', REQUEST_ID]],
  ['sandbox_fault_signtest', '无法验证微信支付应答的签名', [REQUEST_ID]],
  ['sandbox_fault_unsigned', '无法验证微信支付应答的签名', [REQUEST_ID]],
  ['sandbox_fault_stale_timestamp', '无法验证微信支付应答的签名', [REQUEST_ID]],
  ['sandbox_fault_unknown_serial', '无法验证微信支付应答的签名', [REQUEST_ID]],
  ['sandbox_fault_malformed_json', '微信支付的应答格式无法识别', ['请联系 IT', REQUEST_ID]],
  ['sandbox_fault_numeric_ids', '微信支付的应答格式无法识别', [REQUEST_ID]],
  ['sandbox_fault_data_not_array', '微信支付的应答格式无法识别', [REQUEST_ID]],
  ['sandbox_fault_rate_limited', '查询太频繁了', ['请稍等片刻再试', 'FREQUENCY_LIMITED', REQUEST_ID]],
  ['sandbox_fault_system_error', '微信支付暂时不可用', ['SYSTEM_ERROR', REQUEST_ID]],
  ['sandbox_fault_sign_error', '微信支付拒绝了本系统的签名', ['请联系 IT', 'SIGN_ERROR', REQUEST_ID]],
  ['sandbox_fault_no_auth', '商户没有校园轻松付的查询权限', ['NO_AUTH', REQUEST_ID]],
  ['sandbox_fault_not_found', '微信支付没有找到相关记录', ['RESOURCE_NOT_EXISTS', REQUEST_ID]],
  ['sandbox_fault_slow', '微信支付响应超时', ['重试']],
];

for (const [openid, title, shown] of failures) {
  test(`${openid}: staff read “${title}” and see no rows`, async ({ page }) => {
    await open(page, contractsUrl({ openid, plan_id: LUNCH }));
    const alert = page.getByRole('alert', { name: title });
    await expect(alert).toBeVisible({ timeout: 15_000 });
    for (const text of shown) await expect(alert).toContainText(text);
    await expect(alert.getByRole('button', { name: '重试' })).toBeVisible();
    await expect(table(page)).toHaveCount(0);
  });
}

test('a 500 that clears on retry never reaches staff: the rows show', async ({ page }) => {
  await open(page, contractsUrl({ openid: 'sandbox_fault_system_error_once', plan_id: LUNCH }));
  await expect(table(page).locator('tbody').getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('alert', { name: '微信支付暂时不可用' })).toHaveCount(0);
});

test('with the primary host down, the rows arrive through the backup host', async ({ page }) => {
  await open(page, contractsUrl({ openid: 'sandbox_fault_primary_down', plan_id: LUNCH }));
  await expect(table(page).locator('tbody').getByRole('row')).toHaveCount(2);
  await expect(table(page)).toContainText('LUNCH-2026-LI-01');
});
