import { expect, open, test, ZHANG } from './fixtures';

/**
 * The search form's first field takes whatever the parent gave, says what it will search it as,
 * and Enter goes to that search's URL. (What each search then shows has its own spec.)
 */

const CONTRACT = '20260000000000530001';

test('the first field says what it takes the text for, as it is typed', async ({ page }) => {
  await open(page, '/contracts');
  const field = page.getByLabel('查找家长');
  await field.fill(ZHANG.openid);
  await expect(page.getByText('将按家长 openid 查询签约')).toBeVisible();
  await field.fill(CONTRACT);
  await expect(page.getByText('将按签约协议号查询这一份签约')).toBeVisible();
  await field.fill('lxm');
  await expect(page.getByText('将在家长名册中查找')).toBeVisible();
  await field.fill('');
  await expect(page.getByText('家长的 openid、签约协议号，或学生姓名')).toBeVisible();
});

test('Enter goes to the search the text leads to, and Back returns to the one before', async ({ page }) => {
  await open(page, '/contracts');
  const field = page.getByLabel('查找家长');
  await field.fill(CONTRACT);
  await field.press('Enter');
  await expect(page).toHaveURL(`/contracts?contract_id=${CONTRACT}`);

  await field.fill(' 张 ');
  await field.press('Enter');
  await expect(page).toHaveURL(`/contracts?q=${encodeURIComponent('张')}`);

  // An openid without a plan: every plan of the school; with one, that plan's first page.
  await field.fill(ZHANG.openid);
  await field.press('Enter');
  await expect(page).toHaveURL(`/contracts?openid=${ZHANG.openid}`);
  await page.getByLabel('签约模板号').fill(ZHANG.plan);
  await field.press('Enter');
  await expect(page).toHaveURL(new RegExp(`openid=${ZHANG.openid}&plan_id=${ZHANG.plan}&`));

  await page.goBack();
  await expect(page).toHaveURL(`/contracts?openid=${ZHANG.openid}`);
  await expect(field).toHaveValue(ZHANG.openid);
  await expect(page.getByLabel('签约模板号')).toHaveValue('');
});

test('what cannot be searched is refused beside the field, and nothing is asked of the server', async ({ page }) => {
  await open(page, '/contracts');
  const actions: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') actions.push(request.url());
  });
  const field = page.getByLabel('查找家长');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByText('请输入家长的 openid、签约协议号，或学生姓名、拼音、学号、手机号后四位')).toBeVisible();
  await expect(field).toBeFocused();

  await field.fill('2026 0000 0000 0053 0001');
  await field.press('Enter');
  await expect(page.getByText('签约协议号只能包含英文字母、数字、下划线和短横线')).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL('/contracts');
  expect(actions).toEqual([]);
});

test.describe('before the page script runs', () => {
  test.use({ javaScriptEnabled: false });

  test('the form sent as a plain GET lands on the same URL as Enter would', async ({ page }) => {
    await page.goto('/contracts');
    await page.getByLabel('查找家长').fill(CONTRACT);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page).toHaveURL(`/contracts?contract_id=${CONTRACT}`);

    await page.getByLabel('查找家长').fill('2026 0000');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page).toHaveURL('/contracts?q=2026+0000');
    await expect(page.getByLabel('查找家长')).toHaveValue('2026 0000');
  });
});
