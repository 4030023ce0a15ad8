import 'server-only';
import { sql } from 'kysely';
import { getGateway } from '@/lib/gateway/gateway';
import { getStore } from '@/lib/server/db/database';
import { type ReadinessAnswer, type ReadinessFacts, readinessAnswer } from '../readiness';

/** A monitor polls every few seconds: a part that hangs counts as failing well before its timeout. */
const PART_TIMEOUT_MS = 2_000;

function withinTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${PART_TIMEOUT_MS} ms`)), PART_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Only the error's first line: a driver's message can be long, but never holds a password. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').slice(0, 200) || 'failed';
}

async function tried(work: () => Promise<unknown>): Promise<ReadinessFacts[keyof ReadinessFacts]> {
  try {
    await withinTimeout(work());
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
}

/**
 * Asks the database a question now (a connection that has gone, a file made unreadable, fail
 * here) and checks that the WeChat Pay client, with its merchant key and WeChat's keys, is made.
 * Nothing is sent to WeChat: a monitor must not spend the merchant's quota.
 */
export async function checkReadiness(): Promise<ReadinessAnswer> {
  const [database, keys] = await Promise.all([
    tried(async () => {
      const { db } = await getStore();
      await sql`select 1`.execute(db);
    }),
    tried(() => getGateway()),
  ]);
  return readinessAnswer({ database, keys });
}
