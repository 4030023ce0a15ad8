import { type Dispatcher, request } from 'undici';
import { WechatPayError } from './errors';
import type { Signer } from './signer';
import { firstHeader, type HeaderBag, type Verifier } from './verifier';

/** An answer larger than this is not a contracts page (40 rows are ~15 kB): refuse it. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface VerifiedAnswer {
  status: number;
  requestId?: string;
  /** Parsed only after the raw text passed signature verification. */
  json: unknown;
}

/** What every attempt of a client sends with: the connection pool, the signer and fixed headers. */
export interface AttemptSetup {
  dispatcher: Dispatcher;
  signer: Signer;
  userAgent: string;
  /** Sent on every request, e.g. `Wechatpay-Serial: PUB_KEY_ID_…` in public-key mode. */
  headers?: Record<string, string>;
}

export interface AttemptOptions {
  timeoutMs: number;
  verifier: Verifier;
  /** The caller's signal: its abort ends the attempt as `cancelled`, not as a timeout. */
  signal?: AbortSignal;
}

export const cancelled = (cause?: unknown) =>
  new WechatPayError('cancelled by the caller', { kind: 'cancelled', cause });

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

/** Sends the signed GET and reads the whole answer as text, within the attempt's time. */
async function send(
  setup: AttemptSetup,
  url: URL,
  { timeoutMs, signal }: AttemptOptions,
): Promise<{ response: Dispatcher.ResponseData; text: string }> {
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
    const response = await request(url, {
      method: 'GET',
      dispatcher: setup.dispatcher,
      signal: deadline.signal,
      headers: {
        ...setup.headers,
        accept: 'application/json',
        'user-agent': setup.userAgent,
        authorization: setup.signer.authorization('GET', url.pathname + url.search, ''),
      },
    });
    return { response, text: await readCapped(response.body) };
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
}

/**
 * One attempt: sign, send, read (capped), and verify before anything is parsed. The signed
 * request target is `pathname + search` of `url`, exactly what goes on the wire.
 */
export async function attempt(setup: AttemptSetup, url: URL, options: AttemptOptions): Promise<VerifiedAnswer> {
  const { response, text } = await send(setup, url, options);
  const headers = response.headers as HeaderBag;
  const requestId = firstHeader(headers, 'request-id');
  const status = response.statusCode;

  if (status < 200 || status >= 300) {
    const { code, message, detail } = parseErrorBody(text);
    throw new WechatPayError(message ?? `HTTP ${status}`, { kind: 'http', status, code, requestId, detail });
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
    throw new WechatPayError('verified answer is not JSON', { kind: 'malformed', status, requestId, cause: error });
  }
}
