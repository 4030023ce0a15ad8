/**
 * The contracts lookup over real HTTP, end to end but for the page: the project's client (signer +
 * verifier + undici), the answer schema and the table page, against the sandbox as WeChat Pay.
 * How the sandbox itself behaves on the wire is lib/sandbox's own tests.
 */
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractsAnswerSchema } from '@/lib/contracts/answer';
import { describeFailure } from '@/lib/contracts/failure';
import { contractsRequest } from '@/lib/contracts/request';
import type { ContractsQuery } from '@/lib/contracts/search-input';
import { toContractsPage } from '@/lib/contracts/view';
import type { RunningSandbox } from '@/lib/sandbox';
import { type CallEvent, createWechatPayClient, type WechatPayClient } from '@/lib/wechatpay/client';
import { WechatPayError } from '@/lib/wechatpay/errors';
import { createSigner, type Signer } from '@/lib/wechatpay/signer';
import { createVerifier, staticKeys, type Verifier } from '@/lib/wechatpay/verifier';
import { generateRsaKeys, type RsaKeys } from '@/test-support/keys';
import {
  DEMO_PARENTS,
  FAULTS,
  type FaultName,
  LUNCH,
  MCHID,
  SERIAL,
  startTestSandbox,
  USER_AGENT,
  ZHANG,
} from '@/test-support/sandbox';

let merchant: RsaKeys;
let sandbox: RunningSandbox;
let client: WechatPayClient;
let events: CallEvent[];
const extraClients: WechatPayClient[] = [];

function signerWith(keys: RsaKeys, options: Partial<Parameters<typeof createSigner>[0]> = {}): Signer {
  return createSigner({ mchid: MCHID, serialNo: SERIAL, privateKey: keys.privateKey, ...options });
}

function trustingVerifier(): Verifier {
  return createVerifier({ keys: staticKeys(new Map([[sandbox.publicKeyId, sandbox.publicKey]])) });
}

function makeClient(overrides: { signer?: Signer; verifier?: Verifier; observe?: (event: CallEvent) => void } = {}) {
  const made = createWechatPayClient({
    baseUrl: sandbox.url,
    signer: overrides.signer ?? signerWith(merchant),
    verifier: overrides.verifier ?? trustingVerifier(),
    userAgent: USER_AGENT,
    timeoutMs: 10_000,
    headers: { 'wechatpay-serial': sandbox.publicKeyId },
    observe: overrides.observe,
  });
  extraClients.push(made);
  return made;
}

function query(openid: string, page = 0, limit = 20): ContractsQuery {
  return { openid, plan_id: LUNCH, contract_status: 'ALL', offset: page * limit, limit };
}

/** One lookup the way the server does it: signed GET, verified answer, schema, table page. */
async function lookup(search: ContractsQuery, using = client) {
  const { path, params } = contractsRequest(search);
  const answer = await using.get(path, params);
  return { answer, page: toContractsPage(v.parse(contractsAnswerSchema, answer.json), search, answer.requestId) };
}

/** The WechatPayError a lookup fails with. */
async function failure(search: ContractsQuery, using = client): Promise<WechatPayError> {
  const { path, params } = contractsRequest(search);
  try {
    await using.get(path, params);
  } catch (error) {
    if (error instanceof WechatPayError) return error;
    throw error;
  }
  throw new Error('expected the lookup to fail');
}

beforeAll(async () => {
  merchant = generateRsaKeys();
  sandbox = await startTestSandbox(merchant);
  events = [];
  client = makeClient({ observe: (event) => events.push(event) });
}, 30_000);

afterAll(async () => {
  await Promise.all(extraClients.map((made) => made.close()));
  await sandbox.close();
});

describe('contracts over real HTTP', () => {
  it('pages through 53 lunch contracts, 20 at a time, signed first', async () => {
    const pages = [];
    for (const n of [0, 1, 2]) pages.push((await lookup(query(ZHANG, n))).page);
    const [first, second, third] = pages;

    expect(pages.map((page) => page.rows.length)).toEqual([20, 20, 13]);
    expect(pages.map((page) => page.totalCount)).toEqual([53, 53, 53]);
    expect(pages.map((page) => page.offset)).toEqual([0, 20, 40]);

    expect(first.prev).toBeNull();
    expect(first.next).toEqual({ offset: 20, limit: 20 });
    expect(second.prev).toEqual({ offset: 0, limit: 20 });
    expect(second.next).toEqual({ offset: 40, limit: 20 });
    expect(third.prev).toEqual({ offset: 20, limit: 20 });
    expect(third.next).toBeNull();

    const rows = pages.flatMap((page) => page.rows);
    const statuses = rows.map((row) => row.status);
    // 32 signed then 21 terminated across the three pages, never interleaved.
    expect(statuses).toEqual([...Array(32).fill('ADD'), ...Array(21).fill('DELETE')]);
    // Every contract exactly once, ids intact as 20-digit strings.
    const ids = rows.map((row) => row.contractId);
    expect(new Set(ids).size).toBe(53);
    for (const id of ids) expect(id).toMatch(/^2026\d{16}$/);
    expect(rows.every((row) => row.openid === ZHANG && !row.openidMismatch)).toBe(true);
    expect(rows.every((row) => row.createTimeText !== null)).toBe(true);
    for (const page of pages) expect(page.requestId).toMatch(/^[0-9A-F]{32}$/);
  });

  it('answers for a parent who gave another AppID’s openid with that openid, flagged on the page', async () => {
    const chen = DEMO_PARENTS.find((parent) => parent.answeredAs);
    if (!chen?.answeredAs) throw new Error('the sandbox should have a parent answered as another AppID');
    const search = { ...query(chen.openid), plan_id: chen.planId };
    const { page } = await lookup(search);
    expect(page.rows).toHaveLength(chen.contracts.length);
    expect(page.rows.every((row) => row.openid === chen.answeredAs?.openid && row.openidMismatch)).toBe(true);
    expect(page.rows.every((row) => row.appid === chen.answeredAs?.appid)).toBe(true);
  });

  it('logs each call for operators: host, path, status, Request-ID, outcome', async () => {
    events.length = 0;
    const { answer } = await lookup(query(ZHANG));
    expect(events).toEqual([
      expect.objectContaining({
        method: 'GET',
        host: new URL(sandbox.url).host,
        path: `/v3/eduschoolpay/users/${ZHANG}/contracts`,
        status: 200,
        requestId: answer.requestId,
        outcome: 'ok',
      }),
    ]);
  });

  it('gives an empty page for an openid WeChat does not know', async () => {
    const { page } = await lookup(query('oNobodyKnowsThisOpenid000000'));
    expect(page.rows).toEqual([]);
    expect(page.totalCount).toBe(0);
    expect(page.next).toBeNull();
  });

  /**
   * How the client fails each fault it meets on one call. Not here: system-error-once, slow and
   * primary-down, whose outcome is the client's retry, timeout and failover policy (its own tests),
   * and numeric-ids and data-not-array, which the client accepts and the schema refuses (below).
   * faults.test.ts checks every fault on the wire.
   */
  const expected: Partial<Record<FaultName, Partial<WechatPayError> & { reason?: string }>> = {
    'system-error': { kind: 'http', status: 500, code: 'SYSTEM_ERROR' },
    'rate-limited': { kind: 'http', status: 429, code: 'FREQUENCY_LIMITED' },
    tampered: { kind: 'unverified', status: 200, reason: 'bad-signature' },
    'signature-probe': { kind: 'unverified', status: 200, reason: 'signature-probe' },
    unsigned: { kind: 'unverified', status: 200, reason: 'missing-headers' },
    'stale-timestamp': { kind: 'unverified', status: 200, reason: 'stale-timestamp' },
    'unknown-serial': { kind: 'unverified', status: 200, reason: 'unknown-serial' },
    'malformed-json': { kind: 'malformed', status: 200 },
    'sign-error': { kind: 'http', status: 401, code: 'SIGN_ERROR' },
    'no-auth': { kind: 'http', status: 403, code: 'NO_AUTH' },
    'not-found': { kind: 'http', status: 404, code: 'RESOURCE_NOT_EXISTS' },
  };

  const oneCallFaults = FAULTS.filter((fault) => fault.name in expected);

  it.each(oneCallFaults)(
    'fails the fault openid $openid ($name) the expected way, with a Request-ID',
    async (fault) => {
      const { reason, ...fields } = expected[fault.name] ?? {};
      const error = await failure(query(fault.openid));
      expect(error).toMatchObject(fields);
      expect(error.requestId).toMatch(/^[0-9A-F]{32}$/);
      if (reason) expect(error.detail).toEqual({ reason });
      expect(describeFailure(error).requestId).toBe(error.requestId);
    },
  );

  it.each(['sandbox_fault_numeric_ids', 'sandbox_fault_data_not_array'])(
    'refuses the verified but wrongly shaped answer of %s at the schema, showing none of it',
    async (openid) => {
      await expect(lookup(query(openid))).rejects.toThrow(/invalid_type|expected/i);
    },
  );

  it('is refused with 401 SIGN_ERROR when the merchant key is wrong, with the signed message for operators', async () => {
    const impostor = makeClient({ signer: signerWith(generateRsaKeys()) });
    const error = await failure(query(ZHANG), impostor);
    expect(error).toMatchObject({ kind: 'http', status: 401, code: 'SIGN_ERROR' });
    expect(error.requestId).toMatch(/^[0-9A-F]{32}$/);
    expect(error.detail).toEqual({
      sign_information: {
        truncated_sign_message: expect.stringContaining(`/v3/eduschoolpay/users/${ZHANG}/contracts?`),
      },
    });
    expect(describeFailure(error).kind).toBe('sign_error');
  });

  it('is refused with 401 SIGN_ERROR when our clock is more than 5 minutes off', async () => {
    const late = makeClient({ signer: signerWith(merchant, { now: () => Math.floor(Date.now() / 1000) - 600 }) });
    await expect(failure(query(ZHANG), late)).resolves.toMatchObject({ status: 401, code: 'SIGN_ERROR' });
  });

  it('refuses an answer signed by a key the verifier does not know, showing none of its data', async () => {
    const stranger = generateRsaKeys();
    const suspicious = makeClient({
      verifier: createVerifier({ keys: staticKeys(new Map([[sandbox.publicKeyId, stranger.publicKey]])) }),
    });
    const unknownSerial = makeClient({ verifier: createVerifier({ keys: staticKeys(new Map()) }) });

    await expect(failure(query(ZHANG), suspicious)).resolves.toMatchObject({
      kind: 'unverified',
      detail: { reason: 'bad-signature' },
    });
    await expect(failure(query(ZHANG), unknownSerial)).resolves.toMatchObject({
      kind: 'unverified',
      detail: { reason: 'unknown-serial' },
    });
  });
});
