import type { Insertable, Selectable } from 'kysely';
import type { AuditTable } from '@/lib/server/db/schema';

/**
 * The audit trail's records and filter as plain types, for the pure modules (cells, CSV, filter,
 * recent searches) and the components that show them; the store that reads and writes them is
 * server-only.
 */
export type AuditRecord = Selectable<AuditTable>;
export type NewAuditRecord = Omit<Insertable<AuditTable>, 'id'>;

export interface AuditFilter {
  username?: string;
  openid?: string;
  /** Epoch milliseconds, inclusive. */
  from?: number;
  /** Epoch milliseconds, exclusive. */
  to?: number;
  /**
   * Only the records of these schools (the one asked for, within the reader's reach: see
   * lib/schools/scope.ts auditSchools); none at all when empty. Absent: every record.
   */
  schools?: readonly string[];
}
