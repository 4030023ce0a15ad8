import 'server-only';
import type { Kysely } from 'kysely';
import type { NewAuditRecord } from '@/lib/audit/record';
import { appendAudit } from '@/lib/audit/server/store';
import type { Actor } from '@/lib/schools/roles';
import type { Database } from '@/lib/server/db/schema';
import { logger } from '@/lib/server/logger';
import { countHit } from '@/lib/server/rate-limit';
import { getSettings } from '@/lib/settings/settings';

/** What every lookup by a staff member shares, whatever it asks WeChat: its limit and its trace. */

const MINUTE_MS = 60_000;
const AUDITED_TEXT_MAX = 200;

/** Counts this lookup against the staff member's per-minute limit; true when it is past the limit. */
export async function overLookupLimit(db: Kysely<Database>, staff: Pick<Actor, 'userId'>): Promise<boolean> {
  const { lookupsPerMinute } = getSettings().access;
  return (await countHit(db, `lookup:${staff.userId}`, MINUTE_MS)) > lookupsPerMinute;
}

/**
 * What was asked, as given: a refused input is recorded too, cut to a sane length. A forged call
 * can send an object whose toString is no function: objects are written as JSON, never asked to
 * turn themselves into text.
 */
export function asked(input: unknown, field: string): string | null {
  const value = (input as Record<string, unknown> | null | undefined)?.[field];
  if (value === undefined || value === null) return null;
  let text: string;
  try {
    text = typeof value === 'object' ? (JSON.stringify(value) ?? '') : String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.slice(0, AUDITED_TEXT_MAX);
}

/**
 * The lookup's record, written before its answer leaves: `answer` if it was written, else
 * `withheld` (no lookup without a trace).
 */
export async function answerRecorded<T>(
  db: Kysely<Database>,
  record: NewAuditRecord,
  answer: T,
  withheld: T,
): Promise<T> {
  try {
    await appendAudit(db, record);
    return answer;
  } catch (error) {
    logger.error({ err: String(error) }, 'audit record could not be written; lookup withheld');
    return withheld;
  }
}
