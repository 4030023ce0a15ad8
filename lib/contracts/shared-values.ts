import type { ContractColumn } from './fields';
import type { ContractRow } from './view';

/**
 * Columns whose value is often the same on every row of a page: the plan of a single-plan search,
 * the parent's openid, the school's AppID and the merchant number. Repeated on every row they say
 * nothing new and push the table into a sideways scroll, so the table states them once, above.
 */
export const SUMMARISED_COLUMNS = ['planId', 'openid', 'appid', 'mchid'] as const satisfies readonly ContractColumn[];

export type SummarisedColumn = (typeof SUMMARISED_COLUMNS)[number];

/**
 * The value each summarised column has on every row alike, for the columns where it does (none
 * without rows). An openid other than the one asked for stays in its column, where each row
 * says so.
 */
export function sharedValues(rows: readonly ContractRow[]): Partial<Record<SummarisedColumn, string>> {
  const shared: Partial<Record<SummarisedColumn, string>> = {};
  const [first] = rows;
  if (!first) return shared;
  const mismatch = rows.some((row) => row.openidMismatch);
  for (const column of SUMMARISED_COLUMNS) {
    if (column === 'openid' && mismatch) continue;
    const value = first[column];
    if (value !== null && rows.every((row) => row[column] === value)) shared[column] = value;
  }
  return shared;
}
