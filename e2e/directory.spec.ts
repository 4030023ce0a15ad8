import { expect, open, test, ZHANG } from './fixtures';
import { sandboxAdmin, signInAs } from './people';

/**
 * The parent directory (家长名册) searched from /contracts?q=…, on the sandbox's demo roster:
 * 阳光小学's 张小明 (guardian 张丽华, 138****5678, the demo parent 张女士) and 明德中学's 赵一诺. A
 * clerk finds their own school's parents by name, pinyin initials and phone last four, the phone
 * masked; a clerk of the other school finds none of them.
 */

const run = Date.now().toString(36);
const sunshine = { username: `dir-sunshine-${run}`, password: 'dir-sunshine-password-1' };
const mingde = { username: `dir-mingde-${run}`, password: 'dir-mingde-password-1' };
const FULL_PHONE = '13812345678';

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  sandboxAdmin(['user', 'add', sunshine.username, '--role', 'staff', '--school', 'sunshine'], sunshine.password);
  sandboxAdmin(['user', 'add', mingde.username, '--role', 'staff', '--school', 'mingde'], mingde.password);
});

const searchUrl = (text: string) => `/contracts?q=${encodeURIComponent(text)}`;

test('a clerk finds 张 by name, pinyin initials and phone last four, the phone masked', async ({ browser }) => {
  const page = await signInAs(browser, sunshine);
  for (const text of ['张', 'zxm', 'ZXM', '5678']) {
    await open(page, searchUrl(text));
    const matches = page.getByRole('table', { name: '家长名册中的匹配结果' });
    const row = matches.getByRole('row').filter({ hasText: '张小明' });
    await expect(row, text).toHaveCount(1);
    for (const cell of ['三年级（2）班', '张丽华', '138****5678']) await expect(row).toContainText(cell);
    await expect(page.getByText(FULL_PHONE)).toHaveCount(0);
    expect(await page.content(), text).not.toContain(FULL_PHONE);
  }
  await page.context().close();
});

test('the match opens the parent’s contracts in every plan of the school', async ({ browser }) => {
  const page = await signInAs(browser, sunshine);
  await open(page, searchUrl('zxm'));
  await page.getByRole('link', { name: '查看张小明的家长张丽华的全部签约' }).click();
  await expect(page).toHaveURL(
    (url) => url.searchParams.get('openid') === ZHANG.openid && url.searchParams.get('school') === 'sunshine',
  );
  await expect(page).not.toHaveURL(/plan_id=/);
  await page.context().close();
});

test('a clerk finds the parent with the keyboard alone', async ({ browser }) => {
  const page = await signInAs(browser, sunshine);
  await open(page, searchUrl('张'));
  const link = page.getByRole('link', { name: '查看张小明的家长张丽华的全部签约' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL((url) => url.searchParams.get('openid') === ZHANG.openid);
  await page.context().close();
});

test('a clerk of another school finds none of them, and is told what to try', async ({ browser }) => {
  const page = await signInAs(browser, mingde);
  for (const text of ['张', 'zxm', '5678']) {
    await open(page, searchUrl(text));
    await expect(page.getByText(`家长名册中没有找到“${text}”`)).toBeVisible();
    await expect(page.getByText(/拼音首字母.*学号.*手机号后四位/)).toBeVisible();
    await expect(page.getByText('张小明')).toHaveCount(0);
  }
  await open(page, searchUrl('赵'));
  await expect(page.getByRole('table', { name: '家长名册中的匹配结果' }).getByRole('row')).toHaveCount(2);
  await expect(page.getByText('赵一诺')).toBeVisible();
  // Asking for the other school by the URL is refused, not answered.
  await open(page, `${searchUrl('张')}&school=sunshine`);
  await expect(page.getByRole('alert', { name: '该学校不在您的范围内' })).toBeVisible();
  await expect(page.getByText('张小明')).toHaveCount(0);
  await page.context().close();
});
