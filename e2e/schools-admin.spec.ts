import { expect, open, test } from './fixtures';
import { sandboxAdmin, signInAs } from './people';

/** The provider admin's schools page: schools and plans added, renamed and archived in the browser. */

const run = Date.now().toString(36);
const KEY = `s-${run}`;
const PLAN = `P${run}`;
/** A plan id the sandbox's demo school 阳光小学 already holds. */
const SUNSHINE_LUNCH = '101164396123311331';

test('the provider admin adds, renames and archives a school and its plan', async ({ page }) => {
  await open(page, '/admin/schools');
  await expect(page.getByRole('heading', { name: '学校与签约模板', level: 1 })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '学校管理' }),
  ).toHaveAttribute('aria-current', 'page');

  const add = page.getByRole('form', { name: '添加学校' });
  await add.getByLabel('学校代码').fill(KEY);
  await add.getByLabel('学校名称').fill(`实验学校${run}`);
  await add.getByRole('button', { name: '添加学校' }).click();
  await expect(add.getByRole('status')).toHaveText(`已添加学校 实验学校${run}。`);
  const school = page.getByRole('region', { name: `实验学校${run}` });
  await expect(school.getByText(KEY, { exact: true })).toBeVisible();

  // The same key again is refused beside its field.
  await add.getByLabel('学校代码').fill(KEY);
  await add.getByLabel('学校名称').fill('另一所');
  await add.getByRole('button', { name: '添加学校' }).click();
  await expect(add.getByLabel('学校代码')).toHaveAttribute('aria-invalid', 'true');
  await expect(add.getByRole('alert')).toHaveText(`学校代码 ${KEY} 已被使用。`);

  await school
    .getByRole('form', { name: `改名 实验学校${run}` })
    .getByLabel('新名称')
    .fill(`新实验学校${run}`);
  await school.getByRole('button', { name: '改名' }).click();
  const renamed = page.getByRole('region', { name: `新实验学校${run}` });
  await expect(renamed.getByRole('heading', { name: `新实验学校${run}` })).toBeVisible();

  // A plan id another school holds is refused beside the field, naming that school.
  const addPlan = renamed.getByRole('form', { name: `添加签约模板 新实验学校${run}` });
  await addPlan.getByLabel('签约模板号').fill(SUNSHINE_LUNCH);
  await addPlan.getByLabel('名称').fill('午餐费');
  await addPlan.getByRole('button', { name: '添加签约模板' }).click();
  await expect(addPlan.getByLabel('签约模板号')).toHaveAttribute('aria-invalid', 'true');
  await expect(addPlan.getByRole('alert')).toHaveText(`签约模板号 ${SUNSHINE_LUNCH} 已属于学校 sunshine。`);
  await expect(addPlan.getByLabel('签约模板号')).toHaveValue(SUNSHINE_LUNCH);

  await addPlan.getByLabel('签约模板号').fill(PLAN);
  await addPlan.getByLabel('名称').fill('住宿费');
  await addPlan.getByRole('button', { name: '添加签约模板' }).click();
  const row = renamed.getByRole('row').filter({ hasText: PLAN });
  await expect(row).toContainText('住宿费');
  await expect(row).toContainText('使用中');

  await row.getByLabel('新名称').fill('寄宿费');
  await row.getByRole('button', { name: '改名' }).click();
  await expect(row.getByRole('cell', { name: '寄宿费', exact: true })).toBeVisible();
  await row.getByRole('button', { name: '归档' }).click();
  await expect(row).toContainText('已归档');

  await renamed.getByRole('button', { name: '归档学校' }).click();
  await expect(renamed.getByText('已归档', { exact: true }).first()).toBeVisible();
  await expect(renamed.getByRole('button', { name: '改名' })).toHaveCount(0);

  // Each act is in the audit trail as what it was, under its school; the filter offers the school.
  await open(page, '/admin/audit');
  const filters = page.getByRole('form', { name: '筛选条件' });
  await filters.getByLabel('学校').selectOption(KEY);
  await filters.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(new RegExp(`school=${KEY}`));
  const trail = page.getByRole('table', { name: '查询记录（最新的在前）' });
  await expect(trail.getByRole('cell', { name: `添加学校 · ${KEY}（实验学校${run}）` })).toBeVisible();
  await expect(trail.getByRole('cell', { name: `归档签约模板 · ${PLAN}（寄宿费）` })).toBeVisible();
  await expect(trail.getByRole('cell', { name: KEY, exact: true }).first()).toBeVisible();
  await expect(trail.getByRole('cell', { name: 'sunshine', exact: true })).toHaveCount(0);
});

test('staff and school admins are told no on the schools page', async ({ browser }) => {
  // Two accounts made with the command line (a process each), then two sign-ins.
  test.setTimeout(90_000);
  const clerk = { username: `clerk-s-${run}`, password: 'clerk-s-password-1' };
  const head = { username: `head-s-${run}`, password: 'head-s-password-1' };
  sandboxAdmin(['user', 'add', clerk.username, '--role', 'staff', '--school', 'sunshine'], clerk.password);
  sandboxAdmin(['user', 'add', head.username, '--role', 'school_admin', '--school', 'sunshine'], head.password);
  for (const who of [clerk, head]) {
    const page = await signInAs(browser, who);
    await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '学校管理' })).toHaveCount(
      0,
    );
    await open(page, '/admin/schools');
    await expect(page.getByRole('heading', { name: '无权访问此页面' })).toBeVisible();
    await expect(page.getByText('sunshine')).toHaveCount(0);
    await page.context().close();
  }
});
