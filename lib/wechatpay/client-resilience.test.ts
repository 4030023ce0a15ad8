/**
 * The client as operators live with it: retries, backoff, failover to the backup host and back,
 * time budgets, over real HTTP against two local servers that answer like WeChat Pay.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateRsaKeys, type RsaKeys } from '@/test-support/keys';
import {
  answerError,
  answerSigned,
  closedPortUrl,
  type FakeWechat,
  recordingDispatcher,
  signedAnswerHeaders,
  startFakeWechat,
  wechatPayFailure,
} from '@/test-support/wechat-server';
import { type CallEvent, type ClientOptions, createWechatPayClient } from './client';
import { createSigner } from './signer';
import { createVerifier, staticKeys, type Verifier } from './verifier';

const PATH = '/v3/eduschoolpay/users/oUpF8uMuAJO_M2pxb1Q9zNjWeS6o/contracts';
const PARAMS = { plan_id: '101164396123311331', contract_status: 'ALL', offset: 0, limit: 20 };
const TARGET = `${PATH}?plan_id=101164396123311331&contract_status=ALL&offset=0&limit=20`;
const WECHAT_SERIAL = 'PUB_KEY_ID_TEST';
const BODY = '{"data":[{"contract_id":"C-1","contract_status":"ADD"}],"offset":0,"limit":20,"total_count":1}';
const DATA = JSON.parse(BODY);

let merchant: RsaKeys;
let wechat: RsaKeys;
let primary: FakeWechat;
let backup: FakeWechat;

interface TestClient {
  get: ReturnType<typeof createWechatPayClient>['get'];
  /** Every attempt, as the client reported it to `observe`. */
  events: CallEvent[];
  /** Every wait the client asked for between attempts. */
  delays: number[];
  /** The origin of every request the client dispatched (refused connections included). */
  origins: string[];
  /** The origins this client may ever contact. */
  allowed: string[];
}

const opened: { close(): Promise<void> }[] = [];
const made: TestClient[] = [];

beforeAll(() => {
  merchant = generateRsaKeys();
  wechat = generateRsaKeys();
});

beforeEach(async () => {
  primary = await startFakeWechat();
  backup = await startFakeWechat();
  opened.push(primary, backup);
});

afterEach(async () => {
  // Whatever a test did, the client never contacted a host other than its baseUrl and backupBaseUrl.
  const clients = made.splice(0);
  await Promise.all(opened.splice(0).map((item) => item.close()));
  for (const client of clients) {
    for (const origin of client.origins) expect(client.allowed).toContain(origin);
    for (const event of client.events) expect(client.allowed.map((url) => new URL(url).host)).toContain(event.host);
  }
});

const signing = () => ({ privateKey: wechat.privateKey, serial: WECHAT_SERIAL });

/** Answers every request with a signed 200 carrying BODY. */
function answersOk(server: FakeWechat, prefix: string) {
  server.handle((_, res, __, count) => answerSigned(res, signing(), BODY, `REQ-${prefix}-${count}`));
}

/** Answers every request with `status`/`code`, a fresh Request-ID each time. */
function answersError(server: FakeWechat, prefix: string, status: number, code: string) {
  server.handle((_, res, __, count) => answerError(res, status, code, `REQ-${prefix}-${count}`));
}

/** Accepts requests and never answers them. */
function neverAnswers(server: FakeWechat) {
  server.handle(() => {});
}

function makeClient(options: Partial<ClientOptions> = {}): TestClient {
  const recording = recordingDispatcher();
  const events: CallEvent[] = [];
  const delays: number[] = [];
  const baseUrl = options.baseUrl ?? primary.url;
  const backupBaseUrl = 'backupBaseUrl' in options ? options.backupBaseUrl : backup.url;
  const client = createWechatPayClient({
    signer: createSigner({ mchid: '1900000001', serialNo: 'MERCHANTSERIAL', privateKey: merchant.privateKey }),
    verifier: createVerifier({ keys: staticKeys(new Map([[WECHAT_SERIAL, wechat.publicKey]])) }),
    userAgent: 'client-resilience-test/1.0',
    timeoutMs: 5_000,
    headers: { 'wechatpay-serial': WECHAT_SERIAL },
    dispatcher: recording.dispatcher,
    observe: (event) => events.push(event),
    sleep: async (ms) => {
      delays.push(ms);
    },
    ...options,
    baseUrl,
    backupBaseUrl,
  });
  opened.push(client, recording);
  const allowed = [baseUrl, backupBaseUrl].filter((url): url is string => !!url).map((url) => new URL(url).origin);
  const testClient = { get: client.get, events, delays, origins: recording.origins, allowed };
  made.push(testClient);
  return testClient;
}

const hostsOf = (events: CallEvent[]) => events.map((event) => event.host);
const waitMs = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('retries', () => {
  it('retries a 500 once and returns the data of the second answer', async () => {
    primary.handle((_, res, __, count) =>
      count === 1 ? answerError(res, 500, 'SYSTEM_ERROR', 'REQ-P-1') : answerSigned(res, signing(), BODY, 'REQ-P-2'),
    );
    const client = makeClient();

    const answer = await client.get(PATH, PARAMS);

    expect(answer).toEqual({ status: 200, requestId: 'REQ-P-2', json: DATA });
    expect(primary.requests.map((req) => req.url)).toEqual([TARGET, TARGET]);
    expect(backup.requests).toHaveLength(0);
    expect(client.events).toMatchObject([
      {
        attempt: 1,
        method: 'GET',
        host: primary.host,
        path: PATH,
        outcome: 'http',
        status: 500,
        code: 'SYSTEM_ERROR',
        requestId: 'REQ-P-1',
      },
      { attempt: 2, method: 'GET', host: primary.host, path: PATH, outcome: 'ok', status: 200, requestId: 'REQ-P-2' },
    ]);
    expect(client.delays).toHaveLength(1);
  });

  it('on a lasting 500 tries the primary twice, then the backup, and reports the last Request-ID', async () => {
    answersError(primary, 'P', 500, 'SYSTEM_ERROR');
    answersError(backup, 'B', 500, 'SYSTEM_ERROR');
    const client = makeClient();

    const error = await wechatPayFailure(client.get(PATH, PARAMS));

    expect(error).toMatchObject({ kind: 'http', status: 500, code: 'SYSTEM_ERROR', requestId: 'REQ-B-1' });
    expect(hostsOf(client.events)).toEqual([primary.host, primary.host, backup.host]);
    expect(client.events.map((event) => event.attempt)).toEqual([1, 2, 3]);
    expect(client.events.map((event) => event.requestId)).toEqual(['REQ-P-1', 'REQ-P-2', 'REQ-B-1']);
    expect(primary.requests).toHaveLength(2);
    expect(backup.requests).toHaveLength(1);
    // The backup gets the very same GET.
    expect(backup.requests[0].url).toBe(TARGET);
  });

  it.each([
    [429, 'RATELIMIT_EXCEEDED'],
    [400, 'PARAM_ERROR'],
    [401, 'SIGN_ERROR'],
    [403, 'NO_AUTH'],
    [404, 'NOT_FOUND'],
  ])('does not retry a %i %s, and tells its code and Request-ID', async (status, code) => {
    answersError(primary, 'P', status, code);
    answersOk(backup, 'B');
    const client = makeClient();

    const error = await wechatPayFailure(client.get(PATH, PARAMS));

    expect(error).toMatchObject({ kind: 'http', status, code, requestId: 'REQ-P-1' });
    expect(primary.requests).toHaveLength(1);
    expect(backup.requests).toHaveLength(0);
    expect(client.delays).toEqual([]);
    expect(client.events).toMatchObject([{ attempt: 1, outcome: 'http', status, code, requestId: 'REQ-P-1' }]);

    // Refusals say nothing about the host's health: the next call stays on the primary.
    await wechatPayFailure(client.get(PATH, PARAMS));
    await wechatPayFailure(client.get(PATH, PARAMS));
    expect(primary.requests).toHaveLength(3);
    expect(backup.requests).toHaveLength(0);
  });

  it('refuses a tampered body after a single request and never fails over', async () => {
    primary.handle((_, res) => {
      const forged = BODY.replace('"ADD"', '"DELETE"');
      res.writeHead(200, {
        'content-type': 'application/json',
        'request-id': 'REQ-TAMPERED',
        ...signedAnswerHeaders(wechat.privateKey, WECHAT_SERIAL, BODY),
      });
      res.end(forged);
    });
    answersOk(backup, 'B');
    const client = makeClient();

    const error = await wechatPayFailure(client.get(PATH, PARAMS));

    expect(error).toMatchObject({
      kind: 'unverified',
      status: 200,
      requestId: 'REQ-TAMPERED',
      detail: { reason: 'bad-signature' },
    });
    expect(primary.requests).toHaveLength(1);
    expect(backup.requests).toHaveLength(0);
    expect(client.delays).toEqual([]);
  });

  it('retries after a WECHATPAY/SIGNTEST/ signature probe and returns the real answer', async () => {
    primary.handle((_, res, __, count) => {
      if (count > 1) return answerSigned(res, signing(), BODY, `REQ-P-${count}`);
      res.writeHead(200, {
        'content-type': 'application/json',
        'request-id': 'REQ-PROBE',
        ...signedAnswerHeaders(wechat.privateKey, WECHAT_SERIAL, BODY),
        'wechatpay-signature': 'WECHATPAY/SIGNTEST/9TVH7ZtJ0PC1Y5zqH0Xvbw==',
      });
      res.end(BODY);
    });
    const client = makeClient();

    const answer = await client.get(PATH, PARAMS);

    expect(answer.json).toEqual(DATA);
    expect(answer.requestId).toBe('REQ-P-2');
    expect(primary.requests).toHaveLength(2);
    expect(client.events).toMatchObject([
      { attempt: 1, outcome: 'unverified', requestId: 'REQ-PROBE' },
      { attempt: 2, outcome: 'ok' },
    ]);
  });

  it('does not fail over because of signature probes: a probe is no host failure', async () => {
    primary.handle((_, res) => {
      res.writeHead(200, {
        'request-id': 'REQ-PROBE',
        ...signedAnswerHeaders(wechat.privateKey, WECHAT_SERIAL, BODY),
        'wechatpay-signature': 'WECHATPAY/SIGNTEST/AAAA',
      });
      res.end(BODY);
    });
    answersOk(backup, 'B');
    const client = makeClient();

    const error = await wechatPayFailure(client.get(PATH, PARAMS));

    expect(error).toMatchObject({ kind: 'unverified', detail: { reason: 'signature-probe' } });
    expect(primary.requests).toHaveLength(3);
    expect(backup.requests).toHaveLength(0);
  });
});

describe('backoff', () => {
  it('passes growing, jittered delays to sleep: 100 then 200 ms with random 0.5 and the default base 200', async () => {
    answersError(primary, 'P', 503, 'SERVICE_UNAVAILABLE');
    answersError(backup, 'B', 503, 'SERVICE_UNAVAILABLE');
    const client = makeClient({ random: () => 0.5 });

    await wechatPayFailure(client.get(PATH, PARAMS));

    expect(client.delays).toEqual([100, 200]);
  });

  it('draws the jitter from the injected random source for each wait', async () => {
    answersError(primary, 'P', 502, 'SYSTEM_ERROR');
    answersError(backup, 'B', 502, 'SYSTEM_ERROR');
    const draws = [0.999, 0];
    const client = makeClient({ random: () => draws.shift() ?? 0.5, maxAttempts: 5 });

    await wechatPayFailure(client.get(PATH, PARAMS));

    // Ceilings 200, 400, 800, 1600 (under the default 2000 cap).
    expect(client.delays).toEqual([199, 0, 400, 800]);
    // A failing backup sends the next attempt back to the primary.
    expect(hostsOf(client.events)).toEqual([primary.host, primary.host, backup.host, primary.host, primary.host]);
  });

  it('uses the configured backoff, capped at its maximum', async () => {
    answersError(primary, 'P', 500, 'SYSTEM_ERROR');
    answersError(backup, 'B', 500, 'SYSTEM_ERROR');
    const client = makeClient({ random: () => 0.5, maxAttempts: 4, backoff: { baseMs: 1_000, maxMs: 1_500 } });

    await wechatPayFailure(client.get(PATH, PARAMS));

    expect(client.delays).toEqual([500, 750, 750]);
  });
});

describe('which failure staff are told about', () => {
  it('keeps WeChat’s own 500 with its code and Request-ID over a later network failure', async () => {
    answersError(primary, 'P', 500, 'SYSTEM_ERROR');
    const client = makeClient({ backupBaseUrl: await closedPortUrl() });
    const error = await wechatPayFailure(client.get(PATH, PARAMS));
    expect(error).toMatchObject({ kind: 'http', status: 500, code: 'SYSTEM_ERROR' });
    expect(error.requestId).toBe('REQ-P-2');
  });
});

describe('failover', () => {
  it('answers from the backup when the primary refuses connections, stays there, and retries the primary after the cool-down', async () => {
    const closed = await closedPortUrl();
    const closedHost = new URL(closed).host;
    answersOk(backup, 'B');
    const cooldownMs = 300;
    const client = makeClient({ baseUrl: closed, failoverCooldownMs: cooldownMs });

    const first = await client.get(PATH, PARAMS);
    expect(first).toEqual({ status: 200, requestId: 'REQ-B-1', json: DATA });
    expect(hostsOf(client.events)).toEqual([closedHost, closedHost, backup.host]);
    expect(client.events.map((event) => event.outcome)).toEqual(['network', 'network', 'ok']);

    // The next call goes straight to the backup: no new attempt on the primary at all.
    const seen = { events: client.events.length, origins: client.origins.length };
    const second = await client.get(PATH, PARAMS);
    expect(second.json).toEqual(DATA);
    expect(hostsOf(client.events.slice(seen.events))).toEqual([backup.host]);
    expect(client.origins.slice(seen.origins)).toEqual([backup.url]);
    expect(client.delays).toHaveLength(2);

    await waitMs(cooldownMs + 50);

    const afterCooldown = client.events.length;
    const third = await client.get(PATH, PARAMS);
    expect(third.json).toEqual(DATA);
    expect(hostsOf(client.events.slice(afterCooldown))).toEqual([closedHost, closedHost, backup.host]);
    expect(backup.requests).toHaveLength(3);
  });

  it('comes back to a primary that has recovered once the cool-down has passed', async () => {
    primary.handle((_, res, __, count) =>
      count <= 2
        ? answerError(res, 503, 'SERVICE_UNAVAILABLE', `REQ-P-${count}`)
        : answerSigned(res, signing(), BODY, `REQ-P-${count}`),
    );
    answersOk(backup, 'B');
    const cooldownMs = 300;
    const client = makeClient({ failoverCooldownMs: cooldownMs });

    expect((await client.get(PATH, PARAMS)).requestId).toBe('REQ-B-1');
    expect((await client.get(PATH, PARAMS)).requestId).toBe('REQ-B-2');
    expect(primary.requests).toHaveLength(2);

    await waitMs(cooldownMs + 50);

    expect((await client.get(PATH, PARAMS)).requestId).toBe('REQ-P-3');
    expect((await client.get(PATH, PARAMS)).requestId).toBe('REQ-P-4');
    expect(backup.requests).toHaveLength(2);
  });

  it('without a backup, retries only the primary', async () => {
    answersError(primary, 'P', 500, 'SYSTEM_ERROR');
    const client = makeClient({ backupBaseUrl: undefined });

    const error = await wechatPayFailure(client.get(PATH, PARAMS));

    expect(error).toMatchObject({ kind: 'http', status: 500, requestId: 'REQ-P-3' });
    expect(hostsOf(client.events)).toEqual([primary.host, primary.host, primary.host]);
    expect(backup.requests).toHaveLength(0);
  });

  it('makes no attempt to any host but baseUrl and backupBaseUrl, and sends each the same target', async () => {
    const closed = await closedPortUrl();
    answersError(backup, 'B', 500, 'SYSTEM_ERROR');
    const failing = makeClient({ baseUrl: closed, failoverCooldownMs: 60_000 });
    await wechatPayFailure(failing.get(PATH, PARAMS));
    await wechatPayFailure(failing.get(PATH, PARAMS));

    answersOk(primary, 'P');
    const healthy = makeClient();
    await healthy.get(PATH, PARAMS);
    await healthy.get(PATH, { ...PARAMS, offset: 20 });

    expect(new Set(failing.origins)).toEqual(new Set([new URL(closed).origin, backup.url]));
    expect(new Set(healthy.origins)).toEqual(new Set([primary.url]));
    // One dispatched request per observed attempt: nothing was sent that operators did not see.
    expect(failing.origins).toHaveLength(failing.events.length);
    expect(healthy.origins).toHaveLength(healthy.events.length);
    for (const server of [primary, backup]) {
      for (const request of server.requests) {
        expect(request.host).toBe(server.host);
        expect(request.url.startsWith(`${PATH}?plan_id=101164396123311331&contract_status=ALL&offset=`)).toBe(true);
      }
    }
  });
});

describe('redirects', () => {
  it('does not follow a redirect to another host', async () => {
    const elsewhere = await startFakeWechat();
    opened.push(elsewhere);
    answersOk(elsewhere, 'E');
    primary.handle((_, res, __, count) => {
      res.writeHead(302, { location: `${elsewhere.url}${TARGET}`, 'request-id': `REQ-P-${count}` });
      res.end();
    });
    answersOk(backup, 'B');
    const client = makeClient();

    const error = await wechatPayFailure(client.get(PATH, PARAMS));

    expect(error).toMatchObject({ kind: 'http', status: 302, requestId: 'REQ-P-1' });
    expect(elsewhere.requests).toHaveLength(0);
    expect(primary.requests).toHaveLength(1);
    expect(client.origins).toEqual([primary.url]);
  });
});

describe('time budgets and connections', () => {
  it('gives up with kind "timeout" within the deadline when no server ever answers', async () => {
    neverAnswers(primary);
    neverAnswers(backup);
    const client = makeClient({ timeoutMs: 100, deadlineMs: 300 });

    const error = await wechatPayFailure(client.get(PATH, PARAMS));

    expect(error.kind).toBe('timeout');
    expect(client.events.length).toBeGreaterThanOrEqual(1);
    expect(client.events.length).toBeLessThanOrEqual(3);
    expect(client.events.every((event) => event.outcome === 'timeout')).toBe(true);
    expect(primary.requests.length + backup.requests.length).toBeLessThanOrEqual(3);
  });

  it('stops at the deadline, however many attempts are allowed', async () => {
    neverAnswers(primary);
    neverAnswers(backup);
    const client = makeClient({ timeoutMs: 100, deadlineMs: 300, maxAttempts: 10 });

    const error = await wechatPayFailure(client.get(PATH, PARAMS));

    expect(error.kind).toBe('timeout');
    expect(client.events.length).toBeGreaterThanOrEqual(1);
    expect(client.events.length).toBeLessThanOrEqual(3);
    expect(client.origins.length).toBeLessThanOrEqual(3);
  });

  it('never asks to wait past the deadline, whatever the backoff', async () => {
    answersError(primary, 'P', 500, 'SYSTEM_ERROR');
    answersError(backup, 'B', 500, 'SYSTEM_ERROR');
    const client = makeClient({
      timeoutMs: 1_000,
      deadlineMs: 1_500,
      random: () => 0.999,
      backoff: { baseMs: 60_000, maxMs: 600_000 },
    });

    await wechatPayFailure(client.get(PATH, PARAMS));

    expect(client.delays.length).toBeGreaterThanOrEqual(1);
    for (const delay of client.delays) {
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(1_500);
    }
  });

  it('keeps connections alive between calls instead of connecting for each', async () => {
    answersOk(primary, 'P');
    const client = makeClient();
    for (let i = 0; i < 10; i += 1) await client.get(PATH, PARAMS);
    expect(primary.requests).toHaveLength(10);
    // undici may open a second socket when a call follows the previous one within the same tick
    // (the first is not yet back in the pool); what matters is that calls do not each connect.
    expect(primary.connections).toBeLessThanOrEqual(2);
  });
});

describe('call-level verifier', () => {
  it("verifies the answer with the call's verifier instead of the client's", async () => {
    const other = generateRsaKeys();
    const otherVerifier = createVerifier({ keys: staticKeys(new Map([['CERT_SERIAL_OTHER', other.publicKey]])) });
    primary.handle((_, res, __, count) =>
      answerSigned(res, { privateKey: other.privateKey, serial: 'CERT_SERIAL_OTHER' }, BODY, `REQ-P-${count}`),
    );
    const client = makeClient();

    // The client's own verifier does not know this key…
    await expect(wechatPayFailure(client.get(PATH, PARAMS))).resolves.toMatchObject({
      kind: 'unverified',
      detail: { reason: 'unknown-serial' },
    });
    // …the call's does.
    const answer = await client.get(PATH, PARAMS, { verifier: otherVerifier });
    expect(answer).toEqual({ status: 200, requestId: 'REQ-P-2', json: DATA });
  });

  it("refuses an answer the call's verifier refuses, even when the client's would accept it", async () => {
    answersOk(primary, 'P');
    const bodies: string[] = [];
    const refusing: Verifier = {
      async verify(answer) {
        bodies.push(answer.body);
        return { ok: false, reason: 'bad-signature' };
      },
    };
    const client = makeClient();

    const error = await wechatPayFailure(client.get(PATH, PARAMS, { verifier: refusing }));

    expect(error).toMatchObject({ kind: 'unverified', detail: { reason: 'bad-signature' } });
    expect(bodies).toEqual([BODY]);
    // The client's own verifier is still used for calls without one.
    await expect(client.get(PATH, PARAMS)).resolves.toMatchObject({ json: DATA });
  });
});

describe('under load', () => {
  /** Answers each request after `ms`, counting how many were open at once. */
  function answersSlowly(server: FakeWechat, ms: number) {
    const open = { now: 0, most: 0 };
    server.handle((_, res, __, count) => {
      open.now += 1;
      open.most = Math.max(open.most, open.now);
      setTimeout(() => {
        open.now -= 1;
        answerSigned(res, signing(), BODY, `REQ-S-${count}`);
      }, ms);
    });
    return open;
  }

  it('sends no more calls at once than its bound: the others wait their turn and are answered', async () => {
    const open = answersSlowly(primary, 100);
    const client = makeClient({ inFlight: { limit: 2, maxWaitMs: 5_000 } });
    const answers = await Promise.all(Array.from({ length: 5 }, () => client.get(PATH, PARAMS)));
    expect(answers.map((answer) => answer.json)).toEqual(Array(5).fill(DATA));
    expect(open.most).toBe(2);
    expect(primary.requests).toHaveLength(5);
  });

  it('tells a call that cannot start in time that it is busy, and sends it nowhere', async () => {
    answersSlowly(primary, 300);
    const client = makeClient({ inFlight: { limit: 1, maxWaitMs: 50 } });
    const [first, second] = await Promise.allSettled([client.get(PATH, PARAMS), client.get(PATH, PARAMS)]);
    expect(first.status).toBe('fulfilled');
    expect(second).toMatchObject({ status: 'rejected', reason: { name: 'WechatPayError', kind: 'busy' } });
    expect(primary.requests).toHaveLength(1);
    expect(backup.requests).toHaveLength(0);
  });

  it('stops retrying once most calls fail, instead of multiplying the load', async () => {
    answersError(primary, 'P', 500, 'SYSTEM_ERROR');
    const client = makeClient({ backupBaseUrl: undefined, retryBudget: { ratio: 0, max: 1 } });
    for (let call = 0; call < 3; call += 1) {
      expect((await wechatPayFailure(client.get(PATH, PARAMS))).code).toBe('SYSTEM_ERROR');
    }
    // One retry saved and none earned: 2 attempts for the first call, 1 for each after it.
    expect(primary.requests).toHaveLength(4);
  });
});

describe('cancellation', () => {
  it('ends the attempt at once when the caller aborts, without retrying or failing over', async () => {
    neverAnswers(primary);
    answersOk(backup, 'B');
    const client = makeClient({ timeoutMs: 5_000, deadlineMs: 15_000 });
    const controller = new AbortController();
    const started = performance.now();
    const pending = wechatPayFailure(client.get(PATH, PARAMS, { signal: controller.signal }));
    await waitMs(100);
    controller.abort();

    const error = await pending;
    expect(error.kind).toBe('cancelled');
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(client.events.map((event) => event.outcome)).toEqual(['cancelled']);
    expect(backup.requests).toHaveLength(0);

    // A cancel says nothing about the host: the next call still starts at the primary.
    answersOk(primary, 'P');
    await client.get(PATH, PARAMS);
    expect(hostsOf(client.events).at(-1)).toBe(new URL(primary.url).host);
  });

  it('sends nothing for a call cancelled before it starts', async () => {
    answersOk(primary, 'P');
    const client = makeClient();
    const error = await wechatPayFailure(client.get(PATH, PARAMS, { signal: AbortSignal.abort() }));
    expect(error.kind).toBe('cancelled');
    expect(primary.requests).toHaveLength(0);
  });
});
