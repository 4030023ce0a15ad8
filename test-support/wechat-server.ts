/**
 * Test-only stand-ins for WeChat Pay over real HTTP: a local node:http server that answers the way
 * WeChat does (signed 2xx answers, unsigned error bodies, a Request-ID on every answer), and that
 * records what reached it. Never imported by product code.
 */
import type { KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, type Dispatcher } from 'undici';
import { WechatPayError } from '@/lib/wechatpay/errors';
import { randomNonce, signMessage } from '@/lib/wechatpay/signer';
import { responseMessage } from '@/lib/wechatpay/verifier';

/** WeChat's signature headers over `timestamp\nnonce\nbody\n`, signed with the given key. */
export function signedAnswerHeaders(
  privateKey: KeyObject,
  serial: string,
  body: string,
  options: { timestamp?: string; nonce?: string } = {},
): Record<string, string> {
  const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = options.nonce ?? randomNonce();
  return {
    'wechatpay-timestamp': timestamp,
    'wechatpay-nonce': nonce,
    'wechatpay-serial': serial,
    'wechatpay-signature': signMessage(privateKey, responseMessage(timestamp, nonce, body)),
  };
}

/** A signed 200 with a JSON body, the way WeChat answers a successful call. */
export function answerSigned(
  res: ServerResponse,
  signing: { privateKey: KeyObject; serial: string },
  body: string,
  requestId: string,
): void {
  res.writeHead(200, {
    'content-type': 'application/json',
    'request-id': requestId,
    ...signedAnswerHeaders(signing.privateKey, signing.serial, body),
  });
  res.end(body);
}

/** An unsigned error answer `{ code, message }`, as WeChat sends for 4xx/5xx. */
export function answerError(res: ServerResponse, status: number, code: string, requestId: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': requestId });
  res.end(JSON.stringify({ code, message: `${code} from the test server` }));
}

export interface SeenRequest {
  method: string;
  /** The request target exactly as it arrived (path and query). */
  url: string;
  /** The Host header. */
  host: string;
  headers: IncomingMessage['headers'];
}

export type Handler = (req: IncomingMessage, res: ServerResponse, seen: SeenRequest, count: number) => void;

export interface FakeWechat {
  /** `http://127.0.0.1:<port>`, the baseUrl to give the client. */
  url: string;
  /** `127.0.0.1:<port>`. */
  host: string;
  /** Every request that reached this server, in order. */
  readonly requests: SeenRequest[];
  /** TCP connections accepted so far (keep-alive reuses them). */
  readonly connections: number;
  /** What the server does with the next requests; `count` is 1 for the first request it ever got. */
  handle(handler: Handler): void;
  close(): Promise<void>;
}

/** Starts a local HTTP server on 127.0.0.1 whose behaviour a test chooses with `handle`. */
export async function startFakeWechat(handler?: Handler): Promise<FakeWechat> {
  let current: Handler =
    handler ??
    ((_, res) => {
      res.writeHead(500);
      res.end();
    });
  const requests: SeenRequest[] = [];
  let connections = 0;
  const server: Server = createServer((req, res) => {
    const seen: SeenRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      host: req.headers.host ?? '',
      headers: req.headers,
    };
    requests.push(seen);
    current(req, res, seen, requests.length);
  });
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `http://${host}`,
    host,
    requests,
    get connections() {
      return connections;
    },
    handle(next) {
      current = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A base URL on which nothing listens: connecting to it is refused at once. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/**
 * A keep-alive dispatcher that writes down the origin of every request the client dispatches,
 * including those whose connection is then refused: what the client tried, not what arrived.
 */
export function recordingDispatcher(): { dispatcher: Dispatcher; origins: string[]; close(): Promise<void> } {
  const origins: string[] = [];
  const agent = new Agent({ keepAliveTimeout: 30_000, connections: 32 });
  const dispatcher = agent.compose((dispatch) => (options, handler) => {
    origins.push(new URL(String(options.origin)).origin);
    return dispatch(options, handler);
  });
  return { dispatcher, origins, close: () => agent.close() };
}

/** Awaits a promise that must reject with a WechatPayError, and returns that error. */
export async function wechatPayFailure(promise: Promise<unknown>): Promise<WechatPayError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WechatPayError) return error;
    throw error;
  }
  throw new Error('expected a WechatPayError, but the call succeeded');
}
