import { randomBytes } from 'node:crypto';
import { type APIRequestContext, expect, type Page, request, test } from '@playwright/test';
import fc from 'fast-check';
import { allPlansQuerySchema, parseContractsQuery } from '@/lib/contracts/search-input';
import { validate } from '@/lib/validation/validate';
import { contractsFields, contractsInput, hostileValue } from '@/test-support/hostile';
import { E2E_ADMIN, FAKE_WECHATPAY_PORT, MERCHANT_PORT } from '../playwright.config';
import {
  actionId,
  bodySize,
  callAction,
  decoded,
  hostileForm,
  hostileJson,
  hostileText,
  jsonText,
  PROTOTYPE_KEYS,
} from './server-actions';
import { type OwnServer, startOwnServer } from './spawn-server';

/**
 * What could reach WeChat Pay, thrown at with hostile input by a signed-in admin: the lookup
 * action and the CSV export (route handlers), and the audit export. Against the merchant app,
 * whose WeChat Pay is the independent fake that logs every request it gets: a refused input must
 * be refused clearly, answered without a server error, and send nothing to WeChat. And the
 * parent directory's upload route, on a sandbox server of its own (its demo rosters untouched by
 * other specs), whose refused uploads must store nothing.
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

/** Every body posted to the contracts page's action `name` is refused as invalid input, and WeChat is asked nothing. */
async function expectRefusedAsInvalid(name: string, bodies: fc.Arbitrary<Parameters<typeof callAction>[4]>) {
  const id = actionId(name);
  const before = await upstreamRequests();
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
}

test('queryContracts refuses any search the schema refuses, and nothing reaches WeChat', async () => {
  test.setTimeout(180_000);
  const bodies = fc.oneof(
    refusedSearch.map((input) => ({ json: `[${input}]` })),
    hostileForm(['openid', 'plan_id', 'contract_status', 'offset', 'limit']),
  );
  await expectRefusedAsInvalid('queryContracts', bodies);
});

/** A parent hidden from the all-plans search where only a careless reader would find them. */
const HIDDEN_PARENTS = [
  '{"__proto__":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}}',
  '{"constructor":{"prototype":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o","school":"sunshine"}}}',
  '{"openid":{"toString":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}}',
  '{"openid":["oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"],"school":"sunshine"}',
  '{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o","school":{"__proto__":null}}',
];

test('queryAllPlans refuses any search the schema refuses, and nothing reaches WeChat', async () => {
  test.setTimeout(180_000);
  const { openid, contract_status, limit } = contractsFields(1);
  const fields = fc.record({ openid, contract_status, limit, school: hostileValue(64) }, { requiredKeys: [] });
  const refused = fc
    .oneof(fc.constantFrom(...HIDDEN_PARENTS), fields.map(replyJson), hostileJson.map(replyJson))
    .filter((text) => !validate(allPlansQuerySchema, decoded(text)).success);
  const bodies = fc.oneof(
    refused.map((input) => ({ json: `[${input}]` })),
    hostileForm(['openid', 'contract_status', 'limit', 'school']),
  );
  await expectRefusedAsInvalid('queryAllPlans', bodies);
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

test.describe('the parent directory upload', () => {
  test.describe.configure({ mode: 'serial' });
  let server: OwnServer;
  let head: APIRequestContext;

  let page: Page;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(90_000);
    server = await startOwnServer(4);
    page = await browser.newPage({ storageState: { cookies: [], origins: [] } });
    await page.goto(`${server.url}/login`);
    await page.getByLabel('用户名').fill(E2E_ADMIN.username);
    await page.getByLabel('密码').fill(E2E_ADMIN.password);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page).toHaveURL(/\/contracts$/);
    head = page.request;
  });

  test.afterAll(async () => {
    await page?.context().close();
    await server?.stop();
  });

  /** One part of a multipart body: a field, or a file when it has a file name. */
  type Part = { name: string; fileName?: string; data: Buffer };

  function multipartBody(parts: readonly Part[]): { type: string; body: Buffer } {
    const boundary = `----upload${randomBytes(8).toString('hex')}`;
    const chunks = parts.flatMap(({ name, fileName, data }) => [
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name.replaceAll('"', '%22')}"${
          fileName === undefined ? '' : `; filename="${fileName.replaceAll('"', '%22').replace(/[\r\n]/g, '')}"`
        }\r\n${fileName === undefined ? '' : 'Content-Type: application/octet-stream\r\n'}\r\n`,
      ),
      data,
      Buffer.from('\r\n'),
    ]);
    return {
      type: `multipart/form-data; boundary=${boundary}`,
      body: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
    };
  }

  /** A file the import would store, for a live school: sent only where it must be refused. */
  const VALID = Buffer.from(
    '学生姓名,班级,家长姓名,手机号,openid\r\n李小明,三年级2班,李建国,138 1234 5678,oLxm_father_01\r\n',
  );
  /** A roster with one problem (an empty openid): previewed with it, never imported. */
  const NEAR_MISS = Buffer.from('学生姓名,openid\r\n李小明,oLxm_father_01\r\n王芳,\r\n');
  const LIVE = ['sunshine', 'mingde'];

  // Within what Node.js reads as a request line or header at all (it refuses a longer one itself).
  const queryText = hostileText.filter((text) => text.length < 2_000);
  const hostileBytes = fc.oneof(
    hostileText.map((text) => Buffer.from(text)),
    fc.uint8Array({ maxLength: 4_096 }).map((bytes) => Buffer.from(bytes)),
    fc.constantFrom(NEAR_MISS, Buffer.from('PK\u0003\u0004 not a workbook'), Buffer.alloc(0)),
  );
  const fieldName = fc.oneof(fc.constantFrom('file', 'school', 'step', ...PROTOTYPE_KEYS), fc.string());
  /** What a file upload could carry: a valid roster among hostile ones, under any field name. */
  const part = fc.oneof(
    fc.record({ name: fieldName, fileName: hostileText, data: hostileBytes }),
    fc.record({ name: fc.constant('file'), fileName: hostileText, data: hostileBytes }),
    fc.record({ name: fieldName, data: hostileText.map((text) => Buffer.from(text)) }),
    fc.record({ name: fc.constant('file'), fileName: fc.constant('名册.csv'), data: fc.constant(VALID) }),
  );
  const body = fc.oneof(
    fc.array(part, { maxLength: 4 }).map(multipartBody),
    fc.record({
      type: fc.oneof(
        fc.constantFrom('multipart/form-data', 'multipart/form-data; boundary=x', 'text/csv', 'application/json'),
        // Any header value an HTTP client can send, of a size Node.js reads as a header at all.
        queryText.filter((text) => /^[\x20-\x7e]*$/.test(text)),
      ),
      body: hostileBytes,
    }),
  );
  const param = (names: string[]) => fc.option(fc.oneof(fc.constantFrom(...names), queryText), { nil: undefined });
  const upload = fc.record({
    school: param(LIVE),
    step: param(['preview', 'import']),
    site: fc.constantFrom(undefined, 'same-origin', 'none', 'cross-site', 'same-site'),
    stray: fc.array(fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS, 'school', 'step'), queryText), { maxLength: 2 }),
    body,
    signedIn: fc.boolean(),
  });

  /** Whether the multipart body's first "file" is a file the import would store. */
  const carriesValidFile = (type: string, raw: Buffer) =>
    type.startsWith('multipart/') &&
    raw.includes(VALID) &&
    /name="file"; filename="[^"]*"/.test(raw.toString('latin1'));

  test('refuses every hostile upload clearly, and stores nothing', async ({ playwright }) => {
    test.setTimeout(240_000);
    const anonymous = await playwright.request.newContext();
    await fc.assert(
      fc.asyncProperty(upload, async ({ school, step, site, stray, body: { type, body: raw }, signedIn }) => {
        // The one upload that must be stored: a valid file imported into a live school by its admin.
        fc.pre(!(step === 'import' && LIVE.includes(school ?? '') && carriesValidFile(type, raw)));
        fc.pre(raw.length < 900_000);
        const query = new URLSearchParams([
          ...(school === undefined ? [] : [['school', school]]),
          ...(step === undefined ? [] : [['step', step]]),
          ...stray,
        ]);
        const headers: Record<string, string> = { 'content-type': type };
        if (site) headers['sec-fetch-site'] = site;
        const response = await (signedIn ? head : anonymous).post(`${server.url}/admin/roster/upload?${query}`, {
          headers,
          data: raw,
          maxRedirects: 0,
        });
        const text = await response.text();
        const what = `${response.status()} ${query} ${type.slice(0, 80)}: ${text.slice(0, 300)}`;
        expect(response.status(), what).toBeLessThan(500);
        expect(response.headers()['content-type'], what).toMatch(/^application\/json/);
        const answer = JSON.parse(text) as { ok: boolean; error?: string; problems?: string[] };
        if (answer.ok) {
          // Only a preview may answer yes, and it stores nothing.
          expect([signedIn, step, site === undefined || site === 'same-origin' || site === 'none'], what).toEqual([
            true,
            'preview',
            true,
          ]);
        } else {
          expect([400, 401, 403, 413, 422], what).toContain(response.status());
          expect(answer.error, what).toMatch(/\S/);
        }
        if (!signedIn) expect(response.status(), what).toBe(401);
        else if (site === 'cross-site' || site === 'same-site') expect(answer.error, what).toMatch(/其他网站/);
      }),
      { numRuns: 150 },
    );
    await anonymous.dispose();
  });

  test('refuses a file over 10 MB, read no further than the limit', async () => {
    // 12 MB of rows that would all import: too large as a whole.
    const rows = '李小明,oLxm_father_01\r\n'.repeat(Math.ceil((12 * 1024 * 1024) / 26));
    const { type, body } = multipartBody([
      { name: 'file', fileName: '名册.csv', data: Buffer.from(`学生姓名,openid\r\n${rows}`) },
    ]);
    const response = await head.post(`${server.url}/admin/roster/upload?school=sunshine&step=import`, {
      headers: { 'content-type': type },
      data: body,
    });
    expect(response.status()).toBe(413);
    expect((await response.json()).ok).toBe(false);
  });

  test('the demo schools’ rosters keep every row', async () => {
    await page.goto(`${server.url}/admin/roster?school=sunshine`);
    await expect(page.getByText('阳光小学的名册现有 5 行。')).toBeVisible();
    await page.goto(`${server.url}/admin/roster?school=mingde`);
    await expect(page.getByText('明德中学的名册现有 1 行。')).toBeVisible();
  });
});
