import { type Env, value } from './env';
import { ConfigError } from './errors';

/** How long a clerk waits, and how the client spreads its attempts over the two hosts. */
export interface Resilience {
  readonly attemptTimeoutMs: number;
  readonly deadlineMs: number;
  readonly failoverCooldownMs: number;
  /** Calls to WeChat Pay in flight at once; past it a call waits its turn. */
  readonly maxInFlight: number;
  /** How long a call waits for its turn before the clerk is told the system is busy. */
  readonly queueWaitMs: number;
}

export const DEFAULT_RESILIENCE: Resilience = {
  // Three attempts of 4 s fit in a 12 s deadline: a page answers within ~15 s at worst.
  attemptTimeoutMs: 4_000,
  deadlineMs: 12_000,
  failoverCooldownMs: 60_000,
  // Enough for a school office's peak with the CPU of one process; a clerk waits at most 3 s for
  // a turn before hearing "busy" rather than a timeout 12 s later.
  maxInFlight: 16,
  queueWaitMs: 3_000,
};

function milliseconds(env: Env, name: string, fallback: number): number {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d{1,7}$/.test(raw) || Number(raw) < 1)
    throw new ConfigError(name, `"${raw}" should be a whole number of milliseconds`);
  return Number(raw);
}

function count(env: Env, name: string, fallback: number): number {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) < 1)
    throw new ConfigError(name, `"${raw}" should be a whole number from 1`);
  return Number(raw);
}

/**
 * WECHATPAY_ATTEMPT_TIMEOUT_MS, WECHATPAY_DEADLINE_MS, WECHATPAY_FAILOVER_COOLDOWN_MS,
 * WECHATPAY_MAX_IN_FLIGHT and WECHATPAY_QUEUE_WAIT_MS.
 */
export function parseResilience(env: Env): Resilience {
  const attemptTimeoutMs = milliseconds(env, 'WECHATPAY_ATTEMPT_TIMEOUT_MS', DEFAULT_RESILIENCE.attemptTimeoutMs);
  const deadlineMs = milliseconds(env, 'WECHATPAY_DEADLINE_MS', DEFAULT_RESILIENCE.deadlineMs);
  if (deadlineMs < attemptTimeoutMs) {
    throw new ConfigError('WECHATPAY_DEADLINE_MS', 'should be at least WECHATPAY_ATTEMPT_TIMEOUT_MS');
  }
  return {
    attemptTimeoutMs,
    deadlineMs,
    failoverCooldownMs: milliseconds(env, 'WECHATPAY_FAILOVER_COOLDOWN_MS', DEFAULT_RESILIENCE.failoverCooldownMs),
    maxInFlight: count(env, 'WECHATPAY_MAX_IN_FLIGHT', DEFAULT_RESILIENCE.maxInFlight),
    queueWaitMs: milliseconds(env, 'WECHATPAY_QUEUE_WAIT_MS', DEFAULT_RESILIENCE.queueWaitMs),
  };
}
