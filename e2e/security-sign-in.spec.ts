import type { APIRequestContext, APIResponse, Page } from '@playwright/test';
import { E2E_ADMIN } from '../playwright.config';
import { expect, open, test, ZHANG } from './fixtures';
import { type OwnServer, startOwnServer } from './spawn-server';

/**
 * The sign-in limits hold against what an anonymous client controls: its X-Forwarded-For header
 * (the address limited and recorded is the socket's, on a server reached directly) and its timing
 * (a burst of attempts at once is limited like attempts one by one). On a server of its own: the
 * address 127.0.0.1 ends up locked out of sign-in for 15 minutes.
 */
test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: 'serial' });

const ATTEMPTS_PER_USERNAME = 10;
const ATTEMPTS_PER_IP = 50;
const TOO_MANY = '尝试次数太多，请 15 分钟后再试';

let server: OwnServer;
/** Failed sign-ins from 127.0.0.1 so far, by the tests that ran before (each may run alone). */
let failedFromHere = 0;

/** The sign-in limits count in fixed 15-minute windows from the epoch (lib/server/rate-limit.ts). */
const WINDOW_MS = 15 * 60_000;
/** Longer than these tests take together: they must all count in one window. */
const TESTS_TAKE_MS = 75_000;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startOwnServer(0);
  // A window ending mid-way would start the counts again and let the limit seem not to bite.
  const leftInWindow = WINDOW_MS - (Date.now() % WINDOW_MS);
  if (leftInWindow < TESTS_TAKE_MS) await new Promise((resolve) => setTimeout(resolve, leftInWindow + 1_000));
});

test.afterAll(async () => {
  await server?.stop();
});

/** The error key of the sign-in form's state in an action's answer, or its status. */
async function signInAnswer(response: APIResponse): Promise<string> {
  expect(response.status(), 'no server error').toBeLessThan(500);
  return /"error":"(\w+)"/.exec(await response.text())?.[1] ?? `status ${response.status()}`;
}

/**
 * Signs in through the login form; what the action answered. The answer is fetched through a
 * route (the browser's own copy of a streamed answer cannot be read back) and handed on unchanged.
 */
async function attempt(page: Page, username: string, password: string): Promise<string> {
  let answer: Promise<string> | undefined;
  await page.route(/\/login/, async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    const response = await route.fetch();
    answer = signInAnswer(response);
    await route.fulfill({ response });
  });
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  const answered = page.waitForResponse((response) => response.request().method() === 'POST');
  await page.getByRole('button', { name: '登录' }).click();
  await answered;
  await page.unrouteAll();
  if (!answer) throw new Error('the sign-in action was not called');
  return answer;
}

/** The sign-in action's request as the browser sent it, to be sent again. */
interface RecordedAction {
  headers: Record<string, string>;
  body: Buffer;
}

async function recordSignIn(page: Page, username: string, password: string): Promise<RecordedAction> {
  const sent = page.waitForRequest((request) => request.method() === 'POST' && 'next-action' in request.headers());
  await attempt(page, username, password);
  const request = await sent;
  const headers = await request.allHeaders();
  return {
    headers: Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith(':') && name !== 'cookie')),
    body: request.postDataBuffer() ?? Buffer.alloc(0),
  };
}

async function replay(api: APIRequestContext, action: RecordedAction): Promise<string> {
  return signInAnswer(
    await api.post(`${server.url}/login`, { headers: action.headers, data: action.body, maxRedirects: 0 }),
  );
}

test('the audit trail records the address that connected, not the X-Forwarded-For a client sent', async ({
  browser,
}) => {
  const context = await browser.newContext({
    storageState: { cookies: [], origins: [] },
    extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '203.0.113.8' },
  });
  const page = await context.newPage();
  await open(page, `${server.url}/login`);
  await attempt(page, E2E_ADMIN.username, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/contracts$/);
  await open(page, `${server.url}/contracts?openid=${ZHANG.openid}&plan_id=${ZHANG.plan}`);
  await expect(page.getByText('第 1–20 条，共 53 条')).toBeVisible();

  await open(page, `${server.url}/admin/audit?openid=${ZHANG.openid}`);
  const row = page.getByRole('table', { name: '查询记录（最新的在前）' }).locator('tbody tr').first();
  await expect(row).toContainText('127.0.0.1');
  await expect(row).not.toContainText('203.0.113');
  await context.close();
});

test('a burst of wrong passwords at once is limited like attempts one by one', async ({ page, playwright }) => {
  await open(page, `${server.url}/login`);
  const action = await recordSignIn(page, 'burst-target', 'wrong-password-0');
  const api = await playwright.request.newContext();
  const answers = await Promise.all(Array.from({ length: 20 }, () => replay(api, action)));
  await api.dispose();
  failedFromHere += 1 + answers.filter((answer) => answer === 'wrong').length;
  // One attempt was the recorded one: nine more may be checked, every other is refused unchecked.
  expect(answers.filter((answer) => answer === 'wrong')).toHaveLength(ATTEMPTS_PER_USERNAME - 1);
  expect(answers.filter((answer) => answer === 'tooMany')).toHaveLength(20 - (ATTEMPTS_PER_USERNAME - 1));
});

test('rotating X-Forwarded-For does not escape the per-address limit', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, `${server.url}/login`);
  let refusedAt = 0;
  // Every attempt a new username (the per-username limit never bites) and a new forged address.
  for (let n = 1; n <= ATTEMPTS_PER_IP + 1 && !refusedAt; n += 1) {
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': `198.51.100.${n}`, 'x-real-ip': `198.51.100.${n}` });
    const answer = await attempt(page, `sprayed-${n}`, 'wrong-password');
    expect(['wrong', 'tooMany']).toContain(answer);
    if (answer === 'tooMany') refusedAt = n;
  }
  await expect(page.getByRole('alert').filter({ hasText: TOO_MANY })).toBeVisible();
  // Earlier failures from this address counted too.
  expect(refusedAt).toBe(ATTEMPTS_PER_IP - failedFromHere + 1);

  // The right password, from yet another forged address: the address, not the header, is limited.
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': '192.0.2.200' });
  expect(await attempt(page, E2E_ADMIN.username, E2E_ADMIN.password)).toBe('tooMany');
  await expect(page).toHaveURL(/\/login/);
});
