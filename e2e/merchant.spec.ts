import type { Page } from '@playwright/test';
import { CERTIFICATE_MERCHANT_PORT, FAKE_WECHATPAY_PORT, signedIn } from '../playwright.config';
import { contractsUrl, expect, open, test } from './fixtures';

/**
 * The app as a school would run it: configured as a merchant in WeChat Pay public-key mode,
 * against an independent WeChat Pay (e2e/merchant/fake-wechatpay.mjs) that checks our
 * signatures with its own code and answers with pages whose server order mixes statuses.
 */
const PLAN = '2001';
const table = (page: Page) => page.getByRole('table', { name: '签约记录' });
const bodyRows = (page: Page) => table(page).locator('tbody').getByRole('row');
const range = (page: Page) => page.getByRole('navigation', { name: '翻页' }).getByText(/^第 /);

async function column(page: Page, index: number): Promise<string[]> {
  return bodyRows(page).evaluateAll(
    (rows, i) => rows.map((row) => row.querySelectorAll('td')[i]?.textContent ?? ''),
    index,
  );
}

/** What the fake WeChat Pay received: every request target, and what was wrong with it if anything. */
async function wechatLog(page: Page): Promise<{ target: string; problem: string | null }[]> {
  const response = await page.request.get(`http://127.0.0.1:${FAKE_WECHATPAY_PORT}/__log`);
  return response.json();
}

const expectedFirstPage = [
  ...Array.from({ length: 10 }, (_, k) => `M-${String(2 * k + 1).padStart(3, '0')}`),
  ...Array.from({ length: 10 }, (_, k) => `M-${String(2 * k).padStart(3, '0')}`),
];

test('a mixed page is shown signed first, server order kept within each group', async ({ page }) => {
  await open(page, contractsUrl({ openid: 'oMerchantAbsolute01', plan_id: PLAN }));
  await expect(range(page)).toHaveText('第 1–20 条，共 45 条');
  await expect(page.getByText('沙箱模式')).toHaveCount(0);
  expect(await column(page, 1)).toEqual(expectedFirstPage);
  expect(await column(page, 2)).toEqual([...Array(10).fill('已签约'), ...Array(10).fill('已解约')]);
  // Ids past 2^53 arrive digit for digit.
  await expect(bodyRows(page).filter({ hasText: 'M-001' })).toContainText('90000000000000000001');
  // Beijing time in a UTC browser: 17:00Z on 1 January is 01:00 on 2 January in Beijing.
  await expect(bodyRows(page).filter({ hasText: 'M-000' })).toContainText('2026-01-02 01:00:00');
  await expect(bodyRows(page).filter({ hasText: 'M-001' })).toContainText('2026-02-02 09:30:00');
});

test('links given as absolute URLs on another host are read for their offset, never followed', async ({ page }) => {
  await open(page, contractsUrl({ openid: 'oMerchantAbsolute01', plan_id: PLAN }));
  await page.getByRole('button', { name: '下一页' }).click();
  await expect(range(page)).toHaveText('第 21–40 条，共 45 条');
  await page.getByRole('button', { name: '下一页' }).click();
  await expect(range(page)).toHaveText('第 41–45 条，共 45 条');
  await expect(page.getByRole('button', { name: '下一页' })).toBeDisabled();
  await page.getByRole('button', { name: '上一页' }).click();
  await expect(range(page)).toHaveText('第 21–40 条，共 45 条');

  const targets = (await wechatLog(page)).filter((entry) => entry.target.includes('oMerchantAbsolute01'));
  expect(targets.length).toBeGreaterThanOrEqual(3);
  for (const entry of targets) {
    expect(entry.target).toMatch(/^\/v3\/eduschoolpay\/users\/oMerchantAbsolute01\/contracts\?plan_id=2001&/);
    expect(entry.problem).toBeNull();
  }
  expect(targets.map((entry) => entry.target)).toContainEqual(expect.stringContaining('offset=40&limit=20'));
});

test('links given as paths page forward and back', async ({ page }) => {
  await open(page, contractsUrl({ openid: 'oMerchantPath01', plan_id: PLAN, offset: 40 }));
  await expect(range(page)).toHaveText('第 41–45 条，共 45 条');
  await page.getByRole('button', { name: '上一页' }).click();
  await expect(range(page)).toHaveText('第 21–40 条，共 45 条');
  await page.getByLabel('每页条数').selectOption('40');
  await expect(range(page)).toHaveText('第 1–40 条，共 45 条');
  expect((await column(page, 2)).indexOf('已解约')).toBe(20);
});

for (const [openid, what] of [
  ['oFaultTampered', 'a body changed after signing'],
  ['oFaultProbe', 'a SIGNTEST signature probe'],
  ['oFaultStale', 'a timestamp more than 5 minutes old'],
  ['oFaultFuture', 'a timestamp more than 5 minutes ahead'],
  ['oFaultUnsigned', 'no signature at all'],
  ['oFaultUnknownKey', 'a key whose serial we do not know'],
  ['oFaultWrongKey', 'another key under our public key id'],
]) {
  test(`an answer with ${what} is refused and shows no rows`, async ({ page }) => {
    await open(page, contractsUrl({ openid, plan_id: PLAN }));
    const alert = page.getByRole('alert', { name: '无法验证微信支付应答的签名' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(/FAKE-[0-9a-f]{16}/);
    await expect(table(page)).toHaveCount(0);
    await expect(page.getByText('M-0')).toHaveCount(0);
  });
}

test('every request WeChat Pay received was correctly signed', async ({ page }) => {
  await open(page, contractsUrl({ openid: 'oMerchantPath01', plan_id: PLAN, contract_status: 'ADD' }));
  await expect(range(page)).toHaveText('第 1–20 条，共 22 条');
  const log = await wechatLog(page);
  expect(log.length).toBeGreaterThan(0);
  expect(log.filter((entry) => entry.problem !== null)).toEqual([]);
});

test.describe('platform-certificate mode, with the primary host refusing connections', () => {
  test.use({ baseURL: `http://127.0.0.1:${CERTIFICATE_MERCHANT_PORT}`, storageState: signedIn('certificate') });

  test('rows arrive through the backup host, verified with the downloaded certificate', async ({ page }) => {
    await open(page, contractsUrl({ openid: 'oMerchantCertificate01', plan_id: PLAN }));
    await expect(range(page)).toHaveText('第 1–20 条，共 45 条');
    expect(await column(page, 1)).toEqual(expectedFirstPage);
    await page.getByRole('button', { name: '下一页' }).click();
    await expect(range(page)).toHaveText('第 21–40 条，共 45 条');

    const log = await wechatLog(page);
    expect(log.some((entry) => entry.target === '/v3/certificates' && entry.problem === null)).toBe(true);
  });

  for (const openid of ['oFaultTampered', 'oFaultWrongKey', 'oFaultUnknownKey', 'oFaultProbe']) {
    test(`${openid} is refused in certificate mode too`, async ({ page }) => {
      await open(page, contractsUrl({ openid, plan_id: PLAN }));
      await expect(page.getByRole('alert', { name: '无法验证微信支付应答的签名' })).toBeVisible();
      await expect(table(page)).toHaveCount(0);
    });
  }
});
