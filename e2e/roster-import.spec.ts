import { spawnSync } from 'node:child_process';
import http from 'node:http';
import AxeBuilder from '@axe-core/playwright';
import { SANDBOX_DATA_DIR } from '../playwright.config';
import { expect, open, test } from './fixtures';
import { sandboxAdmin, signInAs } from './people';

/**
 * The parent directory (家长名册) imported as a school admin does it: a file with a problem is
 * previewed (the problem by its line, nothing stored), fixed, previewed, imported; another
 * school's admin cannot import into it, even by a forged request of the page's own; nobody, and
 * no other site, can post a file, and a refused upload is answered before its body is sent; the
 * audit trail shows the import; the command line imports a GB18030 CSV and an XLSX on the
 * running app's database.
 */

const run = Date.now().toString(36);
const sunshineHead = { username: `roster-s-${run}`, password: 'roster-s-password-1' };
const mingdeHead = { username: `roster-m-${run}`, password: 'roster-m-password-1' };

const csv = (text: string) => ({ name: '阳光小学名册.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
const BAD = csv(
  '学生姓名,班级,家长姓名,手机号,openid\r\n李小明,三年级2班,李建国,138 1234 5678,oLxm_father_01\r\n李小明,三年级2班,王芳,139-8765-4321,\r\n',
);
const FIXED = csv(
  '学生姓名,班级,家长姓名,手机号,openid\r\n李小明,三年级2班,李建国,138 1234 5678,oLxm_father_01\r\n李小明,三年级2班,王芳,139-8765-4321,oLxm_mother_02\r\n',
);

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  sandboxAdmin(
    ['user', 'add', sunshineHead.username, '--role', 'school_admin', '--school', 'sunshine'],
    sunshineHead.password,
  );
  sandboxAdmin(
    ['user', 'add', mingdeHead.username, '--role', 'school_admin', '--school', 'mingde'],
    mingdeHead.password,
  );
});

test('a school admin previews a file with a problem, fixes it, and imports it', async ({ browser }) => {
  const page = await signInAs(browser, sunshineHead);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '家长名册' }).click();
  await expect(page.getByRole('heading', { name: '家长名册', level: 1 })).toBeVisible();
  // The sandbox's demo roster (lib/roster/demo-roster.ts) is there from the start.
  await expect(page.getByText('阳光小学的名册现有 5 行。')).toBeVisible();
  await expect(page.getByText(/必须有 学生姓名 和 openid 两列/)).toBeVisible();

  const file = page.getByLabel('名册文件（CSV 或 XLSX，最大 10 MB）');
  await file.setInputFiles(BAD);
  await page.getByRole('button', { name: '预览' }).click();
  await expect(page.getByRole('heading', { name: '阳光小学名册.csv：共 2 行' })).toBeVisible();
  await expect(page.getByText('发现 1 个问题，没有保存任何内容。')).toBeVisible();
  await expect(page.getByRole('listitem')).toHaveText(['第 3 行：“openid”是空的。']);
  await expect(page.getByRole('button', { name: /导入/ })).toHaveCount(0);
  await page.reload();
  await expect(page.getByText('阳光小学的名册现有 5 行。')).toBeVisible();

  await page.getByLabel('名册文件（CSV 或 XLSX，最大 10 MB）').setInputFiles(FIXED);
  await page.getByRole('button', { name: '预览' }).click();
  await expect(page.getByText(/没有发现问题/)).toBeVisible();
  const rows = page.getByRole('region', { name: '前 2 行：' }).getByRole('row');
  await expect(rows).toHaveText([
    '学生姓名学号班级家长姓名手机号openid',
    '李小明三年级2班李建国13812345678oLxm_father_01',
    '李小明三年级2班王芳13987654321oLxm_mother_02',
  ]);
  await page.screenshot({ path: 'test-results/roster-import-preview.png', fullPage: true });
  await page.getByRole('button', { name: '导入 2 行，替换现有名册' }).click();
  await expect(page.getByRole('status')).toHaveText('已导入 2 行，原来的 5 行已被替换。');
  await expect(page.getByText('阳光小学的名册现有 2 行。')).toBeVisible();
  await page.screenshot({ path: 'test-results/roster-import-done.png', fullPage: true });

  // Who imported which file, in the school's audit trail.
  await open(page, '/admin/audit');
  await expect(page.getByText('导入家长名册 · 阳光小学名册.csv（2 rows）')).toBeVisible();
  await page.context().close();
});

test('another school’s admin cannot import into it, not even by a forged request of the page’s own', async ({
  browser,
}) => {
  const page = await signInAs(browser, mingdeHead);
  await open(page, '/admin/roster');
  await expect(page.getByText('明德中学的名册现有 1 行。')).toBeVisible();
  // No way to pick 阳光小学 here; a hand-made URL still shows their own school only.
  await expect(page.getByRole('navigation', { name: '学校' })).toHaveCount(0);
  await open(page, '/admin/roster?school=sunshine');
  await expect(page.getByRole('heading', { name: '明德中学', level: 2 })).toBeVisible();

  // The page's own import request, its school rewritten on the way to 阳光小学's (the preview
  // goes as it is, for their own school).
  await page.route('**/admin/roster/upload?*', async (route) => {
    const url = new URL(route.request().url());
    if (url.searchParams.get('step') !== 'import') return route.continue();
    url.searchParams.set('school', 'sunshine');
    return route.continue({ url: url.toString() });
  });
  await page.getByLabel('名册文件（CSV 或 XLSX，最大 10 MB）').setInputFiles(FIXED);
  await page.getByRole('button', { name: '预览' }).click();
  await expect(page.getByText(/没有发现问题/)).toBeVisible();
  await page.getByRole('button', { name: '导入 2 行，替换现有名册' }).click();
  await expect(page.getByText('你不能管理这所学校的家长名册。')).toBeVisible();
  await page.unroute('**/admin/roster/upload?*');
  await page.context().close();

  const head = await signInAs(browser, sunshineHead);
  await open(head, '/admin/roster');
  await expect(head.getByText('阳光小学的名册现有 2 行。')).toBeVisible();
  await head.context().close();
});

test('nobody and no other site can upload, and a refused upload is answered before its body is sent', async ({
  browser,
  baseURL,
  playwright,
}) => {
  const url = `${baseURL}/admin/roster/upload?school=sunshine&step=import`;
  const multipart = { file: FIXED };
  const anonymous = await playwright.request.newContext({ storageState: { cookies: [], origins: [] } });
  const nobody = await anonymous.post(url, { multipart });
  expect([nobody.status(), await nobody.json()]).toEqual([401, { ok: false, error: '你不能管理这所学校的家长名册。' }]);
  await anonymous.dispose();

  const page = await signInAs(browser, sunshineHead);
  const elsewhere = await page.request.post(url, { multipart, headers: { 'sec-fetch-site': 'cross-site' } });
  expect(elsewhere.status()).toBe(403);
  expect((await elsewhere.json()).error).toMatch(/其他网站/);
  await page.context().close();

  // Headers promising 11 MB and more, and not a byte after them: the answer comes all the same.
  const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const sent = http.request(url, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(20 * 1024 * 1024) },
    });
    sent.on('response', (response) => {
      let body = '';
      response.on('data', (chunk) => {
        body += chunk;
      });
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body });
        sent.destroy();
      });
    });
    sent.on('error', reject);
    sent.flushHeaders();
  });
  expect(answer).toEqual({ status: 401, body: JSON.stringify({ ok: false, error: '你不能管理这所学校的家长名册。' }) });

  const head = await signInAs(browser, sunshineHead);
  await open(head, '/admin/roster');
  await expect(head.getByText('阳光小学的名册现有 2 行。')).toBeVisible();
  await head.context().close();
});

test('a school admin deletes the roster after confirming', async ({ browser }) => {
  const page = await signInAs(browser, sunshineHead);
  await open(page, '/admin/roster');
  await page.getByRole('button', { name: '删除名册' }).click();
  await expect(page.getByText(/确定删除阳光小学名册的全部 2 行吗/)).toBeVisible();
  await page.getByRole('button', { name: '确定删除' }).click();
  await expect(page.getByRole('status')).toHaveText('名册已删除（2 行）。');
  await expect(page.getByText('阳光小学还没有导入名册。')).toBeVisible();
  await open(page, '/admin/audit');
  await expect(page.getByText('删除家长名册 · sunshine（2 rows）')).toBeVisible();
  await page.context().close();
});

test('the command line imports a GB18030 CSV and an XLSX into the running app, and refuses a bad file', async ({
  browser,
}) => {
  // Three runs of the command line, seconds each.
  test.setTimeout(120_000);
  const admin = (args: string[]) =>
    spawnSync('npm', ['run', '--silent', 'admin', '--', ...args], {
      env: { ...process.env, DATA_DIR: SANDBOX_DATA_DIR, DATABASE_URL: '' },
      encoding: 'utf8',
    });
  const gb = admin(['roster', 'import', 'mingde', 'test-support/roster/roster-gb18030.csv']);
  expect([gb.status, gb.stdout, gb.stderr]).toEqual([
    0,
    '3 rows imported into the roster of mingde (it held 1 before)\n',
    '',
  ]);
  const page = await signInAs(browser, mingdeHead);
  await open(page, '/admin/roster');
  await expect(page.getByText('明德中学的名册现有 3 行。')).toBeVisible();

  const xlsx = admin(['roster', 'import', 'mingde', 'test-support/roster/roster.xlsx']);
  expect([xlsx.status, xlsx.stdout, xlsx.stderr]).toEqual([
    0,
    '4 rows imported into the roster of mingde (it held 3 before)\n',
    '',
  ]);
  const bad = admin(['roster', 'import', 'mingde', 'package.json']);
  expect(bad.status).toBe(1);
  expect(bad.stderr).toMatch(/^line 1: no column 学生姓名 \(student_name\)\n.*nothing was imported\n$/s);
  await page.reload();
  await expect(page.getByText('明德中学的名册现有 4 行。')).toBeVisible();
  await page.context().close();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the provider picks a school, and the previews pass axe (WCAG 2.1 AA) in the ${scheme} theme`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await open(page, '/admin/roster');
    const schools = page.getByRole('navigation', { name: '学校' });
    await schools.getByRole('link', { name: '明德中学' }).click();
    await expect(schools.getByRole('link', { name: '明德中学' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { name: '明德中学', level: 2 })).toBeVisible();
    const file = page.getByLabel('名册文件（CSV 或 XLSX，最大 10 MB）');
    const scan = async () => {
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`))).toEqual([]);
    };
    await file.setInputFiles(BAD);
    await page.getByRole('button', { name: '预览' }).click();
    await expect(page.getByRole('listitem')).toHaveText(['第 3 行：“openid”是空的。']);
    await scan();
    await page.screenshot({ path: `test-results/roster-import-problems-${scheme}.png`, fullPage: true });
    await file.setInputFiles(FIXED);
    await page.getByRole('button', { name: '预览' }).click();
    await expect(page.getByRole('button', { name: '导入 2 行，替换现有名册' })).toBeVisible();
    await scan();
    await page.screenshot({ path: `test-results/roster-import-preview-${scheme}.png`, fullPage: true });
  });
}
