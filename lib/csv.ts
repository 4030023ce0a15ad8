/**
 * CSV as Excel reads it: UTF-8 with a byte-order mark (without one Excel takes the file for the
 * local code page and garbles Chinese), CRLF line ends, RFC 4180 quoting.
 */

export const CSV_BOM = '\uFEFF';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** Leading characters a spreadsheet would read as the start of a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell's value; `{ id }` marks an identifier that a spreadsheet must keep as text. */
export type CsvValue = string | null | undefined | { id: string | null };

/**
 * One cell: formula starts defused with a leading ', then quoted when it holds " , CR or LF. An
 * identifier made only of digits is written as the text formula ="…": Excel would otherwise read
 * it as a number and keep 15 significant digits (an 18-digit plan id would come out rounded).
 */
export function csvCell(value: CsvValue): string {
  if (value !== null && typeof value === 'object') {
    if (value.id !== null && /^\d+$/.test(value.id)) return `"=""${value.id}"""`;
    return csvCell(value.id);
  }
  if (value === null || value === undefined) return '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
