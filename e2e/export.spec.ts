import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { parseCsv } from './csv';
import { CSV_HEADERS, contractsUrl, expect, open, test, ZHANG } from './fixtures';

/** An id as Excel keeps it whole, ="…", read back as the id. */
const excelText = (cell: string) => /^="(\d+)"$/.exec(cell)?.[1] ?? cell;

const bodyRows = (page: Page) => page.getByRole('table', { name: '签约记录' }).locator('tbody').getByRole('row');

/**
 * Sends the page's next export for a sandbox fault openid instead of the search on screen, and
 * counts the files the browser is given from then on.
 */
async function exportAs(page: Page, openid: string): Promise<() => number> {
  await page.route('**/contracts/export', (route) =>
    route.continue({ postData: JSON.stringify({ openid, plan_id: ZHANG.plan, contract_status: 'ALL' }) }),
  );
  let downloads = 0;
  page.on('download', () => downloads++);
  return () => downloads;
}

/** Contract ids of every page of the search on screen, as staff would read them page by page. */
async function idsOnEveryPage(page: Page): Promise<string[]> {
  const ids: string[] = [];
  for (;;) {
    ids.push(
      ...(await bodyRows(page).evaluateAll((rows) => rows.map((row) => row.querySelector('td')?.textContent ?? ''))),
    );
    const next = page.getByRole('button', { name: '下一页' });
    if (await next.isDisabled()) return ids;
    const range = await page.getByText(/^第 \d+–\d+ 条/).textContent();
    await next.click();
    await expect(page.getByText(/^第 \d+–\d+ 条/)).not.toHaveText(range ?? '');
  }
}

test('导出 CSV gives every contract of a 53-contract search, in order, with Chinese intact', async ({ page }) => {
  await open(page, contractsUrl({ openid: ZHANG.openid, plan_id: ZHANG.plan }));
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^签约记录-oUpF8uMuAJO_M2pxb1Q9zNjWeS6o-\d{8}\.csv$/);
  await expect(page.getByRole('status').filter({ hasText: '已导出 53 条签约记录' })).toBeVisible();

  const bytes = await readFile(await download.path());
  // UTF-8 with a byte-order mark, or Excel garbles the Chinese.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const records = parseCsv(bytes.toString('utf8').slice(1));
  expect(records).toHaveLength(54);
  // The plan by name first (both exports, one plan's and all plans', have the same columns).
  expect(records[0]).toEqual(CSV_HEADERS);
  expect(records.slice(1).every((row) => row[0] === '午餐费')).toBe(true);
  // Digit-only ids are written so that Excel cannot round them: ="101164396123311331".
  expect(records.slice(1).every((row) => row[1].startsWith('="') && row[5] === `="${ZHANG.plan}"`)).toBe(true);
  const rows = records.slice(1).map((row) => row.slice(1).map(excelText));
  expect(rows.every((row) => row.length === 8 && row[4] === ZHANG.plan && row[5] === ZHANG.openid)).toBe(true);
  expect(new Set(rows.map((row) => row[2]))).toEqual(new Set(['已签约', '已解约']));
  expect(rows.every((row) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(row[3]))).toBe(true);
  // Signed before terminated, and the same order as the table's pages.
  const firstTerminated = rows.findIndex((row) => row[2] === '已解约');
  expect(rows.slice(firstTerminated).every((row) => row[2] === '已解约')).toBe(true);
  expect(rows.map((row) => row[0])).toEqual(await idsOnEveryPage(page));
});

test('the export is recorded in the audit trail, page by page', async ({ page }) => {
  await open(page, contractsUrl({ openid: ZHANG.openid, plan_id: ZHANG.plan, contract_status: 'DELETE' }));
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 CSV' }).click();
  await downloading;
  await open(page, `/admin/audit?openid=${ZHANG.openid}`);
  const exported = page.getByRole('table').getByRole('row').filter({ hasText: '导出 CSV：成功' });
  await expect(exported.first()).toContainText('已解约');
});

test('a slow export shows its progress and can be cancelled, leaving no file', async ({ page }) => {
  await open(page, contractsUrl({ openid: ZHANG.openid, plan_id: ZHANG.plan }));
  // The same search, but WeChat will not answer in time: the export hangs on its first page.
  const downloads = await exportAs(page, 'sandbox_fault_slow');
  await page.getByRole('button', { name: '导出 CSV' }).click();
  await expect(page.getByRole('status').filter({ hasText: '正在导出：已取得 0 条' })).toBeVisible();
  await page.getByRole('button', { name: '取消导出' }).click();
  await expect(page.getByText('已取消导出，没有生成文件。')).toBeVisible();
  await expect(page.getByRole('button', { name: '导出 CSV' })).toBeEnabled();
  expect(downloads()).toBe(0);

  // The server stopped waiting for WeChat too, and the audit trail says the page was cancelled.
  await expect(async () => {
    await open(page, '/admin/audit?openid=sandbox_fault_slow');
    await expect(page.getByRole('row').filter({ hasText: '导出 CSV：已取消' }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
});

test('an export WeChat refuses gives no file, and says why with the Request-ID', async ({ page }) => {
  await open(page, contractsUrl({ openid: ZHANG.openid, plan_id: ZHANG.plan }));
  const downloads = await exportAs(page, 'sandbox_fault_system_error');
  await page.getByRole('button', { name: '导出 CSV' }).click();
  await expect(page.getByText('导出未完成（已取得 0 条），没有生成文件。')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('微信支付暂时不可用')).toBeVisible();
  await expect(page.getByText(/微信支付 Request-ID：\S+/)).toBeVisible();
  expect(downloads()).toBe(0);
});

test('the export refuses a request without a session', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const response = await context.request.post(`${baseURL}/contracts/export`, {
    data: { openid: ZHANG.openid, plan_id: ZHANG.plan, contract_status: 'ALL' },
  });
  expect(response.status()).toBe(401);
  expect(await response.text()).not.toContain(ZHANG.openid);
  await context.close();
});
