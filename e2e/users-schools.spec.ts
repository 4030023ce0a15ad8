import { join } from 'node:path';
import type { Request } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { SANDBOX_DATA_DIR } from '../playwright.config';
import { expect, open, test } from './fixtures';
import { sandboxAdmin, signInAs } from './people';

/**
 * The users page with schools: a school admin (阳光小学) sees and manages their school's accounts
 * only, gives new staff their school, and cannot reach another school's account nor make a
 * provider admin, not even by a hand-made POST of the page's own action.
 */

const run = Date.now().toString(36);
const head = { username: `head-u-${run}`, password: 'head-u-password-1' };
const sunshineClerk = { username: `sun-${run}`, password: 'sun-password-1' };
const mingdeClerk = { username: `mingde-${run}`, password: 'mingde-password-1' };
const NOT_ALLOWED = '您只能管理本校的工作人员和学校管理员账号。';

/** An account as the sandbox app's database holds it. */
function account(username: string): { id: string; role: string; banned: number } {
  const db = new BetterSqlite3(join(SANDBOX_DATA_DIR, 'dashboard.sqlite'), { readonly: true });
  try {
    return db.prepare('select id, role, banned from user where username = ?').get(username) as ReturnType<
      typeof account
    >;
  } finally {
    db.close();
  }
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  sandboxAdmin(['user', 'add', head.username, '--role', 'school_admin', '--school', 'sunshine'], head.password);
  sandboxAdmin(
    ['user', 'add', sunshineClerk.username, '--role', 'staff', '--school', 'sunshine'],
    sunshineClerk.password,
  );
  sandboxAdmin(['user', 'add', mingdeClerk.username, '--role', 'staff', '--school', 'mingde'], mingdeClerk.password);
});

test('a school admin sees only their school’s accounts and creates staff for it', async ({ browser }) => {
  const page = await signInAs(browser, head);
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('link')).toHaveText(['签约查询', '查询记录', '用户管理', '家长名册']);
  await nav.getByRole('link', { name: '用户管理' }).click();
  await expect(page.getByRole('heading', { name: '用户管理', level: 1 })).toBeVisible();
  const users = page.getByRole('table', { name: '用户列表' });
  await expect(users.getByRole('rowheader', { name: sunshineClerk.username })).toBeVisible();
  await expect(users.getByRole('rowheader', { name: mingdeClerk.username })).toHaveCount(0);
  await expect(page.getByText(mingdeClerk.username)).toHaveCount(0);

  const create = page.getByRole('form', { name: '新建用户' });
  await expect(create.getByLabel('角色').getByRole('option')).toHaveText(['工作人员', '学校管理员']);
  await expect(create.getByRole('checkbox')).toHaveCount(1);
  const newcomer = `new-${run}`;
  await create.getByLabel('用户名').fill(newcomer);
  await create.getByLabel('初始密码').fill('newcomer-password-1');
  // Without a school it is refused beside the schools.
  await create.getByRole('button', { name: '创建用户' }).click();
  await expect(create.getByRole('alert')).toHaveText('工作人员和学校管理员至少要选一所学校。');
  await create.getByLabel('初始密码').fill('newcomer-password-1');
  await create.getByRole('checkbox', { name: '阳光小学' }).check();
  await create.getByRole('button', { name: '创建用户' }).click();
  await expect(create.getByRole('status')).toHaveText(`已创建用户 ${newcomer}（工作人员）`);
  const row = users.getByRole('row').filter({ has: page.getByRole('rowheader', { name: newcomer }) });
  await expect(row.getByRole('cell', { name: '阳光小学', exact: true })).toBeVisible();
  await page.context().close();
});

test('a school admin cannot touch another school’s account nor make a provider admin, even by hand', async ({
  browser,
}) => {
  const page = await signInAs(browser, head);
  await open(page, '/admin/users');
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: sunshineClerk.username }) });
  await expect(row.getByLabel(`${sunshineClerk.username} 的角色`).getByRole('option')).toHaveText([
    '工作人员',
    '学校管理员',
  ]);
  const action = page.waitForRequest(
    (request: Request) => request.method() === 'POST' && 'next-action' in request.headers(),
  );
  await row.getByRole('button', { name: `更改 ${sunshineClerk.username} 的角色` }).click();
  await expect(row.getByRole('status')).toContainText(`已将 ${sunshineClerk.username} 的角色改为工作人员`);
  const sent = await action;
  const body = sent.postData() ?? '';
  expect(body).toContain(account(sunshineClerk.username).id);

  const replay = (data: string) =>
    page.request.post(sent.url(), {
      headers: { 'next-action': sent.headers()['next-action'], 'content-type': sent.headers()['content-type'] ?? '' },
      data,
    });
  // The same action for the other school's clerk…
  const other = await replay(body.replace(account(sunshineClerk.username).id, account(mingdeClerk.username).id));
  expect(await other.text()).toContain(NOT_ALLOWED);
  // …or to make their own clerk a provider admin.
  const asAdmin = body.replace(/(name="[^"]*role"\r\n\r\n)staff/, '$1admin');
  expect(asAdmin).not.toBe(body);
  const promote = await replay(asAdmin);
  expect(await promote.text()).toContain(NOT_ALLOWED);
  expect(account(mingdeClerk.username).role).toBe('staff');
  expect(account(sunshineClerk.username).role).toBe('staff');
  await page.context().close();
});
