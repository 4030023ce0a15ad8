import { contractsUrl, expect, open, test, ZHANG, ZHAO } from './fixtures';

test('each school’s plans are offered by name to the provider admin, and choosing one fills the plan id', async ({
  page,
}) => {
  await open(page, '/contracts');
  const plans = page.getByRole('group', { name: '阳光小学的收费项目' });
  await expect(plans.getByRole('button')).toHaveText(['午餐费 101164396123311331', '校车费 101164396123311332']);
  await expect(page.getByRole('group', { name: '明德中学的收费项目' }).getByRole('button')).toHaveText([
    '课后服务费 101164396123311333',
  ]);

  await page.getByLabel('查找家长').fill(ZHANG.openid);
  await plans.getByRole('button', { name: /^午餐费/ }).click();
  await expect(page.getByLabel('签约模板号')).toHaveValue(ZHANG.plan);
  await expect(plans.getByRole('button', { name: /^午餐费/ })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await expect(page.getByText('第 1–20 条，共 53 条')).toBeVisible();
});

test('a typed plan id still works, and a known one shows its name as chosen', async ({ page }) => {
  await open(page, '/contracts');
  await page.getByLabel('查找家长').fill(ZHAO.openid);
  await page.getByLabel('签约模板号').fill(ZHAO.plan);
  const mingde = page.getByRole('group', { name: '明德中学的收费项目' });
  await expect(mingde.getByRole('button', { name: /^课后服务费/ })).toHaveAttribute('aria-pressed', 'true');
  const sunshine = page.getByRole('group', { name: '阳光小学的收费项目' });
  await expect(sunshine.getByRole('button', { name: /^午餐费/ })).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Enter');
  await expect(page.getByText('第 1–6 条，共 6 条')).toBeVisible();
});

test('choosing another plan for a search on screen searches it at once', async ({ page }) => {
  await open(page, contractsUrl({ openid: ZHANG.openid, plan_id: ZHANG.plan }));
  await expect(page.getByText('第 1–20 条，共 53 条')).toBeVisible();
  await page
    .getByRole('group', { name: '阳光小学的收费项目' })
    .getByRole('button', { name: /^校车费/ })
    .click();
  await expect(page).toHaveURL(/plan_id=101164396123311332/);
  // 张女士's two 校车费 contracts, one signed and one terminated.
  await expect(page.getByText('第 1–2 条，共 2 条')).toBeVisible();
});
