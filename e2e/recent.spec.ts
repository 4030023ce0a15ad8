import { contractsUrl, expect, LI, open, test, ZHAO } from './fixtures';

test('a clerk’s recent searches come back on the search page, one click to repeat', async ({ page }) => {
  // Every spec signs in as the same admin, so the two searches here are looked for among others.
  await open(page, contractsUrl({ openid: ZHAO.openid, plan_id: ZHAO.plan, contract_status: 'DELETE' }));
  await expect(page.getByText(/^第 1–3 条/)).toBeVisible();
  await open(page, contractsUrl({ openid: LI.openid, plan_id: LI.plan }));
  await expect(page.getByRole('table', { name: '签约记录' })).toBeVisible();

  await open(page, '/contracts');
  const recent = page.getByRole('region', { name: '我最近的查询' });
  await expect(recent).toBeVisible();
  const repeatLi = recent.getByRole('link', { name: new RegExp(`^再查一次：\\s*${LI.openid} 午餐费 \\d{4}-`) });
  const repeatZhao = recent.getByRole('link', {
    name: new RegExp(`^再查一次：\\s*${ZHAO.openid} 课后服务费 已解约 \\d{4}-`),
  });
  await expect(repeatLi).toBeVisible();
  await expect(repeatZhao).toContainText('已解约');

  await repeatZhao.click();
  await expect(page).toHaveURL(/contract_status=DELETE/);
  await expect(page.getByText(/^第 1–3 条/)).toBeVisible();
});

test('another staff member’s searches are not listed', async ({ page, browser, baseURL }) => {
  // A fresh staff account, made through the admin page, that has searched nothing yet.
  const username = `clerk${Date.now() % 100000}`;
  await open(page, '/admin/users');
  const create = page.getByRole('form', { name: '新建用户' });
  await create.getByLabel('用户名').fill(username);
  await create.getByLabel('初始密码').fill('clerk-password-1');
  await create.getByRole('checkbox', { name: '阳光小学' }).check();
  await create.getByRole('button', { name: '创建用户' }).click();
  await expect(page.getByText(`已创建用户 ${username}`)).toBeVisible();

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, locale: 'zh-CN' });
  const clerk = await context.newPage();
  await clerk.goto(`${baseURL}/login`);
  await clerk.getByLabel('用户名').fill(username);
  await clerk.getByLabel('密码').fill('clerk-password-1');
  await clerk.getByRole('button', { name: '登录' }).click();
  await clerk.waitForURL('**/contracts');
  await expect(clerk.getByRole('heading', { name: '查询家长的签约记录' })).toBeVisible();
  await expect(clerk.getByRole('region', { name: '我最近的查询' })).toHaveCount(0);
  await context.close();
});
