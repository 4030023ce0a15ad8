import type { RosterEntry } from '../entry';
import { fieldOfHeader, REQUIRED_FIELDS, type RosterField } from './columns';
import { csvRows } from './csv-rows';
import { type CsvEncoding, decodeCsv } from './decode';
import { MAX_LISTED_PROBLEMS, MAX_ROSTER_BYTES, MAX_ROSTER_ROWS } from './limits';
import type { RosterProblem } from './problems';
import { rowEntry } from './row-entry';
import type { SheetRow } from './sheet-row';
import { xlsxRows } from './xlsx-rows';

/**
 * A roster file (CSV or XLSX, told apart by its bytes, not its name) as roster entries, and every
 * problem found in it by line. Pure: nothing is stored here, and an import stores nothing unless
 * the file has no problem at all.
 */
export interface ParsedRoster {
  format: 'csv' | 'xlsx';
  /** The CSV's encoding as detected (an XLSX is always UTF-8 inside). */
  encoding: CsvEncoding;
  /** The rows without a problem, in the file's order; the file's data rows are entries + rows with problems. */
  entries: RosterEntry[];
  /** The file's line each entry starts on (lines[i] for entries[i]): blank lines are skipped, so not i + 2. */
  lines: number[];
  /** The data rows read (blank ones aside). */
  rows: number;
  /** The first MAX_LISTED_PROBLEMS problems, by line (problemCount says how many in all). */
  problems: RosterProblem[];
  /** How many problems there are in all. */
  problemCount: number;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((byte, i) => bytes[i] === byte);

const isBlank = (row: SheetRow) => row.cells.every((cell) => typeof cell === 'string' && cell.trim() === '');

function failed(format: ParsedRoster['format'], problem: RosterProblem): ParsedRoster {
  return { format, encoding: 'utf-8', entries: [], lines: [], rows: 0, problems: [problem], problemCount: 1 };
}

/** The header's columns by field, or the header's problems. */
function columnsOf(header: SheetRow): { columns: Map<RosterField, number>; problems: RosterProblem[] } {
  const columns = new Map<RosterField, number>();
  const problems: RosterProblem[] = [];
  header.cells.forEach((cell, index) => {
    const field = typeof cell === 'string' ? fieldOfHeader(cell) : undefined;
    if (!field) return;
    if (columns.has(field)) problems.push({ line: 1, kind: 'duplicateColumn', field });
    else columns.set(field, index);
  });
  for (const field of REQUIRED_FIELDS) {
    if (!columns.has(field)) problems.push({ line: 1, kind: 'missingColumn', field });
  }
  return { columns, problems };
}

async function sheetRows(
  bytes: Uint8Array,
): Promise<{ format: ParsedRoster['format']; encoding: CsvEncoding; rows: SheetRow[] } | RosterProblem> {
  if (startsWith(bytes, OLE)) return { line: null, kind: 'oldExcel' };
  if (startsWith(bytes, ZIP)) {
    const rows = await xlsxRows(bytes);
    return rows ? { format: 'xlsx', encoding: 'utf-8', rows } : { line: null, kind: 'unreadable' };
  }
  const { text, encoding } = decodeCsv(bytes);
  // A NUL never stands in a text file: this is some other binary file.
  if (text.includes('\0')) return { line: null, kind: 'unreadable' };
  const parsed = csvRows(text);
  return parsed.ok ? { format: 'csv', encoding, rows: parsed.rows } : { line: parsed.line, kind: 'unclosedQuote' };
}

export async function parseRoster(bytes: Uint8Array): Promise<ParsedRoster> {
  if (bytes.byteLength > MAX_ROSTER_BYTES) {
    return failed('csv', { line: null, kind: 'tooLarge', max: MAX_ROSTER_BYTES / 1024 / 1024 });
  }
  const read = await sheetRows(bytes);
  if ('kind' in read) return failed(startsWith(bytes, ZIP) ? 'xlsx' : 'csv', read);
  const { format, encoding } = read;
  const [header, ...data] = read.rows.filter((row) => !isBlank(row));
  const result = (
    rows: number,
    entries: RosterEntry[],
    problems: RosterProblem[],
    lines: number[] = [],
  ): ParsedRoster => ({
    format,
    encoding,
    entries,
    lines,
    rows,
    problems: problems.slice(0, MAX_LISTED_PROBLEMS),
    problemCount: problems.length,
  });
  if (header?.line !== 1) return result(0, [], [{ line: null, kind: 'empty' }]);
  const { columns, problems } = columnsOf(header);
  if (problems.length > 0) return result(data.length, [], problems);
  if (data.length === 0) return result(0, [], [{ line: null, kind: 'noRows' }]);
  if (data.length > MAX_ROSTER_ROWS)
    return result(data.length, [], [{ line: null, kind: 'tooManyRows', max: MAX_ROSTER_ROWS }]);
  const entries: RosterEntry[] = [];
  const lines: number[] = [];
  for (const row of data) {
    const checked = rowEntry(row.line, columns, row.cells);
    if (checked.ok) {
      entries.push(checked.entry);
      lines.push(row.line);
    } else problems.push(...checked.problems);
  }
  return result(data.length, entries, problems, lines);
}
