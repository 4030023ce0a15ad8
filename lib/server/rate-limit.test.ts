import { describe, expect, it } from 'vitest';
import { STORES } from '@/test-support/databases';
import { sharedStore } from '@/test-support/shared-store';
import { countFailures } from './rate-limit';

const WINDOW_MS = 15 * 60_000;

/** The sign-in limit's shape on both databases: only failures count, and a burst cannot slip past. */
describe.each(STORES)('%o', (makeEnv) => {
  const store = sharedStore(makeEnv);

  it('lets through no more attempts than the limit when they all come at once', async () => {
    const now = Date.UTC(2026, 10, 27, 3, 0, 10);
    let checked = 0;
    const fail = async () => {
      checked += 1;
      // The password check takes a while: the burst's other attempts arrive meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 20));
      return false;
    };
    const limits = [
      { key: 'login-user:burst', limit: 10 },
      { key: 'login-ip:192.0.2.1', limit: 50 },
    ];
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, () => countFailures(store.db, limits, WINDOW_MS, fail, now)),
    );
    expect(checked).toBe(10);
    expect(outcomes.filter((outcome) => outcome === 'failed')).toHaveLength(10);
    expect(outcomes.filter((outcome) => outcome === 'limited')).toHaveLength(20);
    // The refused attempts cost the address nothing: 40 more failures fit under its 50.
    const more = await Promise.all(
      Array.from({ length: 41 }, (_, n) =>
        countFailures(store.db, [{ key: `login-user:other-${n}`, limit: 10 }, limits[1]], WINDOW_MS, fail, now),
      ),
    );
    expect(more.filter((outcome) => outcome === 'failed')).toHaveLength(40);
  });

  it('never counts a success: staff who sign in often are never locked out', async () => {
    const now = Date.UTC(2026, 10, 27, 3, 0, 10);
    const limits = [{ key: 'login-user:often', limit: 3 }];
    const succeed = async () => true;
    for (let n = 0; n < 10; n += 1) {
      expect(await countFailures(store.db, limits, WINDOW_MS, succeed, now)).toBe('succeeded');
    }
    // A burst of successes at once holds places only while it runs.
    const burst = await Promise.all(
      Array.from({ length: 3 }, () => countFailures(store.db, limits, WINDOW_MS, succeed, now)),
    );
    expect(burst).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(await countFailures(store.db, limits, WINDOW_MS, async () => false, now)).toBe('failed');
    expect(await countFailures(store.db, limits, WINDOW_MS, succeed, now)).toBe('succeeded');
  });
});
