import type { Page } from '@playwright/test';
import { contractsUrl, expect, open, test, ZHANG } from './fixtures';

const bodyRows = (page: Page) => page.getByRole('table', { name: '签约记录' }).locator('tbody').getByRole('row');
const CHEN = { openid: 'oC7vB2nM9xZ4aS1dF8gH3jK6lQ0w', plan: '101164396123311332' };

test('clicking a row opens every field of the contract, and an id copies in one click', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, contractsUrl({ openid: ZHANG.openid, plan_id: ZHANG.plan }));
  const first = bodyRows(page).first();
  const contractId = (await first.locator('td').first().textContent()) ?? '';
  expect(contractId).toMatch(/^\d{20}$/);
  await first.click();

  const dialog = page.getByRole('dialog', { name: '签约详情' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(contractId)).toBeVisible();
  await expect(dialog.getByText('已签约')).toBeVisible();
  await expect(dialog.getByText('101164396123311331')).toBeVisible();
  await expect(dialog.getByText('（午餐费）')).toBeVisible();
  // Beijing time, and WeChat's own RFC 3339 text beside it.
  await expect(dialog.getByRole('time')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  await expect(dialog.getByText(/^微信支付原文：\d{4}-\d{2}-\d{2}T/)).toBeVisible();

  await dialog.getByRole('button', { name: '复制签约协议号' }).click();
  await expect(dialog.getByText('已复制')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(contractId);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Focus goes back to the row, so the clerk carries on from where they were.
  await expect(first).toBeFocused();
});

test('Enter on a focused row opens its detail; 关闭 closes it', async ({ page }) => {
  await open(page, contractsUrl({ openid: ZHANG.openid, plan_id: ZHANG.plan }));
  await bodyRows(page).nth(2).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '签约详情' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toBeHidden();
});

test('the detail warns when WeChat answered with another openid than the one searched', async ({ page }) => {
  await open(page, contractsUrl({ openid: CHEN.openid, plan_id: CHEN.plan }));
  await bodyRows(page).first().click();
  const dialog = page.getByRole('dialog', { name: '签约详情' });
  await expect(dialog.getByRole('alert')).toContainText(
    `微信支付返回的 openid 与查询的 openid（${CHEN.openid}）不一致`,
  );
  await expect(dialog.getByText('oOtherAppId_5tGv2Wq8Lm3Zx7')).toBeVisible();
  await expect(dialog.getByText('wx0th3rapp1d000001')).toBeVisible();
});

test('a matching openid gets no warning', async ({ page }) => {
  await open(page, contractsUrl({ openid: ZHANG.openid, plan_id: ZHANG.plan }));
  await bodyRows(page).first().click();
  const dialog = page.getByRole('dialog', { name: '签约详情' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
});
