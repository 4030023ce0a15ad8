import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { parseCsv } from './csv';
import { CSV_HEADERS, contractsUrl, expect, open, test, ZHANG, ZHAO } from './fixtures';
import { sandboxAdmin, signInAs } from './people';

/**
 * A parent in every plan of a school (`/contracts?openid=…` without a plan): one group per plan,
 * named, in the school's order, each with its own rows, pages and failure. The sandbox's demo
 * schools: 阳光小学 (午餐费, 校车费; 张女士 has 53 lunch and 2 bus contracts), 明德中学 (课后服务费).
 * The e2e account is the provider's admin, who names the school (`school=`).
 */

const LUNCH = '101164396123311331';
const BUS = '101164396123311332';
const ONE_PLAN_DOWN = 'sandbox_fault_one_plan_down';

const run = Date.now().toString(36);
const mingdeClerk = { username: `clerk-allplans-${run}`, password: 'clerk-allplans-password-1' };

/** The first answer asks WeChat about every plan: patient on a busy machine. */
const ANSWERED = { timeout: 20_000 };

const group = (page: Page, name: string) => page.getByRole('region', { name: new RegExp(`^${name}`) });
const statuses = (page: Page, name: string) =>
  group(page, name).getByRole('table', { name }).locator('tbody tr td:nth-child(3)');

test('shows every plan of the school as its own group, each paging by itself', async ({ page }) => {
  await open(page, contractsUrl({ openid: ZHANG.openid, school: 'sunshine' }));
  await expect(page.getByRole('heading', { name: '阳光小学：全部签约模板' })).toBeVisible(ANSWERED);
  await expect(page.getByRole('heading', { level: 3 })).toHaveText([
    `午餐费签约模板号 ${LUNCH}`,
    `校车费签约模板号 ${BUS}`,
  ]);

  const lunch = group(page, '午餐费');
  const bus = group(page, '校车费');
  await expect(lunch.getByText('第 1–20 条，共 53 条')).toBeVisible();
  await expect(bus.getByText('第 1–2 条，共 2 条')).toBeVisible();
  await expect(statuses(page, '校车费')).toHaveText(['已签约', '已解约']);

  // The lunch group turns its own page; the bus group stays as it was.
  await lunch.getByRole('button', { name: '下一页' }).click();
  await expect(lunch.getByText('第 21–40 条，共 53 条')).toBeVisible();
  await expect(bus.getByText('第 1–2 条，共 2 条')).toBeVisible();
  await lunch.getByRole('button', { name: '上一页' }).click();
  await expect(lunch.getByText('第 1–20 条，共 53 条')).toBeVisible();
  // Signed first within the group: the 32 signed lunch contracts fill the first page.
  await expect(statuses(page, '午餐费')).toHaveText(Array(20).fill('已签约'));
});

test('the status filter applies to every group, and an empty group says so briefly', async ({ page }) => {
  await open(page, contractsUrl({ openid: ZHANG.openid, contract_status: 'DELETE', school: 'sunshine' }));
  await expect(statuses(page, '校车费')).toHaveText(['已解约'], ANSWERED);
  await expect(group(page, '午餐费').getByText('第 1–20 条，共 21 条')).toBeVisible();
  await expect(statuses(page, '午餐费')).toHaveText(Array(20).fill('已解约'));

  // 赵先生 has contracts at 明德中学 only.
  await open(page, contractsUrl({ openid: ZHAO.openid, school: 'sunshine' }));
  for (const name of ['午餐费', '校车费']) {
    await expect(group(page, name).getByText('该模板下没有符合条件的签约记录。')).toBeVisible(ANSWERED);
  }
  await expect(page.getByRole('table')).toHaveCount(0);
});

test("one plan failing shows its error with WeChat's Request-ID in its own group; the others show rows", async ({
  page,
}) => {
  await open(page, contractsUrl({ openid: ONE_PLAN_DOWN, school: 'sunshine' }));
  const bus = group(page, '校车费');
  await expect(bus.getByRole('alert')).toContainText('微信支付暂时不可用', ANSWERED);
  await expect(bus.getByText(/微信支付 Request-ID：[0-9A-F]{32}/)).toBeVisible();
  await expect(bus.getByText('SYSTEM_ERROR')).toBeVisible();
  await expect(page.getByText('1 个模板查询失败，见该组的说明；其他模板的记录照常显示。')).toBeVisible();
  await expect(statuses(page, '午餐费')).toHaveText(['已签约', '已解约']);
  await expect(group(page, '午餐费').getByRole('alert')).toHaveCount(0);
});

test('a provider admin who names no school is asked to choose one, nothing is looked up, and both refusals are recorded', async ({
  page,
}) => {
  // A parent of its own, so the audit trail's newest records for them are this test's.
  const openid = `oChooseSchool${Date.now().toString(36)}`;
  await open(page, contractsUrl({ openid }));
  await expect(page.getByRole('alert').filter({ hasText: '请先选择学校' })).toBeVisible(ANSWERED);
  await expect(page.getByRole('table')).toHaveCount(0);
  const exported = await page.request.post('/contracts/export', { data: { openid, contract_status: 'ALL' } });
  expect(exported.status()).toBe(400);

  await open(page, `/admin/audit?openid=${openid}`);
  const rows = page.getByRole('table', { name: '查询记录（最新的在前）' }).locator('tbody tr');
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) await expect(row).toContainText('未选择学校（未发送）');
});

test("a clerk of one school sees that school's plans only, whatever school the URL names", async ({ browser }) => {
  sandboxAdmin(['user', 'add', mingdeClerk.username, '--role', 'staff', '--school', 'mingde'], mingdeClerk.password);
  const page = await signInAs(browser, mingdeClerk);
  await open(page, contractsUrl({ openid: ZHAO.openid, school: 'sunshine' }));
  await expect(page.getByRole('heading', { name: '明德中学：全部签约模板' })).toBeVisible(ANSWERED);
  await expect(page.getByRole('heading', { level: 3 })).toHaveText([`课后服务费签约模板号 ${ZHAO.plan}`]);
  await expect(group(page, '课后服务费').getByText('第 1–6 条，共 6 条')).toBeVisible();
  await expect(page.getByText('阳光小学')).toHaveCount(0);
  await page.context().close();
});

test('导出 CSV gives every contract of every plan, plan by plan, with the plan named in its own column', async ({
  page,
}) => {
  await open(page, contractsUrl({ openid: ZHANG.openid, school: 'sunshine' }));
  await expect(group(page, '午餐费').getByText('第 1–20 条，共 53 条')).toBeVisible(ANSWERED);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^签约记录-oUpF8uMuAJO_M2pxb1Q9zNjWeS6o-\d{8}\.csv$/);
  await expect(page.getByRole('status').filter({ hasText: '已导出 55 条签约记录' })).toBeVisible();

  const records = parseCsv((await readFile(await download.path())).toString('utf8').slice(1));
  expect(records[0]).toEqual(CSV_HEADERS);
  const rows = records.slice(1);
  expect(rows).toHaveLength(55);
  // 午餐费 first (the school's order), then 校车费; each plan's rows signed first.
  expect(rows.map((row) => row[0])).toEqual([...Array(53).fill('午餐费'), '校车费', '校车费']);
  expect(rows.map((row) => row[5])).toEqual([...Array(53).fill(`="${LUNCH}"`), `="${BUS}"`, `="${BUS}"`]);
  const lunch = rows.slice(0, 53).map((row) => row[3]);
  expect(lunch.indexOf('已解约')).toBeGreaterThan(lunch.lastIndexOf('已签约'));
  expect(rows.slice(53).map((row) => row[3])).toEqual(['已签约', '已解约']);
});

test('the single-plan export has the same columns, its plan named', async ({ page }) => {
  await open(page, contractsUrl({ openid: ZHANG.openid, plan_id: BUS }));
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 CSV' }).click();
  const records = parseCsv((await readFile(await (await downloading).path())).toString('utf8').slice(1));
  expect(records[0]).toEqual(CSV_HEADERS);
  expect(records.slice(1).map((row) => row[0])).toEqual(['校车费', '校车费']);
});
