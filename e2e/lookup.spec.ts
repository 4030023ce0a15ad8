import type { Page } from '@playwright/test';
import { CONTRACT_HEADERS, contractsUrl, expect, LI, open, test, ZHANG, ZHAO } from './fixtures';

const table = (page: Page) => page.getByRole('table', { name: '签约记录' });
const bodyRows = (page: Page) => table(page).locator('tbody').getByRole('row');
const range = (page: Page) => page.getByRole('navigation', { name: '翻页' }).getByText(/^第 /);

/** The status column of every row on screen, top to bottom. */
async function statuses(page: Page): Promise<string[]> {
  return bodyRows(page).evaluateAll((rows) => rows.map((row) => row.querySelectorAll('td')[2]?.textContent ?? ''));
}

test('a clerk searches from an empty page and sees the parent’s contracts', async ({ page }) => {
  await open(page, '/contracts');
  await expect(page.getByRole('heading', { name: '查询家长的签约记录' })).toBeVisible();
  await expect(page.getByText('沙箱模式')).toBeVisible();

  await page.getByLabel('查找家长').fill(ZHANG.openid);
  await page.getByLabel('签约模板号').fill(ZHANG.plan);
  await page.getByRole('button', { name: '查询' }).click();

  await expect(range(page)).toHaveText('第 1–20 条，共 53 条');
  await expect(bodyRows(page)).toHaveCount(20);
  await expect(table(page).getByRole('columnheader')).toHaveText(CONTRACT_HEADERS);
  // What every row shares is said once, above the table: the plan by the name the office uses.
  const shared = page.getByLabel('本页各行相同的信息');
  await expect(shared).toContainText('午餐费');
  await expect(shared).toContainText(ZHANG.plan);
  await expect(shared).toContainText(ZHANG.openid);
  await expect(page).toHaveURL(/openid=oUpF8uMuAJO_M2pxb1Q9zNjWeS6o/);
  await expect(page).toHaveURL(/plan_id=101164396123311331/);
  await expect(page.getByRole('heading', { name: '查询家长的签约记录' })).toHaveCount(0);
});

test('on a first visit the sandbox offers demo parents to try', async ({ page }) => {
  await open(page, '/contracts');
  await page.getByRole('link', { name: '张女士' }).click();
  await expect(range(page)).toHaveText('第 1–20 条，共 53 条');
  await expect(page.getByLabel('查找家长')).toHaveValue(ZHANG.openid);
});

test('the first page of a search URL is in the server’s HTML', async ({ page }) => {
  const response = await page.request.get(contractsUrl({ openid: ZHANG.openid, plan_id: ZHANG.plan }));
  const html = await response.text();
  expect(html).toContain('LUNCH-0001');
  expect(html).toContain('第 1–20 条，共 53 条');
});

test('a page view asks the server for that page only; its links fetch their page when clicked', async ({ page }) => {
  // Every page is rendered per request: a link that fetched its page ahead (Next.js's prefetch)
  // cost the server a render for each link in view, after every page view.
  const asked: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/_next/static/') && url.pathname !== '/icon.svg')
      asked.push(url.pathname + url.search);
  });
  const search = contractsUrl({ openid: ZHANG.openid, plan_id: ZHANG.plan });
  await open(page, search);
  await open(page, '/contracts');
  await page.waitForTimeout(500);
  expect(asked).toEqual([search, '/contracts']);

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '查询记录' }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByRole('link', { name: '查询记录' })).toHaveAttribute('aria-current', 'page');
});

test('the URL restores a search on reload, and the back button returns to the previous one', async ({ page }) => {
  await open(page, contractsUrl({ openid: ZHANG.openid, plan_id: ZHANG.plan, offset: 20, limit: 20 }));
  await expect(range(page)).toHaveText('第 21–40 条，共 53 条');
  await page.reload();
  await expect(range(page)).toHaveText('第 21–40 条，共 53 条');
  await expect(page.getByLabel('查找家长')).toHaveValue(ZHANG.openid);
  await expect(page.getByLabel('签约模板号')).toHaveValue(ZHANG.plan);

  await page.getByLabel('查找家长').fill(LI.openid);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(range(page)).toHaveText('第 1–2 条，共 2 条');

  await page.goBack();
  await expect(range(page)).toHaveText('第 21–40 条，共 53 条');
  await expect(page.getByLabel('查找家长')).toHaveValue(ZHANG.openid);
});

test('signed contracts come before terminated ones even when WeChat mixes them', async ({ page }) => {
  await open(page, contractsUrl({ openid: ZHAO.openid, plan_id: ZHAO.plan }));
  await expect(bodyRows(page)).toHaveCount(6);
  expect(await statuses(page)).toEqual(['已签约', '已签约', '已签约', '已解约', '已解约', '已解约']);
  // Within each group the server's order is kept: newest first, as the sandbox stores them.
  await expect(bodyRows(page).first()).toContainText('ASC-ZHAO-02');
  await expect(bodyRows(page).nth(3)).toContainText('ASC-ZHAO-01');
});

test('the status filter shows only terminated contracts and is kept in the URL', async ({ page }) => {
  await open(page, contractsUrl({ openid: ZHANG.openid, plan_id: ZHANG.plan, offset: 20 }));
  await expect(range(page)).toHaveText('第 21–40 条，共 53 条');
  await page.getByText('已解约', { exact: true }).first().click();
  await expect(range(page)).toHaveText('第 1–20 条，共 21 条');
  expect(new Set(await statuses(page))).toEqual(new Set(['已解约']));
  await expect(page).toHaveURL(/contract_status=DELETE/);
  await expect(page).toHaveURL(/offset=0/);
});

test('下一页 walks to the last page and 上一页 walks back', async ({ page }) => {
  await open(page, contractsUrl({ openid: ZHANG.openid, plan_id: ZHANG.plan }));
  const prev = page.getByRole('button', { name: '上一页' });
  const next = page.getByRole('button', { name: '下一页' });
  await expect(range(page)).toHaveText('第 1–20 条，共 53 条');
  await expect(prev).toBeDisabled();

  await next.click();
  await expect(range(page)).toHaveText('第 21–40 条，共 53 条');
  // The middle page holds the boundary: the last signed contracts, then the first terminated.
  expect((await statuses(page)).indexOf('已解约')).toBe(12);
  await next.click();
  await expect(range(page)).toHaveText('第 41–53 条，共 53 条');
  await expect(bodyRows(page)).toHaveCount(13);
  await expect(next).toBeDisabled();
  await expect(page).toHaveURL(/offset=40/);

  await prev.click();
  await expect(range(page)).toHaveText('第 21–40 条，共 53 条');
  await prev.click();
  await expect(range(page)).toHaveText('第 1–20 条，共 53 条');
  await expect(prev).toBeDisabled();
});

test('changing the page size starts again from the first page', async ({ page }) => {
  await open(page, contractsUrl({ openid: ZHANG.openid, plan_id: ZHANG.plan, offset: 20 }));
  await expect(range(page)).toHaveText('第 21–40 条，共 53 条');
  await page.getByLabel('每页条数').selectOption('10');
  await expect(range(page)).toHaveText('第 1–10 条，共 53 条');
  await expect(bodyRows(page)).toHaveCount(10);
  await expect(page).toHaveURL(/offset=0&limit=10/);
});

test('an invalid openid gets a message beside the field and no request', async ({ page }) => {
  await open(page, '/contracts');
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(request.url());
  });
  await page.getByLabel('查找家长').fill('oUpF8uMuAJO M2pxb1Q9zNjWeS6o/../x');
  await page.getByLabel('签约模板号').fill(ZHANG.plan);
  await page.getByRole('button', { name: '查询' }).click();

  await expect(page.getByText('openid 只能包含英文字母、数字、下划线和短横线')).toBeVisible();
  await expect(page.getByLabel('查找家长')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('查找家长')).toBeFocused();
  await expect(page).toHaveURL(/\/contracts$/);
  await expect(table(page)).toHaveCount(0);
  expect(posts).toEqual([]);
});

test('an invalid search in a shared link is explained and not sent', async ({ page }) => {
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(request.url());
  });
  await open(page, contractsUrl({ openid: ZHANG.openid, plan_id: ZHANG.plan, offset: 15, limit: 20 }));
  await expect(page.getByText('链接中的查询条件有误')).toBeVisible();
  await expect(page.getByText('页码位置应为每页条数的整数倍')).toBeVisible();
  await expect(table(page)).toHaveCount(0);
  expect(posts).toEqual([]);
});

test('times are shown in Beijing time whatever the browser’s zone', async ({ page }) => {
  await open(page, contractsUrl({ openid: LI.openid, plan_id: LI.plan }));
  // 2025-08-31T16:30:00.250Z is half past midnight on 1 September in Beijing; the browser is in UTC.
  await expect(bodyRows(page).filter({ hasText: 'LUNCH-2025-LI-01' })).toContainText('2025-09-01 00:30:00');
  await expect(bodyRows(page).filter({ hasText: 'LUNCH-2026-LI-01' })).toContainText('2026-09-01 10:00:00');
  // 20-digit ids arrive intact: nothing turned them into numbers.
  await expect(bodyRows(page).first()).toContainText('20260000000000110001');
});

test('a parent without contracts gets a clear empty state', async ({ page }) => {
  await open(page, contractsUrl({ openid: 'oNoContractsAtThisSchool01', plan_id: ZHANG.plan }));
  await expect(page.getByText('没有找到符合条件的签约记录')).toBeVisible();
  await expect(page.getByText(/微信支付 Request-ID：[0-9A-F]{32}/)).toBeVisible();
  await expect(table(page)).toHaveCount(0);
});

test('an upstream error shows what to do, WeChat’s code and its Request-ID, and can be retried', async ({ page }) => {
  await open(page, contractsUrl({ openid: 'sandbox_fault_system_error', plan_id: ZHANG.plan }));
  const alert = page.getByRole('alert', { name: '微信支付暂时不可用' });
  await expect(alert).toContainText('这是微信支付一方的问题');
  await expect(alert).toContainText('SYSTEM_ERROR');
  const firstId = (await alert.getByText(/^[0-9A-F]{32}$/).textContent()) ?? '';
  expect(firstId).toMatch(/^[0-9A-F]{32}$/);
  await expect(table(page)).toHaveCount(0);

  await page.getByRole('button', { name: '重试' }).click();
  await expect(alert.getByText(/^[0-9A-F]{32}$/)).not.toHaveText(firstId);
  await expect(alert).toContainText('SYSTEM_ERROR');
});

test('an answer whose signature does not verify shows no data', async ({ page }) => {
  await open(page, contractsUrl({ openid: 'sandbox_fault_tampered', plan_id: ZHANG.plan }));
  const alert = page.getByRole('alert', { name: '无法验证微信支付应答的签名' });
  await expect(alert).toContainText('没有显示任何数据');
  await expect(alert).toContainText(/[0-9A-F]{32}/);
  await expect(table(page)).toHaveCount(0);
  await expect(page.getByText('没有找到符合条件的签约记录')).toHaveCount(0);
});

test('“/” focuses the openid field, Enter searches, and the result is announced', async ({ page }) => {
  await open(page, '/contracts');
  await page.locator('body').press('/');
  await expect(page.getByLabel('查找家长')).toBeFocused();
  await page.keyboard.type(ZHAO.openid);
  await page.getByLabel('签约模板号').fill(ZHAO.plan);
  await page.getByLabel('签约模板号').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '已加载 6 条签约记录，共 6 条' })).toBeAttached();
});

test('“/” still jumps to the openid field after choosing a status filter, but not inside the detail', async ({
  page,
}) => {
  await open(page, contractsUrl({ openid: ZHAO.openid, plan_id: ZHAO.plan }));
  await page.getByText('已解约', { exact: true }).first().click();
  await expect(page).toHaveURL(/contract_status=DELETE/);
  await page.keyboard.press('/');
  await expect(page.getByLabel('查找家长')).toBeFocused();

  await bodyRows(page).first().click();
  await expect(page.getByRole('dialog', { name: '签约详情' })).toBeVisible();
  await page.keyboard.press('/');
  await expect(page.getByRole('dialog', { name: '签约详情' })).toBeVisible();
  await expect(page.getByLabel('查找家长')).not.toBeFocused();
});
