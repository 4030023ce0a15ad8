import { useTranslations } from 'next-intl';
import { AUDIT_COLUMNS, auditCells } from '@/lib/audit/cells';
import type { AuditRecord } from '@/lib/audit/record';
import { AuditTextTable } from './audit-text-table';

/**
 * One page of the audit trail, newest first, with the same columns and text as the CSV export:
 * put into words here on the server, so the browser gets text, not records and the catalog.
 */
export function AuditTable({ records }: { records: AuditRecord[] }) {
  const t = useTranslations();
  const rows = records.map((record) => ({ id: record.id, ok: record.outcome === 'ok', cells: auditCells(t, record) }));
  return <AuditTextTable columns={AUDIT_COLUMNS} rows={rows} />;
}
