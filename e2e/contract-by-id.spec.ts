import type { Page } from '@playwright/test';
import { contractsUrl, expect, LI, open, test } from './fixtures';
import { sandboxAdmin, signInAs } from './people';

/**
 * A parent reads a 签约协议号 from a WeChat notice: `/contracts?contract_id=…` shows that contract
 * (against the sandbox, whose seeded contracts are known), one click on to the parent's lists. A
 * contract of another school's plan reads exactly like an unknown number, and the audit trail says
 * it was refused.
 */
const LI_LUNCH = '20260000000000110001';
const UNKNOWN = '20269999999999999999';
const run = Date.now().toString(36);
const mingdeClerk = { username: `cid-mingde-${run}`, password: 'cid-mingde-password-1' };

const byNumber = (contractId: string) => contractsUrl({ contract_id: contractId });
/** Alerts with something to say (Next.js keeps an empty one, its route announcer). */
const failures = (page: Page) => page.getByRole('alert').filter({ hasText: /\S/ });
const found = (page: Page, contractId: string) => page.getByRole('region', { name: `签约协议号 ${contractId}` });
const none = (page: Page, contractId: string) =>
  page.getByRole('region', { name: `没有找到签约协议号为 ${contractId} 的签约` });

test.beforeAll(() => {
  sandboxAdmin(['user', 'add', mingdeClerk.username, '--role', 'staff', '--school', 'mingde'], mingdeClerk.password);
});

test('a contract number shows that contract, every field, in Beijing time', async ({ page }) => {
  await open(page, byNumber(LI_LUNCH));
  const contract = found(page, LI_LUNCH);
  await expect(contract).toBeVisible();
  await expect(contract.getByText('LUNCH-2026-LI-01')).toBeVisible();
  await expect(contract.getByText('已签约')).toBeVisible();
  await expect(contract.getByText('2026-09-01 10:00:00')).toBeVisible();
  await expect(contract.getByText('2026-09-01T10:00:00+08:00')).toBeVisible();
  await expect(contract.getByText('（午餐费）')).toBeVisible();
  await expect(contract.getByText(LI.openid, { exact: true })).toBeVisible();
  await contract.getByRole('button', { name: '复制签约协议号' }).click();
  await expect(contract.getByText('已复制')).toBeVisible();
});

test("one click opens the parent's list for the plan, and for every plan", async ({ page }) => {
  await open(page, byNumber(LI_LUNCH));
  const lists = page.getByRole('navigation', { name: '该家长的全部签约' });
  await expect(lists.getByRole('link', { name: '在本校全部签约模板下的签约' })).toHaveAttribute(
    'href',
    contractsUrl({ openid: LI.openid }),
  );
  await lists.getByRole('link', { name: '在“午餐费”下的全部签约' }).click();
  await expect(page).toHaveURL(contractsUrl({ openid: LI.openid, plan_id: LI.plan }));
  const rows = page.getByRole('table', { name: '签约记录' }).locator('tbody').getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: LI_LUNCH })).toHaveCount(1);
});

test('an unknown number says there is no such contract, not that something failed', async ({ page }) => {
  await open(page, byNumber(UNKNOWN));
  await expect(none(page, UNKNOWN)).toBeVisible();
  await expect(failures(page)).toHaveCount(0);
});

test("another school's contract reads as an unknown number, and is recorded as refused", async ({ browser, page }) => {
  const clerk = await signInAs(browser, mingdeClerk);
  await open(clerk, byNumber(LI_LUNCH));
  await expect(none(clerk, LI_LUNCH)).toBeVisible();
  await expect(failures(clerk)).toHaveCount(0);
  // Nothing of the contract reached the page: not its parent, its plan or its code.
  const html = await clerk.content();
  for (const secret of [LI.openid, LI.plan, 'LUNCH-2026-LI']) expect(html).not.toContain(secret);
  await clerk.context().close();

  await open(page, `/admin/audit?username=${mingdeClerk.username}`);
  const trail = page.getByRole('table', { name: '查询记录（最新的在前）' });
  await expect(trail.getByRole('row').filter({ hasText: `按签约协议号 ${LI_LUNCH}：不属于本校` })).toHaveCount(1);
});

test('an answer that fails verification shows no contract, with WeChat’s Request-ID', async ({ page }) => {
  await open(page, byNumber('sandbox_fault_tampered'));
  const alert = page.getByRole('alert', { name: '无法验证微信支付应答的签名' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/[0-9A-F]{32}/);
  await expect(found(page, 'sandbox_fault_tampered')).toHaveCount(0);
});
