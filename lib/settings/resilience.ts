import { type Env, value } from './env';
import { ConfigError } from './errors';

/** How long a clerk waits, and how the client spreads its attempts over the two hosts. */
export interface Resilience {
  readonly attemptTimeoutMs: number;
  readonly deadlineMs: number;
  readonly failoverCooldownMs: number;
}

export const DEFAULT_RESILIENCE: Resilience = {
  // Three attempts of 4 s fit in a 12 s deadline: a page answers within ~15 s at worst.
  attemptTimeoutMs: 4_000,
  deadlineMs: 12_000,
  failoverCooldownMs: 60_000,
};

function milliseconds(env: Env, name: string, fallback: number): number {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d{1,7}$/.test(raw) || Number(raw) < 1)
    throw new ConfigError(name, `"${raw}" should be a whole number of milliseconds`);
  return Number(raw);
}

/** WECHATPAY_ATTEMPT_TIMEOUT_MS, WECHATPAY_DEADLINE_MS and WECHATPAY_FAILOVER_COOLDOWN_MS. */
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
  };
}
