import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import autocannon from 'autocannon';
import type { Browser, Request } from 'playwright-core';
import zh from '@/messages/zh-CN.json';
import { actionBodyHasRows, DEMO_SEARCH, expectedPageTwoCodes } from './demo';
import type { SignedIn } from './session';

/** The server-action request exactly as the browser sent it when 下一页 was clicked. */
export interface CapturedAction {
  /** Path and query the POST went to (the page's URL after the click). */
  path: string;
  headers: Record<string, string>;
  body: string;
  /** The status the browser got for it. */
  browserStatus: number;
  /** Replayed once with fetch, the request got a 200 with the expected rows. */
  replayOk: boolean;
}

/** Headers the load generator writes itself (per connection or per body). */
const TRANSPORT_HEADERS = new Set(['host', 'content-length', 'connection']);

export async function captureAction(browser: Browser, baseUrl: string, signedIn: SignedIn): Promise<CapturedAction> {
  const context = await browser.newContext({ storageState: signedIn });
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}${DEMO_SEARCH}`);
    // A click on the HTML before React has hydrated it does nothing: click until the action is sent.
    await page.waitForLoadState('load');
    const isAction = (request: Request) => request.method() === 'POST' && 'next-action' in request.headers();
    let request: Request | undefined;
    for (let attempt = 0; attempt < 10 && !request; attempt += 1) {
      const posted = page.waitForRequest(isAction, { timeout: 3_000 }).catch(() => undefined);
      await page.getByRole('button', { name: zh.pagination.next }).click();
      request = await posted;
    }
    if (!request) throw new Error(`clicking ${zh.pagination.next} sent no server-action request`);
    const response = await request.response();
    const all = await request.allHeaders();
    const headers = Object.fromEntries(Object.entries(all).filter(([name]) => !TRANSPORT_HEADERS.has(name)));
    const url = new URL(request.url());
    const captured = { path: url.pathname + url.search, headers, body: request.postData() ?? '' };
    // Replayed once outside the browser, the request must get the page the browser got.
    const replay = await fetch(`${baseUrl}${captured.path}`, { method: 'POST', headers, body: captured.body });
    const replayText = await replay.text();
    return {
      ...captured,
      browserStatus: response?.status() ?? 0,
      replayOk: replay.status === 200 && actionBodyHasRows(replayText, expectedPageTwoCodes()),
    };
  } finally {
    await context.close();
  }
}

export interface LoadRun {
  latenciesMs: number[];
  ok: number;
  errors: number;
  elapsedMs: number;
  /** CPU the process under test used during the run (the Next.js server, or the direct worker), ms. */
  cpuMs: number;
  firstError?: string;
}

/** autocannon's per-connection queue of in-flight requests (internal; autocannon 9.0.0 is pinned). */
interface InFlight {
  headers: { statusCode?: number; headers?: string[] };
  duration: number;
  raw?: Buffer[];
}
interface InFlightQueue {
  peek(): InFlight | undefined;
  addBody(data: Buffer): void;
  terminateRequest(): InFlight | undefined;
}

function decode(raw: Buffer, encoding: string | undefined): string {
  switch (encoding) {
    case undefined:
    case 'identity':
      return raw.toString('utf8');
    case 'gzip':
      return gunzipSync(raw).toString('utf8');
    case 'br':
      return brotliDecompressSync(raw).toString('utf8');
    case 'deflate':
      return inflateSync(raw).toString('utf8');
    default:
      throw new Error(`cannot decode content-encoding ${encoding}`);
  }
}

function headerValue(raw: string[] | undefined, name: string): string | undefined {
  for (let i = 0; raw && i < raw.length; i += 2) if (raw[i].toLowerCase() === name) return raw[i + 1];
  return undefined;
}

export interface LoadOptions {
  connections: number;
  /** Either a duration… */
  seconds?: number;
  /** …or a number of requests. */
  amount?: number;
  /** CPU used so far by the server under test, ms (e.g. from /proc). */
  cpuOf?: () => number;
}

/**
 * Replays the captured request with autocannon. autocannon keeps response bodies as strings,
 * which garbles a compressed body, so each client's in-flight queue is tapped for the raw bytes:
 * every answer is decompressed and must be a 200 holding the expected rows, or it is an error.
 */
export async function runAction(baseUrl: string, captured: CapturedAction, options: LoadOptions): Promise<LoadRun> {
  const expected = expectedPageTwoCodes();
  const latenciesMs: number[] = [];
  let ok = 0;
  let wrong = 0;
  let firstError: string | undefined;

  const check = (entry: InFlight) => {
    const status = entry.headers.statusCode ?? 0;
    let verdict = status === 200;
    if (verdict) {
      try {
        const text = decode(Buffer.concat(entry.raw ?? []), headerValue(entry.headers.headers, 'content-encoding'));
        verdict = actionBodyHasRows(text, expected);
        if (!verdict) firstError ??= `200 without the expected rows: ${text.slice(0, 200)}`;
      } catch (error) {
        verdict = false;
        firstError ??= String(error);
      }
    } else {
      firstError ??= `HTTP ${status}`;
    }
    if (verdict) {
      ok += 1;
      latenciesMs.push(entry.duration);
    } else {
      wrong += 1;
    }
  };

  const setupClient = (client: autocannon.Client) => {
    const queue = (client as unknown as { pipelinedRequests: InFlightQueue }).pipelinedRequests;
    queue.addBody = (data: Buffer) => {
      const entry = queue.peek();
      if (!entry) return;
      entry.raw ??= [];
      entry.raw.push(Buffer.from(data));
    };
    const terminate = queue.terminateRequest.bind(queue);
    queue.terminateRequest = () => {
      const entry = terminate();
      if (entry) check(entry);
      return entry;
    };
  };

  const cpuBefore = options.cpuOf?.() ?? Number.NaN;
  const started = performance.now();
  const result = await autocannon({
    url: baseUrl,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 10 }),
    timeout: 10,
    requests: [{ method: 'POST', path: captured.path, headers: captured.headers, body: captured.body }],
    setupClient,
  });
  const elapsedMs = performance.now() - started;
  const cpuMs = (options.cpuOf?.() ?? Number.NaN) - cpuBefore;
  if (result.errors > 0) firstError ??= `${result.errors} connection errors/timeouts`;
  return { latenciesMs, ok, errors: wrong + result.errors, elapsedMs, cpuMs, firstError };
}
