import { describe, expect, it } from 'vitest';
import { createHostBreaker } from './host-breaker';

const PRIMARY = 'https://api.mch.weixin.qq.com';
const BACKUP = 'https://api2.mch.weixin.qq.com';
const COOLDOWN = 60_000;

/** A breaker on a clock the test moves by hand. */
function breakerAt(start = 1_000_000, options: { backup?: string | null; failuresToTrip?: number } = {}) {
  let time = start;
  const breaker = createHostBreaker({
    primary: PRIMARY,
    backup: options.backup === null ? undefined : (options.backup ?? BACKUP),
    cooldownMs: COOLDOWN,
    failuresToTrip: options.failuresToTrip,
    now: () => time,
  });
  return {
    breaker,
    advance(ms: number) {
      time += ms;
    },
  };
}

describe('createHostBreaker', () => {
  it('uses the primary by default', () => {
    const { breaker } = breakerAt();
    expect(breaker.host()).toBe(PRIMARY);
    expect(breaker.host()).toBe(PRIMARY);
  });

  it('stays on the primary after a single failure', () => {
    const { breaker } = breakerAt();
    breaker.failure(PRIMARY);
    expect(breaker.host()).toBe(PRIMARY);
  });

  it('moves to the backup after two consecutive primary failures, until the cool-down has passed', () => {
    const { breaker, advance } = breakerAt();
    breaker.failure(PRIMARY);
    breaker.failure(PRIMARY);
    expect(breaker.host()).toBe(BACKUP);

    expect(breaker.onBackupUntil()).toBe(1_000_000 + COOLDOWN);
    advance(COOLDOWN - 1);
    expect(breaker.host()).toBe(BACKUP);

    advance(1);
    expect(breaker.host()).toBe(PRIMARY);
    expect(breaker.onBackupUntil()).toBeNull();
    advance(COOLDOWN * 10);
    expect(breaker.host()).toBe(PRIMARY);
  });

  it('trips again when the primary keeps failing after the cool-down', () => {
    const { breaker, advance } = breakerAt();
    breaker.failure(PRIMARY);
    breaker.failure(PRIMARY);
    advance(COOLDOWN);
    expect(breaker.host()).toBe(PRIMARY);

    breaker.failure(PRIMARY);
    breaker.failure(PRIMARY);
    expect(breaker.host()).toBe(BACKUP);
    advance(COOLDOWN);
    expect(breaker.host()).toBe(PRIMARY);
  });

  it('forgets a failure once the primary succeeds: failures must be consecutive', () => {
    const { breaker } = breakerAt();
    for (let i = 0; i < 10; i += 1) {
      breaker.failure(PRIMARY);
      breaker.success(PRIMARY);
      expect(breaker.host()).toBe(PRIMARY);
    }
    breaker.failure(PRIMARY);
    expect(breaker.host()).toBe(PRIMARY);
    breaker.failure(PRIMARY);
    expect(breaker.host()).toBe(BACKUP);
  });

  it('returns to the primary at once when a primary call still succeeds during the cool-down', () => {
    const { breaker } = breakerAt();
    breaker.failure(PRIMARY);
    breaker.failure(PRIMARY);
    expect(breaker.host()).toBe(BACKUP);
    // A call started on the primary before the trip, answering late.
    breaker.success(PRIMARY);
    expect(breaker.host()).toBe(PRIMARY);
  });

  it('never trips on failures of the backup, and leaves a failing backup for the primary at once', () => {
    const { breaker } = breakerAt();
    for (let i = 0; i < 20; i += 1) breaker.failure(BACKUP);
    expect(breaker.host()).toBe(PRIMARY);

    breaker.failure(PRIMARY);
    breaker.failure(PRIMARY);
    expect(breaker.host()).toBe(BACKUP);
    // The backup failing too: the primary is no worse a bet than a backup that is down.
    breaker.failure(BACKUP);
    expect(breaker.host()).toBe(PRIMARY);
  });

  it('does not count failures of the backup towards tripping the primary', () => {
    const { breaker } = breakerAt();
    breaker.failure(PRIMARY);
    breaker.failure(BACKUP);
    breaker.failure(BACKUP);
    expect(breaker.host()).toBe(PRIMARY);
  });

  it('ignores failures of a host it does not know', () => {
    const { breaker } = breakerAt();
    breaker.failure('https://evil.example');
    breaker.failure('https://evil.example');
    breaker.failure('https://evil.example');
    expect(breaker.host()).toBe(PRIMARY);
  });

  it('always returns the primary when there is no backup', () => {
    const { breaker, advance } = breakerAt(1_000_000, { backup: null });
    for (let i = 0; i < 10; i += 1) {
      breaker.failure(PRIMARY);
      expect(breaker.host()).toBe(PRIMARY);
    }
    advance(1);
    expect(breaker.host()).toBe(PRIMARY);
  });

  it('honours another number of failures to trip', () => {
    const { breaker } = breakerAt(1_000_000, { failuresToTrip: 3 });
    breaker.failure(PRIMARY);
    breaker.failure(PRIMARY);
    expect(breaker.host()).toBe(PRIMARY);
    breaker.failure(PRIMARY);
    expect(breaker.host()).toBe(BACKUP);
  });

  it('works from a clock at zero (the cool-down is not mistaken for "never tripped")', () => {
    const { breaker, advance } = breakerAt(0);
    breaker.failure(PRIMARY);
    breaker.failure(PRIMARY);
    expect(breaker.host()).toBe(BACKUP);
    advance(COOLDOWN);
    expect(breaker.host()).toBe(PRIMARY);
  });
});
