import { CSV_BOM, type CsvValue, csvLine } from '@/lib/csv';
import { beijingDateStamp } from '@/lib/time/beijing';
import { CONTRACT_COLUMNS, type ContractColumn, type ContractsText, contractHeader, statusText } from './fields';
import type { ContractRow } from './view';

function cell(t: ContractsText, row: ContractRow, column: ContractColumn): CsvValue {
  if (column === 'status') return statusText(t, row.status);
  // A time that is not RFC 3339 goes out as WeChat sent it rather than as nothing.
  if (column === 'createTimeText') return row.createTimeText ?? row.createTime;
  return { id: row[column] };
}

/** Every exported contract with the table's columns and headers, as Excel opens it. */
export function contractsCsv(t: ContractsText, rows: readonly ContractRow[]): string {
  const header = csvLine(CONTRACT_COLUMNS.map((column) => contractHeader(t, column)));
  return CSV_BOM + header + rows.map((row) => csvLine(CONTRACT_COLUMNS.map((column) => cell(t, row, column)))).join('');
}

/** e.g. 签约记录-oUpF8uMuAJO_M2pxb1Q9zNjWeS6o-20260901.csv: whose contracts, and the Beijing day. */
export function contractsCsvFilename(t: ContractsText, openid: string, now: number): string {
  return t('exportCsv.filename', { openid, date: beijingDateStamp(now) });
}
