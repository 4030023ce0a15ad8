import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page, Request } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { FAKE_WECHATPAY_PORT, MERCHANT_DATA_DIR, MERCHANT_PORT } from '../playwright.config';
import { expect, open, test } from './fixtures';

/**
 * One deployment, two schools, as the issue checks it from outside: the schools, their plans and
 * their people are set up with `npm run admin` on the running app's database (the public-key
 * merchant, whose WeChat Pay is the independent fake with its request log). A clerk of school A
 * then asks for school B's plan by the URL, the form, a replayed server action and the export:
 * each is refused in words, recorded as 'out_of_scope', and the fake WeChat Pay sees no request
 * for it. Each school admin's audit page shows their school only.
 */

const BASE = `http://127.0.0.1:${MERCHANT_PORT}`;
const run = Date.now().toString(36);
const A = { key: `a-${run}`, plan: `A${run}` };
const B = { key: `b-${run}`, plan: `B${run}` };
const OPENID = `oSchools${run}`;
const people = {
  clerk: { username: `clerk-a-${run}`, password: 'clerk-a-password-1' },
  headA: { username: `head-a-${run}`, password: 'head-a-password-1' },
  headB: { username: `head-b-${run}`, password: 'head-b-password-1' },
};
const REFUSAL = '该签约模板不属于您的学校';

/** `npm run admin -- …` on the merchant app's data directory; a password goes on standard input. */
function admin(args: string[], password?: string): void {
  const result = spawnSync('npm', ['run', 'admin', '--', ...args], {
    env: { ...process.env, DATA_DIR: MERCHANT_DATA_DIR, DATABASE_URL: '' },
    input: password ? `${password}\n` : '',
    encoding: 'utf8',
  });
  expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
}

/** What the fake WeChat Pay was asked for. */
async function wechatTargets(page: Page): Promise<string[]> {
  const response = await page.request.get(`http://127.0.0.1:${FAKE_WECHATPAY_PORT}/__log`);
  return ((await response.json()) as { target: string }[]).map((entry) => entry.target);
}

/** The audit records of the lookups of a plan, read from the app's database. */
function auditOf(
  planId: string,
): { action: string; outcome: string; school_key: string | null; request_id: string | null }[] {
  const db = new BetterSqlite3(join(MERCHANT_DATA_DIR, 'dashboard.sqlite'), { readonly: true });
  try {
    return db
      .prepare(
        "select action, outcome, school_key, request_id from audit_log where plan_id = ? and action in ('lookup', 'export') order by id",
      )
      .all(planId) as ReturnType<typeof auditOf>;
  } finally {
    db.close();
  }
}

async function signIn(browser: Browser, who: { username: string; password: string }): Promise<Page> {
  const context = await browser.newContext({
    storageState: { cookies: [], origins: [] },
    locale: 'zh-CN',
    timezoneId: 'UTC',
  });
  const page = await context.newPage();
  await open(page, `${BASE}/login`);
  await page.getByLabel('用户名').fill(who.username);
  await page.getByLabel('密码').fill(who.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/contracts$/);
  return page;
}

const contracts = (planId: string) => `${BASE}/contracts?openid=${OPENID}&plan_id=${planId}`;

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  test.setTimeout(120_000);
  admin(['school', 'add', A.key, '--name', '甲校']);
  admin(['school', 'add', B.key, '--name', '乙校']);
  admin(['plan', 'add', A.key, A.plan, '--name', '午餐费']);
  admin(['plan', 'add', B.key, B.plan, '--name', '午餐费']);
  admin(['user', 'add', people.clerk.username, '--role', 'staff', '--school', A.key], people.clerk.password);
  admin(['user', 'add', people.headA.username, '--role', 'school_admin', '--school', A.key], people.headA.password);
  admin(['user', 'add', people.headB.username, '--role', 'school_admin', '--school', B.key], people.headB.password);
});

test("a clerk of school A reads A's parents, and nothing of school B by any way in", async ({ browser }) => {
  test.setTimeout(90_000);
  const clerk = await signIn(browser, people.clerk);

  // Their own school's plan works, and reaches WeChat: the log below would show B's too.
  await open(clerk, contracts(A.plan));
  await expect(clerk.getByRole('navigation', { name: '翻页' }).getByText(/^第 /)).toHaveText('第 1–20 条，共 45 条');
  expect((await wechatTargets(clerk)).some((target) => target.includes(`plan_id=${A.plan}`))).toBe(true);

  // The URL.
  await open(clerk, contracts(B.plan));
  await expect(clerk.getByRole('alert').filter({ hasText: REFUSAL })).toBeVisible();
  await expect(clerk.getByRole('table', { name: '签约记录' })).toHaveCount(0);

  // The form: its search is the server action, whose request is kept to be replayed.
  await open(clerk, contracts(A.plan));
  const action = clerk.waitForRequest(
    (request: Request) => request.method() === 'POST' && 'next-action' in request.headers(),
  );
  await clerk.getByLabel('签约模板号').fill(B.plan);
  await clerk.getByRole('button', { name: '查询' }).click();
  await expect(clerk.getByRole('alert').filter({ hasText: REFUSAL })).toBeVisible();
  const sent = await action;

  // A hand-made POST of the same action, by someone who knows the plan id.
  const replayed = await clerk.request.post(sent.url(), {
    headers: {
      'next-action': sent.headers()['next-action'],
      'content-type': sent.headers()['content-type'] ?? 'text/plain',
    },
    data: sent.postData() ?? '',
  });
  expect(sent.postData()).toContain(B.plan);
  expect(await replayed.text()).toContain('"out_of_scope"');

  // The CSV export.
  const exported = await clerk.request.post(`${BASE}/contracts/export`, {
    data: { openid: OPENID, plan_id: B.plan, contract_status: 'ALL' },
  });
  expect(await exported.text()).toContain('"kind":"out_of_scope"');

  // WeChat Pay was never asked for B's plan, and every attempt is in the trail, as refused.
  expect((await wechatTargets(clerk)).filter((target) => target.includes(B.plan))).toEqual([]);
  const refused = auditOf(B.plan);
  expect(refused.map((record) => record.action)).toEqual(['lookup', 'lookup', 'lookup', 'export']);
  for (const record of refused)
    expect(record).toMatchObject({ outcome: 'out_of_scope', school_key: B.key, request_id: null });
  expect(auditOf(A.plan)[0]).toMatchObject({ outcome: 'ok', school_key: A.key });
  await clerk.context().close();
});

test("each school admin's audit page shows their school's records only", async ({ browser }) => {
  const headA = await signIn(browser, people.headA);
  await open(headA, `${BASE}/admin/audit?openid=${OPENID}`);
  const trailA = headA.getByRole('table', { name: '查询记录（最新的在前）' });
  await expect(trailA).toContainText(A.plan);
  await expect(trailA).not.toContainText(B.plan);
  // Asking for the other school by the URL shows nothing of it.
  await open(headA, `${BASE}/admin/audit?openid=${OPENID}&school=${B.key}`);
  await expect(headA.getByRole('table', { name: '查询记录（最新的在前）' })).toHaveCount(0);
  await headA.context().close();

  const headB = await signIn(browser, people.headB);
  await open(headB, `${BASE}/admin/audit?openid=${OPENID}`);
  const trailB = headB.getByRole('table', { name: '查询记录（最新的在前）' });
  await expect(trailB).toContainText(B.plan);
  await expect(trailB).toContainText('超出本校范围（未发送）');
  await expect(trailB).not.toContainText(A.plan);
  const csv = await headB.request.get(`${BASE}/admin/audit/export`);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).toContain(B.plan);
  expect(text).not.toContain(A.plan);
  await headB.context().close();
});
