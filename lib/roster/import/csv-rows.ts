import type { SheetRow } from './sheet-row';

/**
 * CSV text (RFC 4180, as Excel and school systems write it) as rows of cells, each with the line
 * of the file it starts on: a quoted cell may hold line breaks, and problems name the file's own
 * lines. Line ends may be CRLF, LF or CR.
 */

export type CsvRowsResult = { ok: true; rows: SheetRow[] } | { ok: false; line: number };

/** The rows, or the line where a quoted cell starts and is never closed. */
export function csvRows(text: string): CsvRowsResult {
  const rows: SheetRow[] = [];
  let line = 1;
  let row: SheetRow & { cells: string[] } = { line, cells: [] };
  let cell = '';
  let i = 0;
  const endCell = () => {
    row.cells.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
  };
  while (i < text.length) {
    const char = text[i];
    if (char === '"' && cell === '') {
      const opened = line;
      i += 1;
      for (;;) {
        if (i >= text.length) return { ok: false, line: opened };
        const inner = text[i];
        if (inner === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (inner === '\n' || (inner === '\r' && text[i + 1] !== '\n')) line += 1;
        cell += inner;
        i += 1;
      }
      continue;
    }
    if (char === ',') {
      endCell();
      i += 1;
    } else if (char === '\r' || char === '\n') {
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
      endRow();
      line += 1;
      row = { line, cells: [] };
    } else {
      cell += char;
      i += 1;
    }
  }
  // A last line without a line end is a row too; the empty "line" after a final line end is not.
  if (cell !== '' || row.cells.length > 0) endRow();
  return { ok: true, rows };
}
