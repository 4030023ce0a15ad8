/**
 * CSV as Excel reads it: UTF-8 with a byte-order mark (without one Excel takes the file for the
 * local code page and garbles Chinese), CRLF line ends, RFC 4180 quoting.
 */

export const CSV_BOM = '\uFEFF';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/**
 * A formula character (CSV injection: = + - @, and tab or CR, which a spreadsheet may skip before
 * one) where a spreadsheet may start a field: the cell's start, or after a character that ends a
 * field in some locale (, or ; as the list separator, a tab when pasted, a line break) or a
 * quote. In a ";" locale the "," between cells separates nothing, so a cell after the first does
 * not start a field there and its quotes are plain characters: only a defused formula character
 * is safe wherever the cell's text is split.
 */
const FORMULA_START = /(?<=^|[,;\t\r\n"])(?=[=+\-@\t\r])/g;

/** Characters that need the cell quoted: a quote, a separator of some locale, a line break. */
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** A cell's value; `{ id }` marks an identifier that a spreadsheet must keep as text. */
export type CsvValue = string | null | undefined | { id: string | null };

/**
 * One cell: formula starts defused with a ' before them, then quoted when it holds " , ; tab, CR
 * or LF. An identifier made only of digits is written as the text formula ="…": Excel would
 * otherwise read it as a number and keep 15 significant digits (an 18-digit plan id would come
 * out rounded).
 */
export function csvCell(value: CsvValue): string {
  if (value !== null && typeof value === 'object') {
    if (value.id !== null && /^\d+$/.test(value.id)) return `"=""${value.id}"""`;
    return csvCell(value.id);
  }
  if (value === null || value === undefined) return '';
  const safe = value.replace(FORMULA_START, "'");
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
