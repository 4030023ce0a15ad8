import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { STORES } from '@/test-support/databases';
import { sharedStore } from '@/test-support/shared-store';
import { countFailures, countHit } from './rate-limit';

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

/** What anonymous input can put into the table stays bounded: short keys, and no ended windows. */
describe.each(STORES)('%o', (makeEnv) => {
  const store = sharedStore(makeEnv);
  const rows = (prefix: string) =>
    store.db
      .selectFrom('rate_limit')
      .select(['key', 'count', 'window_start'])
      .where(sql<boolean>`substr(key, 1, ${prefix.length}) = ${prefix}`)
      .execute();

  it('keeps any key in bounded space, each long key still counted on its own', async () => {
    const now = Date.UTC(2026, 10, 27, 3, 0, 10);
    const long = (fill: string) => `flood:${fill.repeat(16_000)}`;
    expect(await countHit(store.db, long('a'), 60_000, now)).toBe(1);
    expect(await countHit(store.db, long('b'), 60_000, now)).toBe(1);
    expect(await countHit(store.db, long('a'), 60_000, now)).toBe(2);
    expect(await countFailures(store.db, [{ key: long('c'), limit: 1 }], 60_000, async () => false, now)).toBe(
      'failed',
    );
    expect(await countFailures(store.db, [{ key: long('c'), limit: 1 }], 60_000, async () => false, now)).toBe(
      'limited',
    );
    const stored = await rows('flood:');
    expect(stored).toHaveLength(3);
    for (const row of stored) expect(row.key.length).toBeLessThanOrEqual(128);
    expect(await countHit(store.db, 'flood:short', 60_000, now)).toBe(1);
    expect((await rows('flood:short')).map((row) => row.key)).toEqual(['flood:short']);
  });

  it('deletes the ended windows of a kind of key, and leaves the others', async () => {
    const now = Date.UTC(2026, 10, 27, 4, 0, 10);
    const minute = 60_000;
    const quarter = 15 * minute;
    for (let n = 0; n < 50; n += 1) await countHit(store.db, `spray:user-${n}`, minute, now);
    await countHit(store.db, 'slow:someone', quarter, now);
    expect(await rows('spray:')).toHaveLength(50);

    // The next minute's first hit of this kind clears the ended minute.
    await countHit(store.db, 'spray:user-new', minute, now + minute);
    expect((await rows('spray:')).map((row) => row.key)).toEqual(['spray:user-new']);
    // A kind with a longer window is not touched: its window has not ended.
    expect(await rows('slow:')).toHaveLength(1);
    await countFailures(store.db, [{ key: 'slow:other', limit: 5 }], quarter, async () => false, now + quarter);
    expect((await rows('slow:')).map((row) => row.key)).toEqual(['slow:other']);
  });
});
