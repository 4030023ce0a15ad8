import { CSV_BOM, type CsvValue, csvLine } from '@/lib/csv';
import { beijingDateStamp } from '@/lib/time/beijing';
import { CONTRACT_COLUMNS, type ContractColumn, type ContractsText, contractHeader, statusText } from './fields';
import type { NamedPlan } from './plans';
import type { ContractRow } from './view';

/** An exported contract with the plan it was looked up in: the file's first column names it. */
export interface PlanRow {
  plan: NamedPlan;
  row: ContractRow;
}

function cell(t: ContractsText, row: ContractRow, column: ContractColumn): CsvValue {
  if (column === 'status') return statusText(t, row.status);
  // A time that is not RFC 3339 goes out as WeChat sent it rather than as nothing.
  if (column === 'createTimeText') return row.createTimeText ?? row.createTime;
  return { id: row[column] };
}

/**
 * Every exported contract as Excel opens it: the plan by the name the office knows it by (its id
 * is in 签约模板号), then the table's columns and headers. One plan's export and all plans' have
 * the same columns, so the office's spreadsheets take either.
 */
export function contractsCsv(t: ContractsText, rows: readonly PlanRow[]): string {
  const header = csvLine([t('allPlans.planColumn'), ...CONTRACT_COLUMNS.map((column) => contractHeader(t, column))]);
  const lines = rows.map(({ plan, row }) =>
    csvLine([plan.name, ...CONTRACT_COLUMNS.map((column) => cell(t, row, column))]),
  );
  return CSV_BOM + header + lines.join('');
}

/** e.g. 签约记录-oUpF8uMuAJO_M2pxb1Q9zNjWeS6o-20260901.csv: whose contracts, and the Beijing day. */
export function contractsCsvFilename(t: ContractsText, openid: string, now: number): string {
  return t('exportCsv.filename', { openid, date: beijingDateStamp(now) });
}
