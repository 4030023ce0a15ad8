import { verify } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRsaKeys, type RsaKeys } from '@/test-support/keys';
import {
  answerSigned,
  closedPortUrl,
  type FakeWechat,
  startFakeWechat,
  wechatPayFailure,
} from '@/test-support/wechat-server';
import { buildRequestUrl, createWechatPayClient, type WechatPayClient } from './client';
import { createSigner } from './signer';
import { createVerifier, staticKeys } from './verifier';

const PATH = '/v3/eduschoolpay/users/oUpF8uMuAJO_M2pxb1Q9zNjWeS6o/contracts';
const PARAMS = { plan_id: '101164396123311331', contract_status: 'ALL', offset: 0, limit: 20 };
const WECHAT_SERIAL = 'PUB_KEY_ID_TEST';

describe('buildRequestUrl', () => {
  it('puts the path on the configured host with the query in the given order', () => {
    const url = buildRequestUrl('https://api.mch.weixin.qq.com', PATH, PARAMS);
    expect(url.href).toBe(
      `https://api.mch.weixin.qq.com${PATH}?plan_id=101164396123311331&contract_status=ALL&offset=0&limit=20`,
    );
  });

  it.each([
    ['outside /v3/', '/v2/pay/orderquery'],
    ['climbing out of /v3/', '/v3/../admin'],
    ['an encoded climb', '/v3/%2e%2e/admin'],
    ['a scheme-relative URL', '//evil.example/v3/x'],
    ['a full URL', 'https://evil.example/v3/x'],
    ['a query smuggled into the path', '/v3/x?limit=40'],
    ['a fragment', '/v3/x#frag'],
    ['a space', '/v3/a b'],
  ])('refuses a path that is %s', (_, path) => {
    expect(() => buildRequestUrl('https://api.mch.weixin.qq.com', path, PARAMS)).toThrow();
  });
});

// A small local HTTP server whose behaviour each test chooses.
let server: FakeWechat;
let baseUrl: string;
let handler: (req: IncomingMessage, res: ServerResponse) => void;
let merchant: RsaKeys;
let wechat: RsaKeys;
const clients: WechatPayClient[] = [];

beforeAll(async () => {
  merchant = generateRsaKeys();
  wechat = generateRsaKeys();
  server = await startFakeWechat((req, res) => handler(req, res));
  baseUrl = server.url;
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await server.close();
});

function makeClient(options: { baseUrl?: string; timeoutMs?: number } = {}) {
  const client = createWechatPayClient({
    baseUrl: options.baseUrl ?? baseUrl,
    signer: createSigner({ mchid: '1900000001', serialNo: 'MERCHANTSERIAL', privateKey: merchant.privateKey }),
    verifier: createVerifier({ keys: staticKeys(new Map([[WECHAT_SERIAL, wechat.publicKey]])) }),
    userAgent: 'client-test/1.0',
    timeoutMs: options.timeoutMs ?? 5_000,
    headers: { 'wechatpay-serial': WECHAT_SERIAL },
  });
  clients.push(client);
  return client;
}

function answerSignedByWechat(res: ServerResponse, body: string) {
  answerSigned(res, { privateKey: wechat.privateKey, serial: WECHAT_SERIAL }, body, 'REQ-SIGNED');
}

describe('createWechatPayClient', () => {
  it('sends the very target it signed, with Accept, User-Agent and the configured headers', async () => {
    let seen: IncomingMessage | undefined;
    handler = (req, res) => {
      seen = req;
      answerSignedByWechat(res, '{"data":[]}');
    };
    const answer = await makeClient().get(PATH, PARAMS);
    expect(answer).toEqual({ status: 200, requestId: 'REQ-SIGNED', json: { data: [] } });

    if (!seen) throw new Error('no request arrived');
    expect(seen.url).toBe(`${PATH}?plan_id=101164396123311331&contract_status=ALL&offset=0&limit=20`);
    expect(seen.headers.accept).toBe('application/json');
    expect(seen.headers['user-agent']).toBe('client-test/1.0');
    expect(seen.headers['wechatpay-serial']).toBe(WECHAT_SERIAL);

    const auth = /nonce_str="([^"]+)",signature="([^"]+)",timestamp="([^"]+)"/.exec(seen.headers.authorization ?? '');
    if (!auth) throw new Error(`no Authorization: ${seen.headers.authorization}`);
    const [, nonce, signature, timestamp] = auth;
    const message = `GET\n${seen.url}\n${timestamp}\n${nonce}\n\n`;
    expect(verify('sha256', Buffer.from(message), merchant.publicKey, Buffer.from(signature, 'base64'))).toBe(true);
  });

  it('reports an error answer with its status, code, message and Request-ID', async () => {
    handler = (_, res) => {
      res.writeHead(400, { 'content-type': 'application/json', 'request-id': 'REQ-400' });
      res.end('{"code":"PARAM_ERROR","message":"plan_id 不存在","detail":{"field":"plan_id"}}');
    };
    await expect(wechatPayFailure(makeClient().get(PATH, PARAMS))).resolves.toMatchObject({
      kind: 'http',
      status: 400,
      code: 'PARAM_ERROR',
      message: 'plan_id 不存在',
      requestId: 'REQ-400',
      detail: { field: 'plan_id' },
    });
  });

  it("still reports a proxy's HTML error page by its status", async () => {
    handler = (_, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body>Bad Gateway</body></html>');
    };
    const error = await wechatPayFailure(makeClient().get(PATH, PARAMS));
    expect(error).toMatchObject({ kind: 'http', status: 502, code: undefined, message: 'HTTP 502' });
  });

  it('refuses a 2xx answer it cannot verify, without parsing it', async () => {
    handler = (_, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'request-id': 'REQ-UNSIGNED' });
      res.end('{"data":[{"contract_id":"forged"}]}');
    };
    await expect(wechatPayFailure(makeClient().get(PATH, PARAMS))).resolves.toMatchObject({
      kind: 'unverified',
      status: 200,
      requestId: 'REQ-UNSIGNED',
      detail: { reason: 'missing-headers' },
    });
  });

  it('calls a verified answer that is not JSON malformed', async () => {
    handler = (_, res) => answerSignedByWechat(res, '<xml>not json</xml>');
    await expect(wechatPayFailure(makeClient().get(PATH, PARAMS))).resolves.toMatchObject({
      kind: 'malformed',
      status: 200,
      requestId: 'REQ-SIGNED',
    });
  });

  it('gives up with kind "timeout" when the server never answers', async () => {
    handler = () => {
      // Keep the connection open and never answer.
    };
    const error = await wechatPayFailure(makeClient({ timeoutMs: 150 }).get(PATH, PARAMS));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/no answer within \d+ ms/);
  });

  it('gives up with kind "timeout" when the answer starts but its body never ends', async () => {
    handler = (_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data":[');
    };
    await expect(wechatPayFailure(makeClient({ timeoutMs: 150 }).get(PATH, PARAMS))).resolves.toMatchObject({
      kind: 'timeout',
    });
  });

  it('reports kind "network" when nothing listens on the port', async () => {
    const error = await wechatPayFailure(makeClient({ baseUrl: await closedPortUrl() }).get(PATH, PARAMS));
    expect(error.kind).toBe('network');
    expect(error.status).toBeUndefined();
  });
});
