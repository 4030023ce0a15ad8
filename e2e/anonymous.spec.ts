import { readFileSync } from 'node:fs';
import { expect, request, test } from '@playwright/test';
import { FAKE_WECHATPAY_PORT, MERCHANT_PORT } from '../playwright.config';

/**
 * Server actions are public POST endpoints. Every action in the build is called here by someone
 * who never signed in, against the merchant app whose WeChat Pay (the fake) counts what reaches
 * it: each must refuse, and nothing may reach WeChat.
 */
const APP = `http://127.0.0.1:${MERCHANT_PORT}`;
// Open to anyone by design: signing in, and choosing the language (it sets only the caller's own cookie).
const PUBLIC_ACTIONS = new Set(['signIn', 'setLocale']);

interface ActionEntry {
  exportedName: string;
  workers: Record<string, unknown>;
}

function actionsInBuild(): { id: string; name: string; page: string }[] {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, ActionEntry>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    name: entry.exportedName,
    page: `/${Object.keys(entry.workers)[0]
      .replace(/^app\//, '')
      .replace(/\/?page$/, '')}`,
  }));
}

async function upstreamRequests(): Promise<number> {
  const api = await request.newContext();
  const log = (await (await api.get(`http://127.0.0.1:${FAKE_WECHATPAY_PORT}/__log`)).json()) as unknown[];
  await api.dispose();
  return log.length;
}

const SEARCH = [{ openid: 'oMerchantPath01', plan_id: '2001', contract_status: 'ALL', offset: 0, limit: 20 }];

test('the build has the actions this test knows to expect', () => {
  const names = actionsInBuild().map((action) => action.name);
  expect(names).toEqual(expect.arrayContaining(['queryContracts', 'signIn', 'signOut']));
});

test('every server action refuses a caller who is not signed in, and nothing reaches WeChat', async () => {
  const anonymous = await request.newContext({ baseURL: APP, maxRedirects: 0 });
  const before = await upstreamRequests();
  for (const action of actionsInBuild().filter((entry) => !PUBLIC_ACTIONS.has(entry.name))) {
    const response = await anonymous.post(action.page, {
      headers: { 'next-action': action.id, 'content-type': 'text/plain;charset=UTF-8', origin: APP },
      data: JSON.stringify(action.name === 'queryContracts' ? SEARCH : []),
    });
    const body = await response.text();
    expect(response.status(), `${action.name} status`).toBeLessThan(500);
    expect(body, `${action.name} answered with data`).not.toMatch(/"ok":true|M-0\d\d/);
    if (action.name === 'queryContracts') expect(body).toContain('unauthenticated');
  }
  expect(await upstreamRequests()).toBe(before);
  await anonymous.dispose();
});

test('a signed-in request from another origin is refused', async ({ browser }) => {
  const { id } = actionsInBuild().find((action) => action.name === 'queryContracts') ?? { id: '' };
  const context = await browser.newContext({ storageState: 'test-results/.auth/merchant.json' });
  const before = await upstreamRequests();
  const response = await context.request.post(`${APP}/contracts`, {
    headers: { 'next-action': id, 'content-type': 'text/plain;charset=UTF-8', origin: 'https://evil.example.com' },
    data: JSON.stringify(SEARCH),
  });
  expect(await response.text()).not.toMatch(/M-0\d\d/);
  expect(await upstreamRequests()).toBe(before);
  await context.close();
});
