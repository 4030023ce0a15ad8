/**
 * Retries as a share of calls, not a multiple of them. A retry helps against a lost packet or one
 * slow host; against our own saturation every retry is more of the work that caused it. Each call
 * earns `ratio` of a retry (up to `max` saved), each retry spends one: when most calls fail at
 * once, retries stop at about `ratio` of the calls instead of doubling or tripling the load.
 */
export interface RetryBudget {
  /** A call starts: it earns its share. */
  deposit(): void;
  /** A retry is wanted: true (and spent) when the budget allows it. */
  withdraw(): boolean;
}

export function createRetryBudget(ratio: number, max: number): RetryBudget {
  let tokens = max;
  return {
    deposit() {
      tokens = Math.min(max, tokens + ratio);
    },
    withdraw() {
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
