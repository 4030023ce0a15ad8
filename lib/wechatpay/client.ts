import { Agent, type Dispatcher, request } from 'undici';
import { isWechatPayError, WechatPayError } from './errors';
import { createHostBreaker } from './host-breaker';
import { type BackoffOptions, backoffDelay, isHostFailure, isRetryable } from './retry';
import type { Signer } from './signer';
import type { HeaderBag, Verifier } from './verifier';

/** An answer larger than this is not a contracts page (40 rows are ~15 kB): refuse it. */
const MAX_BODY_BYTES = 1024 * 1024;
/** Below this budget an attempt is not started. */
const MIN_ATTEMPT_MS = 100;

export interface CallEvent {
  /** 1 for the first attempt of a call, 2 for its first retry… */
  attempt: number;
  method: string;
  host: string;
  path: string;
  status?: number;
  code?: string;
  requestId?: string;
  durationMs: number;
  outcome: 'ok' | WechatPayError['kind'];
  /** The failure itself, for operators' logs (never shown to staff as is). */
  error?: WechatPayError;
}

export interface ClientOptions {
  baseUrl: string;
  /** WeChat's other region; used when the primary keeps failing. */
  backupBaseUrl?: string;
  signer: Signer;
  verifier: Verifier;
  userAgent: string;
  /** Budget for one attempt: connecting, sending and reading the whole answer. */
  timeoutMs: number;
  /** Budget for the whole call, retries included: what a clerk on the phone will wait. */
  deadlineMs?: number;
  /** Attempts per call, the first included. */
  maxAttempts?: number;
  backoff?: BackoffOptions;
  /** How long to stay on the backup host once the primary has failed twice in a row. */
  failoverCooldownMs?: number;
  /** Sent on every request, e.g. `Wechatpay-Serial: PUB_KEY_ID_…` in public-key mode. */
  headers?: Record<string, string>;
  /** Defaults to a keep-alive agent owned by this client. */
  dispatcher?: Dispatcher;
  /** Told about every attempt, for operators' logs. */
  observe?: (event: CallEvent) => void;
  /** Injectable for tests: jitter source and waiting. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface VerifiedAnswer {
  status: number;
  requestId?: string;
  /** Parsed only after the raw text passed signature verification. */
  json: unknown;
}

export interface CallOptions {
  /** Verifies this call's answer instead of the client's verifier (the certificate download). */
  verifier?: Verifier;
  /** Ends the call, attempt and retries, when the caller no longer wants the answer. */
  signal?: AbortSignal;
}

const cancelled = (cause?: unknown) => new WechatPayError('cancelled by the caller', { kind: 'cancelled', cause });

export interface WechatPayClient {
  get(path: string, query: Record<string, string | number>, options?: CallOptions): Promise<VerifiedAnswer>;
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

/**
 * Which failure to report when every attempt failed: WeChat's own answer (code and Request-ID
 * that staff can quote) over a later timeout or network error, and otherwise the latest.
 */
function moreTelling(earlier: WechatPayError | undefined, later: WechatPayError): WechatPayError {
  const weight = (error: WechatPayError) => (error.kind === 'http' ? 2 : error.kind === 'unverified' ? 1 : 0);
  return earlier && weight(earlier) > weight(later) ? earlier : later;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createWechatPayClient(options: ClientOptions): WechatPayClient {
  const ownsDispatcher = !options.dispatcher;
  const dispatcher = options.dispatcher ?? new Agent({ keepAliveTimeout: 30_000, connections: 32 });
  const observe = options.observe ?? (() => {});
  const maxAttempts = options.maxAttempts ?? 3;
  const deadlineMs = options.deadlineMs ?? options.timeoutMs * maxAttempts;
  const backoff = options.backoff ?? { baseMs: 200, maxMs: 2_000 };
  const sleep = options.sleep ?? defaultSleep;
  const breaker = createHostBreaker({
    primary: options.baseUrl,
    backup: options.backupBaseUrl,
    cooldownMs: options.failoverCooldownMs ?? 60_000,
  });

  /** One attempt: sign, send, read, and verify before anything is parsed. */
  async function attempt(
    url: URL,
    timeoutMs: number,
    verifier: Verifier,
    signal?: AbortSignal,
  ): Promise<VerifiedAnswer> {
    const target = url.pathname + url.search;
    let response: Dispatcher.ResponseData;
    let text: string;
    // A timer cleared as soon as the attempt ends, not AbortSignal.timeout: that one lives until it
    // fires and carries the whole Next.js request with it (see BENCHMARKS.md, memory).
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError')),
      timeoutMs,
    );
    const stop = () => deadline.abort(signal?.reason);
    signal?.addEventListener('abort', stop, { once: true });
    try {
      response = await request(url, {
        method: 'GET',
        dispatcher,
        signal: deadline.signal,
        headers: {
          ...options.headers,
          accept: 'application/json',
          'user-agent': options.userAgent,
          authorization: options.signer.authorization('GET', target, ''),
        },
      });
      text = await readCapped(response.body);
    } catch (error) {
      if (signal?.aborted) throw cancelled(error);
      const timeout = isTimeout(error);
      throw new WechatPayError(timeout ? `no answer within ${timeoutMs} ms` : `request failed: ${String(error)}`, {
        kind: timeout ? 'timeout' : 'network',
        cause: error,
      });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
    }

    const headers = response.headers as HeaderBag;
    const requestId = firstHeader(headers, 'request-id');
    const status = response.statusCode;

    if (status < 200 || status >= 300) {
      const { code, message, detail } = parseErrorBody(text);
      throw new WechatPayError(message ?? `HTTP ${status}`, { kind: 'http', status, code, requestId, detail });
    }

    const verification = await verifier.verify({ headers, body: text });
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
      throw new WechatPayError('verified answer is not JSON', { kind: 'malformed', status, requestId, cause: error });
    }
  }

  return {
    async get(path, query, callOptions = {}) {
      const verifier = callOptions.verifier ?? options.verifier;
      const deadline = performance.now() + deadlineMs;
      let lastError: WechatPayError | undefined;
      for (let number = 1; number <= maxAttempts; number += 1) {
        const remaining = deadline - performance.now();
        // An attempt with almost no time left cannot succeed; the last failure says more.
        if (remaining < Math.min(options.timeoutMs, MIN_ATTEMPT_MS)) break;
        if (callOptions.signal?.aborted) throw cancelled();
        const host = breaker.host();
        const url = buildRequestUrl(host, path, query);
        const started = performance.now();
        const event = { attempt: number, method: 'GET', host: url.host, path: url.pathname };
        try {
          const answer = await attempt(
            url,
            Math.ceil(Math.min(options.timeoutMs, remaining)),
            verifier,
            callOptions.signal,
          );
          breaker.success(host);
          observe({
            ...event,
            status: answer.status,
            requestId: answer.requestId,
            durationMs: performance.now() - started,
            outcome: 'ok',
          });
          return answer;
        } catch (thrown) {
          const error = isWechatPayError(thrown)
            ? thrown
            : new WechatPayError(`call failed: ${String(thrown)}`, { kind: 'network', cause: thrown });
          observe({
            ...event,
            status: error.status,
            code: error.code,
            requestId: error.requestId,
            durationMs: performance.now() - started,
            outcome: error.kind,
            error,
          });
          if (isHostFailure(error)) breaker.failure(host);
          if (!isRetryable(error)) throw error;
          lastError = moreTelling(lastError, error);
        }
        if (number < maxAttempts) {
          await sleep(
            Math.min(backoffDelay(number, backoff, options.random), Math.max(0, deadline - performance.now())),
          );
        }
      }
      throw lastError ?? new WechatPayError(`no answer within ${deadlineMs} ms`, { kind: 'timeout' });
    },
    async close() {
      if (ownsDispatcher) await dispatcher.close();
    },
  };
}
