/**
 * Whatever staff type, a URL carries or a forged server-action call sends, a contracts search either
 * is refused before any request, or becomes exactly one GET of
 * `/v3/eduschoolpay/users/{openid}/contracts?plan_id&contract_status&offset&limit` on the configured host.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRequestUrl, type CallEvent, createWechatPayClient, type WechatPayClient } from '@/lib/wechatpay/client';
import { createSigner } from '@/lib/wechatpay/signer';
import { createVerifier, staticKeys } from '@/lib/wechatpay/verifier';
import {
  contractsFields,
  contractsInput,
  hostileNumber,
  hostileStatus,
  hostileValue,
  nonString,
  validIdentifier,
  validLimit,
  validOffset,
  validStatus,
} from '@/test-support/hostile';
import { generateRsaKeys, type RsaKeys } from '@/test-support/keys';
import { type FakeWechat, signedAnswerHeaders, startFakeWechat } from '@/test-support/wechat-server';
import { contractsRequest } from './request';
import { type ContractsQuery, parseContractsQuery } from './search-input';

const RUNS = { numRuns: 10_000 };
const OPENID = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';
const PLAN = '101164396123311331';
const BASES = ['https://api.mch.weixin.qq.com', 'https://api2.mch.weixin.qq.com', 'http://127.0.0.1:8787'];
const QUERY_NAMES = ['plan_id', 'contract_status', 'offset', 'limit'];

/** The one target an accepted search may become, written out independently of the product code. */
function expectedTarget(query: ContractsQuery): string {
  return (
    `/v3/eduschoolpay/users/${query.openid}/contracts` +
    `?plan_id=${query.plan_id}&contract_status=${query.contract_status}&offset=${query.offset}&limit=${query.limit}`
  );
}

/** Throws, naming the broken rule, unless an accepted search is a safe request for exactly what was asked. */
function assertSafeQuery(query: ContractsQuery): void {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(query.openid)) throw new Error(`accepted openid ${JSON.stringify(query.openid)}`);
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(query.plan_id))
    throw new Error(`accepted plan_id ${JSON.stringify(query.plan_id)}`);
  if (!['ALL', 'ADD', 'DELETE'].includes(query.contract_status)) {
    throw new Error(`accepted contract_status ${JSON.stringify(query.contract_status)}`);
  }
  if (!Number.isSafeInteger(query.limit) || query.limit < 1 || query.limit > 40) {
    throw new Error(`accepted limit ${query.limit}`);
  }
  if (!Number.isSafeInteger(query.offset) || query.offset < 0 || query.offset % query.limit !== 0) {
    throw new Error(`accepted offset ${query.offset} with limit ${query.limit}`);
  }
}

/**
 * The property itself: refused (with a message on a field when the input is an object), or sent
 * as a URL on the base's origin whose path and query are exactly the accepted search.
 * Returns whether the input was accepted.
 */
function checkInput(input: unknown, base: string): boolean {
  const parsed = parseContractsQuery(input);
  if (!parsed.ok) {
    const isRecord = typeof input === 'object' && input !== null && !Array.isArray(input);
    if (isRecord && Object.keys(parsed.fieldErrors).length === 0) throw new Error('refused without any field message');
    return false;
  }
  const query = parsed.query;
  assertSafeQuery(query);
  const { path, params } = contractsRequest(query);
  const url = buildRequestUrl(base, path, params);
  if (url.origin !== new URL(base).origin) throw new Error(`left the configured origin: ${url.href}`);
  if (url.username !== '' || url.password !== '' || url.hash !== '') throw new Error(`odd URL parts: ${url.href}`);
  if (url.pathname !== `/v3/eduschoolpay/users/${query.openid}/contracts`) throw new Error(`path ${url.pathname}`);
  const names = [...url.searchParams.keys()];
  if (names.join('&') !== QUERY_NAMES.join('&')) throw new Error(`query names ${names.join('&')}`);
  const values = Object.fromEntries(url.searchParams);
  if (
    values.plan_id !== query.plan_id ||
    values.contract_status !== query.contract_status ||
    values.offset !== String(query.offset) ||
    values.limit !== String(query.limit) ||
    !/^\d+$/.test(values.offset) ||
    !/^\d+$/.test(values.limit)
  ) {
    throw new Error(`query values ${url.search} for ${JSON.stringify(query)}`);
  }
  if (url.pathname + url.search !== expectedTarget(query)) throw new Error(`target ${url.pathname}${url.search}`);
  return true;
}

const base = fc.constantFrom(...BASES);

/**
 * Runs the property over `inputs` and checks that both branches were really exercised:
 * a property that refuses everything, or accepts everything, proves little.
 */
function assertOverInputs(inputs: fc.Arbitrary<unknown>, minimum = { accepted: 200, refused: 200 }) {
  let accepted = 0;
  let refused = 0;
  fc.assert(
    fc.property(inputs, base, (input, baseUrl) => {
      if (checkInput(input, baseUrl)) accepted += 1;
      else refused += 1;
    }),
    RUNS,
  );
  expect(accepted).toBeGreaterThanOrEqual(minimum.accepted);
  expect(refused).toBeGreaterThanOrEqual(minimum.refused);
}

const valid = { openid: OPENID, plan_id: PLAN, contract_status: 'ALL', offset: 0, limit: 20 };

describe('hostile input: refused, or exactly the one allowed URL', () => {
  it('openid', () => {
    assertOverInputs(
      fc.oneof(validIdentifier(128), hostileValue(128)).map((openid) => ({ ...valid, openid })),
      { accepted: 2_000, refused: 2_000 },
    );
  });

  it('plan_id', () => {
    assertOverInputs(
      fc.oneof(validIdentifier(32), hostileValue(32)).map((plan_id) => ({ ...valid, plan_id })),
      { accepted: 2_000, refused: 2_000 },
    );
  });

  it('contract_status', () => {
    assertOverInputs(
      fc.oneof(validStatus, hostileStatus).map((contract_status) => ({ ...valid, contract_status })),
      { accepted: 2_000, refused: 2_000 },
    );
  });

  it('offset (limit 40)', () => {
    assertOverInputs(
      fc.oneof(validOffset, hostileNumber).map((offset) => ({ ...valid, limit: 40, offset })),
      { accepted: 2_000, refused: 2_000 },
    );
  });

  it('limit (offset 0)', () => {
    assertOverInputs(
      fc.oneof(validLimit, hostileNumber).map((limit) => ({ ...valid, offset: 0, limit })),
      { accepted: 2_000, refused: 2_000 },
    );
  });

  it('all five fields at once, any of them missing', () => {
    assertOverInputs(contractsInput(3));
  });

  it('inputs that are not a search object at all', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(nonString, fc.string(), fc.array(fc.record(contractsFields(3)))), base, (input, baseUrl) => {
        if (checkInput(input, baseUrl)) accepted += 1;
      }),
      RUNS,
    );
    // Only a plain object can be a search; fc.object() may produce one that happens to be valid,
    // which checkInput has then held to the same rules.
    expect(accepted).toBeLessThan(100);
  });
});

// ---------------------------------------------------------------------------------------------
// End to end over real HTTP: what actually reaches a server.

const SERIAL = 'PUB_KEY_ID_HOSTILE';
const ANSWER = '{"data":[],"offset":0,"limit":20,"total_count":0}';

describe('hostile input over real HTTP', () => {
  let wechat: RsaKeys;
  let server: FakeWechat;
  let client: WechatPayClient;
  const events: CallEvent[] = [];

  beforeAll(async () => {
    wechat = generateRsaKeys();
    const merchant = generateRsaKeys();
    // One signature, refreshed each minute, keeps the server cheap: the timestamp stays well in the 5-minute window.
    let signed = { at: 0, headers: {} as Record<string, string> };
    server = await startFakeWechat((_, res) => {
      const now = Math.floor(Date.now() / 1000);
      if (now - signed.at > 60) signed = { at: now, headers: signedAnswerHeaders(wechat.privateKey, SERIAL, ANSWER) };
      res.writeHead(200, { 'content-type': 'application/json', 'request-id': 'REQ-HOSTILE', ...signed.headers });
      res.end(ANSWER);
    });
    client = createWechatPayClient({
      baseUrl: server.url,
      signer: createSigner({ mchid: '1900000001', serialNo: 'MERCHANTSERIAL', privateKey: merchant.privateKey }),
      verifier: createVerifier({ keys: staticKeys(new Map([[SERIAL, wechat.publicKey]])) }),
      userAgent: 'hostile-input-test/1.0',
      timeoutMs: 5_000,
      maxAttempts: 1,
      headers: { 'wechatpay-serial': SERIAL },
      observe: (event) => events.push(event),
    });
  });

  afterAll(async () => {
    await client?.close();
    await server?.close();
  });

  /** The product's lookup pipeline up to the wire: validate, build the request, send it. */
  async function search(input: unknown): Promise<ContractsQuery | undefined> {
    const parsed = parseContractsQuery(input);
    if (!parsed.ok) return undefined;
    const { path, params } = contractsRequest(parsed.query);
    const answer = await client.get(path, params);
    if (answer.status !== 200 || JSON.stringify(answer.json) !== ANSWER) throw new Error('unexpected answer');
    return parsed.query;
  }

  it('sends every accepted search to exactly its path on the configured host, and nothing for the rest', async () => {
    const expected: string[] = [];
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(contractsInput(8), async (input) => {
        const before = server.requests.length;
        const query = await search(input);
        const arrived = server.requests.slice(before);
        if (!query) {
          refused += 1;
          if (arrived.length !== 0) throw new Error(`a refused input reached the server: ${arrived[0].url}`);
          return;
        }
        expected.push(expectedTarget(query));
        if (arrived.length !== 1) throw new Error(`${arrived.length} requests for one search`);
        if (arrived[0].url !== expectedTarget(query)) throw new Error(`arrived as ${arrived[0].url}`);
        if (arrived[0].host !== server.host) throw new Error(`Host header ${arrived[0].host}`);
        if (arrived[0].method !== 'GET') throw new Error(`method ${arrived[0].method}`);
      }),
      RUNS,
    );

    // Every request the server ever saw is accounted for by an accepted search, in order.
    expect(server.requests.map((request) => request.url)).toEqual(expected);
    expect(new Set(server.requests.map((request) => request.host))).toEqual(new Set([server.host]));
    expect(new Set(events.map((event) => event.host))).toEqual(new Set([server.host]));
    expect(events.every((event) => event.outcome === 'ok')).toBe(true);
    expect(expected.length).toBeGreaterThan(1_000);
    expect(refused).toBeGreaterThan(1_000);
    console.info(`hostile input over HTTP: ${expected.length} requests sent, ${refused} inputs refused`);
  }, 180_000);
});
