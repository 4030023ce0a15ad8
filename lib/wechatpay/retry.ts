import type { WechatPayError } from './errors';

/**
 * Which failures are worth another attempt: the network, a timeout, WeChat's own 5xx, and a
 * signature probe (WeChat checking that we verify; a retry normally gets a real answer).
 * Never a 4xx: the same request would get the same refusal, and 429 asks us to stop.
 */
export function isRetryable(error: WechatPayError): boolean {
  switch (error.kind) {
    case 'network':
    case 'timeout':
      return true;
    case 'http':
      return (error.status ?? 0) >= 500;
    case 'unverified':
      return (error.detail as { reason?: string } | undefined)?.reason === 'signature-probe';
    default:
      return false;
  }
}

/** Whether a failure says something about the host (so failover should count it). */
export function isHostFailure(error: WechatPayError): boolean {
  return error.kind === 'network' || error.kind === 'timeout' || (error.kind === 'http' && (error.status ?? 0) >= 500);
}

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

/** "Full jitter" exponential backoff: a random wait up to base·2^(attempt-1), capped. */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}
