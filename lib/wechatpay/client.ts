import { Agent, type Dispatcher } from 'undici';
import { type AttemptSetup, attempt, cancelled, type VerifiedAnswer } from './attempt';
import { isWechatPayError, WechatPayError } from './errors';
import { createHostBreaker } from './host-breaker';
import { createInFlightGate, type InFlightGate } from './in-flight';
import { type BackoffOptions, backoffDelay, isHostFailure, isRetryable } from './retry';
import { createRetryBudget, type RetryBudget } from './retry-budget';
import type { Verifier } from './verifier';

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

export interface ClientOptions extends Omit<AttemptSetup, 'dispatcher'> {
  baseUrl: string;
  /** WeChat's other region; used when the primary keeps failing. */
  backupBaseUrl?: string;
  verifier: Verifier;
  /** Budget for one attempt: connecting, sending and reading the whole answer. */
  timeoutMs: number;
  /** Budget for the whole call, retries included: what a clerk on the phone will wait. */
  deadlineMs?: number;
  /** Attempts per call, the first included. */
  maxAttempts?: number;
  backoff?: BackoffOptions;
  /** How long to stay on the backup host once the primary has failed twice in a row. */
  failoverCooldownMs?: number;
  /** Defaults to a keep-alive agent owned by this client. */
  dispatcher?: Dispatcher;
  /** Told about every attempt, for operators' logs. */
  observe?: (event: CallEvent) => void;
  /**
   * Calls in flight at most, and how long one waits for a place before it is refused as `busy`
   * without being sent (in-flight.ts). Unbounded when not given.
   */
  inFlight?: { limit: number; maxWaitMs: number };
  /**
   * Retries as a share of calls: each call earns `ratio` of a retry, up to `max` saved
   * (retry-budget.ts). Without it, every failed attempt may retry.
   */
  retryBudget?: { ratio: number; max: number };
  /** Injectable for tests: jitter source and waiting. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface CallOptions {
  /** Verifies this call's answer instead of the client's verifier (the certificate download). */
  verifier?: Verifier;
  /** Ends the call, attempt and retries, when the caller no longer wants the answer. */
  signal?: AbortSignal;
}

export interface WechatPayClient {
  get(path: string, query: Record<string, string | number>, options?: CallOptions): Promise<VerifiedAnswer>;
  close(): Promise<void>;
  /** The failover breaker: until when calls go to the backup host (epoch ms), or null on the primary. */
  onBackupUntil(): number | null;
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

/**
 * Which failure to report when every attempt failed: WeChat's own answer (code and Request-ID
 * that staff can quote) over a later timeout or network error, and otherwise the latest.
 */
function moreTelling(earlier: WechatPayError | undefined, later: WechatPayError): WechatPayError {
  const weight = (error: WechatPayError) => (error.kind === 'http' ? 2 : error.kind === 'unverified' ? 1 : 0);
  return earlier && weight(earlier) > weight(later) ? earlier : later;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A WeChat Pay client: each call is a few attempts (see attempt.ts) within one deadline, spaced
 * by jittered backoff, moving to the backup host while the primary keeps failing.
 */
export function createWechatPayClient(options: ClientOptions): WechatPayClient {
  const ownsDispatcher = !options.dispatcher;
  const dispatcher = options.dispatcher ?? new Agent({ keepAliveTimeout: 30_000, connections: 32 });
  const observe = options.observe ?? (() => {});
  const maxAttempts = options.maxAttempts ?? 3;
  const deadlineMs = options.deadlineMs ?? options.timeoutMs * maxAttempts;
  const backoff = options.backoff ?? { baseMs: 200, maxMs: 2_000 };
  const sleep = options.sleep ?? defaultSleep;
  const gate: InFlightGate | undefined = options.inFlight
    ? createInFlightGate(options.inFlight.limit, options.inFlight.maxWaitMs)
    : undefined;
  const budget: RetryBudget | undefined = options.retryBudget
    ? createRetryBudget(options.retryBudget.ratio, options.retryBudget.max)
    : undefined;
  const breaker = createHostBreaker({
    primary: options.baseUrl,
    backup: options.backupBaseUrl,
    cooldownMs: options.failoverCooldownMs ?? 60_000,
  });
  const setup: AttemptSetup = {
    dispatcher,
    signer: options.signer,
    userAgent: options.userAgent,
    headers: options.headers,
  };

  /** One call: its attempts within the deadline, once it has its place. */
  async function call(
    path: string,
    query: Record<string, string | number>,
    callOptions: CallOptions,
  ): Promise<VerifiedAnswer> {
    const verifier = callOptions.verifier ?? options.verifier;
    const deadline = performance.now() + deadlineMs;
    budget?.deposit();
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
        const answer = await attempt(setup, url, {
          timeoutMs: Math.ceil(Math.min(options.timeoutMs, remaining)),
          verifier,
          signal: callOptions.signal,
        });
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
        // Out of retry budget: most calls are failing at once, and retrying would add to it.
        if (number < maxAttempts && budget && !budget.withdraw()) break;
      }
      if (number < maxAttempts) {
        await sleep(Math.min(backoffDelay(number, backoff, options.random), Math.max(0, deadline - performance.now())));
      }
    }
    throw lastError ?? new WechatPayError(`no answer within ${deadlineMs} ms`, { kind: 'timeout' });
  }

  return {
    async get(path, query, callOptions = {}) {
      const release = gate ? await gate.enter(callOptions.signal) : undefined;
      try {
        return await call(path, query, callOptions);
      } finally {
        release?.();
      }
    },
    async close() {
      if (ownsDispatcher) await dispatcher.close();
    },
    onBackupUntil: breaker.onBackupUntil,
  };
}
