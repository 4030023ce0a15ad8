import { CSV_BOM, csvLine } from '@/lib/csv';
import { beijingDateStamp } from '@/lib/time/beijing';
import { CONTRACT_COLUMNS, CONTRACT_HEADERS, type ContractColumn, statusText } from './columns';
import type { ContractRow } from './page';

function cell(row: ContractRow, column: ContractColumn): string | null {
  if (column === 'status') return statusText(row.status);
  // A time that is not RFC 3339 goes out as WeChat sent it rather than as nothing.
  if (column === 'createTimeText') return row.createTimeText ?? row.createTime;
  return row[column];
}

/** Every exported contract, with the table's columns and Chinese headers, as Excel opens it. */
export function contractsCsv(rows: readonly ContractRow[]): string {
  const header = csvLine(CONTRACT_COLUMNS.map((column) => CONTRACT_HEADERS[column]));
  return CSV_BOM + header + rows.map((row) => csvLine(CONTRACT_COLUMNS.map((column) => cell(row, column)))).join('');
}

/** e.g. 签约记录-oUpF8uMu…-20260901.csv: whose contracts, and the Beijing day of the export. */
export function contractsCsvFilename(openid: string, now: number): string {
  return `签约记录-${openid}-${beijingDateStamp(now)}.csv`;
}
