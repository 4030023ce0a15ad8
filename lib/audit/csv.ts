import type { AuditRecord } from '@/lib/server/audit';
import { beijingDateStamp } from '@/lib/time/beijing';
import { AUDIT_COLUMNS, type AuditText, auditCells, auditHeaders } from './cells';

/**
 * CSV as Excel reads it: UTF-8 with a byte-order mark (without one Excel takes the file for the
 * local code page and garbles Chinese), CRLF line ends, RFC 4180 quoting.
 */

export const CSV_BOM = '\uFEFF';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** Leading characters a spreadsheet would read as the start of a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula starts defused with a leading ', then quoted when it holds " , CR or LF. */
export function csvCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(cells: readonly (string | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The header line, in the table's column order. */
export function auditCsvHeader(t: AuditText): string {
  return csvLine(auditHeaders(t));
}

export function auditCsvLine(t: AuditText, record: AuditRecord): string {
  const cells = auditCells(t, record);
  return csvLine(AUDIT_COLUMNS.map((column) => cells[column]));
}

/** A whole file at once (the export streams the same pieces batch by batch). */
export function buildAuditCsv(t: AuditText, records: readonly AuditRecord[]): string {
  return CSV_BOM + auditCsvHeader(t) + records.map((record) => auditCsvLine(t, record)).join('');
}

/** An ASCII file name for the Beijing day of the export, e.g. audit-20260901.csv. */
export function auditCsvFilename(now: number): string {
  return `audit-${beijingDateStamp(now)}.csv`;
}
