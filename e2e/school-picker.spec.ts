import { expect, test, ZHANG } from './fixtures';
import { sandboxAdmin, signInAs } from './people';

/**
 * The search form offers a clerk their own schools' plans only (the sandbox's demo schools:
 * 阳光小学 with 午餐费 and 校车费, 明德中学 with 课后服务费). A clerk of both picks the school; a
 * clerk of one gets no word of the other, not even in the page's embedded data.
 */

const run = Date.now().toString(36);
const both = { username: `clerk-both-${run}`, password: 'clerk-both-password-1' };
const mingde = { username: `clerk-mingde-${run}`, password: 'clerk-mingde-password-1' };
const SUNSHINE_TRACES = ['101164396123311331', '101164396123311332', '午餐费', '校车费', '阳光小学'];

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  sandboxAdmin(
    ['user', 'add', both.username, '--role', 'staff', '--school', 'sunshine', '--school', 'mingde'],
    both.password,
  );
  sandboxAdmin(['user', 'add', mingde.username, '--role', 'staff', '--school', 'mingde'], mingde.password);
});

test('a clerk of two schools picks the school, and the form offers that school’s plans only', async ({ browser }) => {
  const page = await signInAs(browser, both);
  const picker = page.getByRole('navigation', { name: '学校' });
  await expect(picker.getByRole('link')).toHaveText(['明德中学', '阳光小学']);
  await expect(picker.getByRole('link', { name: '明德中学' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('group', { name: '明德中学的收费项目' }).getByRole('button')).toHaveText([
    '课后服务费 101164396123311333',
  ]);
  await expect(page.getByRole('group', { name: '阳光小学的收费项目' })).toHaveCount(0);

  await picker.getByRole('link', { name: '阳光小学' }).click();
  await expect(page).toHaveURL(/school=sunshine/);
  const sunshine = page.getByRole('group', { name: '阳光小学的收费项目' });
  await expect(sunshine.getByRole('button')).toHaveText(['午餐费 101164396123311331', '校车费 101164396123311332']);
  await expect(page.getByRole('group', { name: '明德中学的收费项目' })).toHaveCount(0);

  await page.getByLabel('查找家长').fill(ZHANG.openid);
  await sunshine.getByRole('button', { name: /^午餐费/ }).click();
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await expect(page.getByText('第 1–20 条，共 53 条')).toBeVisible();
  // Opened again from its URL alone, the search lands on its plan's school.
  await page.reload();
  await expect(page.getByRole('navigation', { name: '学校' }).getByRole('link', { name: '阳光小学' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await page.context().close();
});

test('a clerk of one school finds nothing of the other in the page source', async ({ browser }) => {
  const page = await signInAs(browser, mingde);
  await expect(page.getByRole('navigation', { name: '学校' })).toHaveCount(0);
  await expect(page.getByRole('group', { name: '明德中学的收费项目' }).getByRole('button')).toHaveText([
    '课后服务费 101164396123311333',
  ]);
  // The sandbox's demo parents on the page are this school's only.
  const banner = page.getByRole('complementary', { name: '沙箱模式' });
  await expect(banner.getByRole('link', { name: '赵先生' })).toBeVisible();
  await expect(banner.getByRole('link', { name: '张女士' })).toHaveCount(0);
  for (const path of ['/contracts', '/contracts?school=sunshine']) {
    const response = await page.request.get(path);
    expect(response.status()).toBe(200);
    const source = await response.text();
    expect(source, path).toContain('101164396123311333');
    for (const trace of SUNSHINE_TRACES) expect(source, `${path}: ${trace}`).not.toContain(trace);
  }
  await page.context().close();
});
