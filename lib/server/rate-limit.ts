import 'server-only';
import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '@/lib/server/db/schema';

/**
 * Counts per key in fixed windows, in the shared database. Keys are "kind:subject" (login-user:wang,
 * lookup:<user id>); subjects can come from anonymous input, so what they put in the table is
 * bounded: a long key is stored as its hash, and each kind's ended windows are deleted.
 */

/** Fixed windows: every instance agrees which one a moment falls in. */
const windowOf = (now: number, windowMs: number) => Math.floor(now / windowMs) * windowMs;

const MAX_KEY_LENGTH = 128;

/** The key as stored: itself, or when long its kind and a hash (still one row per key). */
function storedKey(key: string): string {
  if (key.length <= MAX_KEY_LENGTH) return key;
  return `${kindOf(key)}#${createHash('sha256').update(key).digest('hex')}`;
}

/** "login-user:" of "login-user:wang": the part every key of one limit shares ('' for none). */
function kindOf(key: string): string {
  const end = key.indexOf(':');
  return end > 0 && end < 32 ? key.slice(0, end + 1) : '';
}

/**
 * Per database and kind, the window whose ended predecessors were last deleted from here (per
 * module instance: Next.js may load this module in a few bundles, so a few deletes a window).
 */
const clearedUpTo = new WeakMap<Kysely<Database>, Map<string, number>>();

/**
 * Deletes the rows of `key`'s kind whose window has ended, the first time that kind is counted
 * here in a new window: one cheap delete per window, however many keys a flood made.
 */
async function deleteEndedWindows(db: Kysely<Database>, key: string, windowMs: number, now: number) {
  const kind = kindOf(key);
  if (!kind) return;
  const windowStart = windowOf(now, windowMs);
  const cleared = clearedUpTo.get(db) ?? new Map<string, number>();
  clearedUpTo.set(db, cleared);
  if ((cleared.get(kind) ?? -1) >= windowStart) return;
  cleared.set(kind, windowStart);
  await db
    .deleteFrom('rate_limit')
    .where(sql<boolean>`substr(key, 1, ${kind.length}) = ${kind}`)
    .where('window_start', '<', windowStart)
    .execute();
}

/**
 * One hit counted against `key` in the window of `now`, in one upsert: a key's row holds its
 * latest window only. With `limit`, only while that window has room: a full one is left as it
 * is and no row comes back.
 */
function upsertHit(db: Kysely<Database>, key: string, windowMs: number, now: number, limit?: number) {
  return db
    .insertInto('rate_limit')
    .values({ key: storedKey(key), window_start: windowOf(now, windowMs), count: 1 })
    .onConflict((conflict) => {
      const counted = conflict.column('key').doUpdateSet({
        count: sql<number>`case when rate_limit.window_start = excluded.window_start then rate_limit.count + 1 else 1 end`,
        window_start: sql<number>`excluded.window_start`,
      });
      if (limit === undefined) return counted;
      return counted.where(
        sql<boolean>`not (rate_limit.window_start = excluded.window_start and rate_limit.count >= ${limit})`,
      );
    })
    .returning('count')
    .executeTakeFirst();
}

/**
 * Counts one hit against `key` in the current fixed window and returns the count so far. One
 * atomic upsert in the shared database, so the count holds across every instance of the app.
 */
export async function countHit(db: Kysely<Database>, key: string, windowMs: number, now = Date.now()): Promise<number> {
  await deleteEndedWindows(db, key, windowMs, now);
  const row = await upsertHit(db, key, windowMs, now);
  if (!row) throw new Error('rate_limit: an unconditional upsert returned no row');
  return Number(row.count);
}

/**
 * Counts one hit against `key` unless `limit` hits are already counted in the current window:
 * true when counted. One conditional upsert, so of any number of callers at once exactly as many
 * as fit are counted, on every instance: the check and the count are one step.
 */
async function reserveHit(db: Kysely<Database>, key: string, limit: number, windowMs: number, now: number) {
  await deleteEndedWindows(db, key, windowMs, now);
  return (await upsertHit(db, key, windowMs, now, limit)) !== undefined;
}

/** Gives back a hit counted in the window of `now` (a window that has moved on is left alone). */
async function releaseHit(db: Kysely<Database>, key: string, windowMs: number, now: number) {
  await db
    .updateTable('rate_limit')
    .set({ count: sql<number>`count - 1` })
    .where('key', '=', storedKey(key))
    .where('window_start', '=', windowOf(now, windowMs))
    .where('count', '>', 0)
    .execute();
}

export interface KeyLimit {
  key: string;
  /** Failures allowed per window. */
  limit: number;
}

/**
 * Runs `attempt` (true when it succeeded) only if one more failure fits under every limit. The
 * attempt is counted before it runs, so a burst of attempts at once is limited exactly like
 * attempts one by one; one that succeeds gives its count back, so only failures count (staff
 * who sign in often are never locked out), and one refused costs nothing.
 */
export async function countFailures(
  db: Kysely<Database>,
  limits: readonly KeyLimit[],
  windowMs: number,
  attempt: () => Promise<boolean>,
  now = Date.now(),
): Promise<'limited' | 'succeeded' | 'failed'> {
  const reserved: string[] = [];
  const giveBack = () => Promise.all(reserved.map((key) => releaseHit(db, key, windowMs, now)));
  for (const { key, limit } of limits) {
    if (!(await reserveHit(db, key, limit, windowMs, now))) {
      await giveBack();
      return 'limited';
    }
    reserved.push(key);
  }
  let succeeded = false;
  try {
    succeeded = await attempt();
  } finally {
    if (succeeded) await giveBack();
  }
  return succeeded ? 'succeeded' : 'failed';
}
