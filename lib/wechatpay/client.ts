import { Agent, type Dispatcher, request } from 'undici';
import { isWechatPayError, WechatPayError } from './errors';
import type { Signer } from './signer';
import type { HeaderBag, Verifier } from './verifier';

/** An answer larger than this is not a contracts page (40 rows are ~15 kB): refuse it. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface CallEvent {
  method: string;
  host: string;
  path: string;
  status?: number;
  code?: string;
  requestId?: string;
  durationMs: number;
  outcome: 'ok' | WechatPayError['kind'];
}

export interface ClientOptions {
  baseUrl: string;
  signer: Signer;
  verifier: Verifier;
  userAgent: string;
  /** Per-request budget for connecting, sending and reading the whole answer. */
  timeoutMs: number;
  /** Sent on every request, e.g. `Wechatpay-Serial: PUB_KEY_ID_…` in public-key mode. */
  headers?: Record<string, string>;
  /** Defaults to a keep-alive agent owned by this client. */
  dispatcher?: Dispatcher;
  /** Told about every call, for operators' logs. */
  observe?: (event: CallEvent) => void;
}

export interface VerifiedAnswer {
  status: number;
  requestId?: string;
  /** Parsed only after the raw text passed signature verification. */
  json: unknown;
}

export interface WechatPayClient {
  get(path: string, query: Record<string, string | number>): Promise<VerifiedAnswer>;
  close(): Promise<void>;
}

/**
 * Builds the one URL that is both signed and sent: the signed request target is
 * `pathname + search` of this object, which is exactly what goes on the wire.
 */
export function buildRequestUrl(baseUrl: string, path: string, query: Record<string, string | number>): URL {
  if (!path.startsWith('/v3/')) throw new Error(`refusing a request outside /v3/: ${path}`);
  const base = new URL(baseUrl);
  const url = new URL(path, base);
  if (url.origin !== base.origin || url.pathname !== path) {
    throw new Error('refusing a path that does not stay on the configured host as given');
  }
  url.search = new URLSearchParams(Object.entries(query).map(([name, value]) => [name, String(value)])).toString();
  return url;
}

function firstHeader(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readCapped(body: AsyncIterable<Buffer | Uint8Array>): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error(`answer larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** WeChat's error body `{ code, message, detail }`, read as untrusted text. */
function parseErrorBody(text: string): { code?: string; message?: string; detail?: unknown } {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') {
      const { code, message, detail } = parsed as Record<string, unknown>;
      return {
        code: typeof code === 'string' ? code : undefined,
        message: typeof message === 'string' ? message : undefined,
        detail,
      };
    }
  } catch {
    // Not JSON: an HTML error page from a proxy, say. The status still tells what happened.
  }
  return {};
}

function isTimeout(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (
    error.name === 'TimeoutError' ||
    error.name === 'AbortError' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT' ||
    code === 'UND_ERR_CONNECT_TIMEOUT'
  );
}

export function createWechatPayClient(options: ClientOptions): WechatPayClient {
  const ownsDispatcher = !options.dispatcher;
  const dispatcher = options.dispatcher ?? new Agent({ keepAliveTimeout: 30_000, connections: 32 });
  const observe = options.observe ?? (() => {});

  async function send(url: URL): Promise<VerifiedAnswer> {
    const target = url.pathname + url.search;
    let response: Dispatcher.ResponseData;
    let text: string;
    try {
      response = await request(url, {
        method: 'GET',
        dispatcher,
        signal: AbortSignal.timeout(options.timeoutMs),
        headers: {
          ...options.headers,
          accept: 'application/json',
          'user-agent': options.userAgent,
          authorization: options.signer.authorization('GET', target, ''),
        },
      });
      text = await readCapped(response.body);
    } catch (error) {
      if (isWechatPayError(error)) throw error;
      const timeout = isTimeout(error);
      throw new WechatPayError(
        timeout ? `no answer within ${options.timeoutMs} ms` : `request failed: ${String(error)}`,
        { kind: timeout ? 'timeout' : 'network', cause: error },
      );
    }

    const headers = response.headers as HeaderBag;
    const requestId = firstHeader(headers, 'request-id');
    const status = response.statusCode;

    if (status < 200 || status >= 300) {
      const { code, message, detail } = parseErrorBody(text);
      throw new WechatPayError(message ?? `HTTP ${status}`, {
        kind: 'http',
        status,
        code,
        requestId,
        detail,
      });
    }

    const verification = await options.verifier.verify({ headers, body: text });
    if (!verification.ok) {
      throw new WechatPayError(`answer signature refused: ${verification.reason}`, {
        kind: 'unverified',
        status,
        requestId,
        detail: { reason: verification.reason },
      });
    }

    try {
      return { status, requestId, json: text === '' ? {} : JSON.parse(text) };
    } catch (error) {
      throw new WechatPayError('verified answer is not JSON', {
        kind: 'malformed',
        status,
        requestId,
        cause: error,
      });
    }
  }

  return {
    async get(path, query) {
      const url = buildRequestUrl(options.baseUrl, path, query);
      const started = performance.now();
      try {
        const answer = await send(url);
        observe({
          method: 'GET',
          host: url.host,
          path: url.pathname,
          status: answer.status,
          requestId: answer.requestId,
          durationMs: performance.now() - started,
          outcome: 'ok',
        });
        return answer;
      } catch (error) {
        const failure = error as WechatPayError;
        observe({
          method: 'GET',
          host: url.host,
          path: url.pathname,
          status: failure.status,
          code: failure.code,
          requestId: failure.requestId,
          durationMs: performance.now() - started,
          outcome: failure.kind,
        });
        throw error;
      }
    },
    async close() {
      if (ownsDispatcher) await dispatcher.close();
    },
  };
}
