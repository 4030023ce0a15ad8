/**
 * Chooses the host for each attempt: the primary, unless it has just failed repeatedly, in which
 * case the backup for a cool-down before the primary is tried again (a small circuit breaker).
 */
export interface HostBreakerOptions {
  primary: string;
  backup?: string;
  /** How long to stay on the backup once the primary has tripped. */
  cooldownMs: number;
  /** Consecutive host failures of the primary that trip over to the backup. */
  failuresToTrip?: number;
  now?: () => number;
}

export interface HostBreaker {
  host(): string;
  /** Until when calls go to the backup (epoch ms), or null while they go to the primary. */
  onBackupUntil(): number | null;
  success(host: string): void;
  failure(host: string): void;
}

export function createHostBreaker(options: HostBreakerOptions): HostBreaker {
  const now = options.now ?? Date.now;
  const failuresToTrip = options.failuresToTrip ?? 2;
  let consecutiveFailures = 0;
  let onBackupUntil = 0;

  return {
    host() {
      return options.backup && now() < onBackupUntil ? options.backup : options.primary;
    },
    onBackupUntil() {
      return options.backup && now() < onBackupUntil ? onBackupUntil : null;
    },
    success(host) {
      if (host === options.primary) {
        consecutiveFailures = 0;
        onBackupUntil = 0;
      }
    },
    failure(host) {
      // The backup failing too: the primary is no worse a bet, so try it again at once.
      if (host === options.backup) {
        onBackupUntil = 0;
        return;
      }
      if (host !== options.primary || !options.backup) return;
      consecutiveFailures += 1;
      if (consecutiveFailures >= failuresToTrip) {
        consecutiveFailures = 0;
        onBackupUntil = now() + options.cooldownMs;
      }
    },
  };
}
