import { type APIRequestContext, expect, request, test } from '@playwright/test';
import fc from 'fast-check';
import { parseContractsQuery } from '@/lib/contracts/search-input';
import { contractsInput } from '@/test-support/hostile';
import { FAKE_WECHATPAY_PORT, MERCHANT_PORT } from '../playwright.config';
import {
  actionId,
  bodySize,
  callAction,
  hostileForm,
  hostileJson,
  hostileText,
  jsonText,
  PROTOTYPE_KEYS,
} from './server-actions';

/**
 * What could reach WeChat Pay, thrown at with hostile input by a signed-in admin: the lookup
 * action and the CSV export (route handlers), and the audit export. Against the merchant app,
 * whose WeChat Pay is the independent fake that logs every request it gets: a refused input must
 * be refused clearly, answered without a server error, and send nothing to WeChat.
 */
const APP = `http://127.0.0.1:${MERCHANT_PORT}`;
const RUNS = { numRuns: 100 };

async function upstreamRequests(): Promise<number> {
  const api = await request.newContext();
  const log = (await (await api.get(`http://127.0.0.1:${FAKE_WECHATPAY_PORT}/__log`)).json()) as unknown[];
  await api.dispose();
  return log.length;
}

/** JSON text for any test value as React's reply format writes it ("$…" strings as "$$…"). */
function replyJson(value: unknown): string {
  if (value !== null && typeof value === 'object' && 'raw' in value) return jsonText(value);
  const text = JSON.stringify(value, (_, item) => {
    if (typeof item === 'bigint') return String(item);
    if (typeof item === 'string' && item.startsWith('$')) return `$${item}`;
    return item;
  });
  return text ?? 'null';
}

/** What the server reads from that text (with "$$" back to "$"). */
const decoded = (text: string): unknown =>
  JSON.parse(text, (_, item) => (typeof item === 'string' && item.startsWith('$$') ? item.slice(1) : item));

/** Searches hidden where only a careless reader would find them: prototypes, arrays, toString. */
const PROTOTYPE_SEARCHES = [
  '{"__proto__":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o","plan_id":"101164396123311331"}}',
  '{"constructor":{"prototype":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o","plan_id":"101164396123311331"}}}',
  '{"openid":{"toString":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},"plan_id":{"valueOf":1}}',
  '{"openid":{"toString":1,"valueOf":2},"plan_id":"101164396123311331","offset":{"__proto__":null}}',
  '{"openid":["oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"],"plan_id":["101164396123311331"]}',
];

/** Any search input at all, as JSON text, that the search schema refuses (an accepted one would be looked up). */
const refusedSearch = fc
  .oneof(fc.constantFrom(...PROTOTYPE_SEARCHES), contractsInput(1).map(replyJson), hostileJson.map(replyJson))
  .filter((text) => !parseContractsQuery(decoded(text)).ok);

let admin: APIRequestContext;
test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ storageState: 'test-results/.auth/merchant.json' });
  admin = context.request;
});

test('queryContracts refuses any search the schema refuses, and nothing reaches WeChat', async () => {
  test.setTimeout(180_000);
  const id = actionId('queryContracts');
  const before = await upstreamRequests();
  const bodies = fc.oneof(
    refusedSearch.map((input) => ({ json: `[${input}]` })),
    hostileForm(['openid', 'plan_id', 'contract_status', 'offset', 'limit']),
  );
  await fc.assert(
    fc.asyncProperty(bodies, async (body) => {
      fc.pre(bodySize(body) < 900_000);
      const answer = await callAction(admin, APP, '/contracts', id, body);
      expect(answer.status, answer.text.slice(0, 300)).toBeLessThan(500);
      expect(answer.value).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    }),
    RUNS,
  );
  expect(await upstreamRequests()).toBe(before);
});

test('the CSV export refuses any hostile body, and nothing reaches WeChat', async () => {
  test.setTimeout(180_000);
  const before = await upstreamRequests();
  const json = refusedSearch
    .map((text) => ({ type: 'application/json', data: text }))
    // The export reads three fields of the body: an accepted one would be looked up.
    .filter(({ data }) => {
      const body = decoded(data) as Record<string, unknown> | null;
      const search = { openid: body?.openid, plan_id: body?.plan_id, contract_status: body?.contract_status };
      return !parseContractsQuery({ ...search, offset: 0, limit: 40 }).ok;
    });
  const notJson = fc.record({
    type: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'),
    data: hostileText,
  });
  await fc.assert(
    fc.asyncProperty(fc.oneof(json, notJson), async ({ type, data }) => {
      const response = await admin.post(`${APP}/contracts/export`, { headers: { 'content-type': type }, data });
      const text = await response.text();
      expect(response.status(), text.slice(0, 300)).toBeLessThan(500);
      const first = JSON.parse(text.split('\n')[0]) as { type: string; error?: { kind: string } };
      expect(first).toMatchObject({ type: 'error', error: { kind: 'invalid_input' } });
    }),
    RUNS,
  );
  expect(await upstreamRequests()).toBe(before);
});

test('the audit export refuses hostile filters clearly, or exports with them', async () => {
  test.setTimeout(180_000);
  const names = fc.oneof(fc.constantFrom('username', 'openid', 'from', 'to', 'page', ...PROTOTYPE_KEYS), fc.string());
  const query = fc.array(
    fc.tuple(
      names,
      hostileText.filter((text) => text.length < 2_000),
    ),
    { maxLength: 6 },
  );
  await fc.assert(
    fc.asyncProperty(query, async (pairs) => {
      const response = await admin.get(`${APP}/admin/audit/export?${new URLSearchParams(pairs)}`);
      expect([200, 400], (await response.text()).slice(0, 300)).toContain(response.status());
    }),
    { numRuns: 50 },
  );
});
