import type { AuditRecord } from '@/lib/audit/record';
import { csvLine } from '@/lib/csv';
import { beijingDateStamp } from '@/lib/time/beijing';
import { AUDIT_COLUMNS, type AuditColumn, type AuditText, auditCells, auditHeaders } from './cells';

/** The header line, in the table's column order. */
export function auditCsvHeader(t: AuditText): string {
  return csvLine(auditHeaders(t));
}

/** Columns holding identifiers a spreadsheet must not turn into numbers. */
const ID_COLUMNS: ReadonlySet<AuditColumn> = new Set(['openid', 'planId', 'requestId']);

export function auditCsvLine(t: AuditText, record: AuditRecord): string {
  const cells = auditCells(t, record);
  return csvLine(AUDIT_COLUMNS.map((column) => (ID_COLUMNS.has(column) ? { id: cells[column] } : cells[column])));
}

/** An ASCII file name for the Beijing day of the export, e.g. audit-20260901.csv. */
export function auditCsvFilename(now: number): string {
  return `audit-${beijingDateStamp(now)}.csv`;
}
