import 'server-only';
import type { Kysely } from 'kysely';
import type { AuditFilter, AuditRecord } from '@/lib/audit/record';
import type { Database } from '@/lib/server/db/schema';
import { filtered } from './store';

export const EXPORT_BATCH_SIZE = 1000;

/**
 * Every record matching the filter, newest first, a batch at a time, so an export of a year's
 * trail never holds it all in memory. Each batch continues after the last row of the one before
 * (keyset on at, id), so records appended meanwhile neither repeat nor shift a batch.
 */
export async function* auditBatches(
  db: Kysely<Database>,
  filter: AuditFilter,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<AuditRecord[]> {
  let after: { at: number; id: number } | null = null;
  for (;;) {
    let query = filtered(db, filter).selectAll();
    if (after) {
      const { at, id } = after;
      query = query.where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id)])]));
    }
    const batch = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(batchSize).execute();
    if (batch.length > 0) yield batch;
    if (batch.length < batchSize) return;
    const last = batch[batch.length - 1];
    after = { at: Number(last.at), id: Number(last.id) };
  }
}
