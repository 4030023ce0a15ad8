import type { Page } from '@playwright/test';
import { contractsUrl, expect, open, test, ZHAO } from './fixtures';

const table = (page: Page) => page.getByRole('table', { name: '签约记录' });
const bodyRows = (page: Page) => table(page).locator('tbody').getByRole('row');

/** [status, time] of each row, top to bottom, read by the column headers' positions. */
async function statusAndTime(page: Page): Promise<[string, string][]> {
  const headers = await table(page).getByRole('columnheader').allTextContents();
  const status = headers.indexOf('状态');
  const time = headers.findIndex((text) => text.startsWith('签约时间'));
  return bodyRows(page).evaluateAll(
    (rows, [s, t]) =>
      rows.map((row) => {
        const cells = row.querySelectorAll('td');
        return [cells[s]?.textContent ?? '', cells[t]?.textContent ?? ''] as [string, string];
      }),
    [status, time],
  );
}

test('sorting by 签约时间 orders each status group, signed staying before terminated', async ({ page }) => {
  // 赵先生's contracts come from WeChat in time order with statuses mixed.
  await open(page, contractsUrl({ openid: ZHAO.openid, plan_id: ZHAO.plan }));
  const header = table(page).getByRole('columnheader', { name: /签约时间/ });
  await expect(header).toHaveAttribute('aria-sort', 'none');

  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  expect(await statusAndTime(page)).toEqual([
    ['已签约', '2026-09-15 12:00:00'],
    ['已签约', '2026-03-01 09:00:00'],
    ['已签约', '2025-09-01 08:30:00'],
    ['已解约', '2026-10-08 18:20:00'],
    ['已解约', '2026-05-06 07:45:10'],
    ['已解约', '2025-11-20 20:10:00'],
  ]);

  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  expect((await statusAndTime(page)).map(([, time]) => time)).toEqual([
    '2025-09-01 08:30:00',
    '2026-03-01 09:00:00',
    '2026-09-15 12:00:00',
    '2025-11-20 20:10:00',
    '2026-05-06 07:45:10',
    '2026-10-08 18:20:00',
  ]);

  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'none');
});

test('hidden columns stay hidden for this user after a reload', async ({ page }) => {
  await open(page, contractsUrl({ openid: ZHAO.openid, plan_id: ZHAO.plan }));
  await page.getByText('显示的列', { exact: true }).click();
  const menu = page.getByRole('group', { name: '显示的列' });
  // The contract and its state cannot be hidden.
  await expect(menu.getByRole('checkbox', { name: '签约协议号' })).toHaveCount(0);
  await menu.getByRole('checkbox', { name: '外部签约号' }).uncheck();
  await expect(table(page).getByRole('columnheader')).toHaveText(['签约协议号', '状态', /签约时间/]);

  await page.reload();
  await expect(table(page).getByRole('columnheader', { name: '外部签约号' })).toHaveCount(0);
  await expect(table(page).getByRole('columnheader')).toHaveCount(3);

  await page.getByText('显示的列', { exact: true }).click();
  await menu.getByRole('checkbox', { name: '外部签约号' }).check();
  await expect(table(page).getByRole('columnheader')).toHaveCount(4);
});

test('the compact density fits more rows, and is remembered', async ({ page }) => {
  await open(page, contractsUrl({ openid: ZHAO.openid, plan_id: ZHAO.plan }));
  const rowHeight = async () => (await bodyRows(page).first().boundingBox())?.height ?? 0;
  const comfortable = await rowHeight();
  await page.getByRole('button', { name: '紧凑' }).click();
  await expect(page.getByRole('button', { name: '紧凑' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(rowHeight).toBeLessThan(comfortable - 8);
  await page.reload();
  await expect(page.getByRole('button', { name: '紧凑' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: '舒适' }).click();
  await expect.poll(rowHeight).toBeCloseTo(comfortable, 0);
});

test('the header stays in view while a long page scrolls', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  await open(page, contractsUrl({ openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', plan_id: '101164396123311331', limit: 40 }));
  const header = table(page).getByRole('columnheader', { name: '签约协议号' });
  await bodyRows(page).nth(35).scrollIntoViewIfNeeded();
  const box = await header.boundingBox();
  const container = await table(page).locator('..').boundingBox();
  expect(box && container && Math.abs(box.y - container.y)).toBeLessThan(2);
  await expect(header).toBeInViewport();
});
