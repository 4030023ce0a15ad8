'use client';

import type { ColumnSort } from '@tanstack/react-table';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { useDataTable } from '@/components/ui/data-table/use-data-table';
import { useTablePreferences } from '@/components/ui/data-table/use-table-preferences';
import { ALWAYS_SHOWN, CONTRACT_COLUMNS, type ContractColumn } from '@/lib/contracts/fields';
import { sortWithinStatusGroups } from '@/lib/contracts/order';
import type { NamedPlan } from '@/lib/contracts/plans';
import { sharedValues } from '@/lib/contracts/shared-values';
import type { ContractRow } from '@/lib/contracts/view';
import { contractsColumns } from './table-columns';

/** Only columns that exist and may be hidden: an old or edited stored value cannot hide the rest. */
const HIDEABLE: readonly string[] = CONTRACT_COLUMNS.filter((column) => !ALWAYS_SHOWN.includes(column));

/** Sorted by signing time (the one sortable column), a terminated contract never rises above a signed one. */
const inTimeOrder = (rows: readonly ContractRow[], sort: ColumnSort) =>
  sortWithinStatusGroups(rows, sort.desc ? 'descending' : 'ascending');

const rowId = (row: ContractRow) => row.key;

/**
 * One page of contracts as a table, shown as this staff member likes it in this browser. Values
 * the same on every row (sharedValues) are not columns: the page states them once, above.
 */
export function useContractsTable(rows: readonly ContractRow[], username: string, plans: readonly NamedPlan[]) {
  const t = useTranslations();
  const omittedKey = Object.keys(sharedValues(rows)).join();
  // The columns are made again only when the language, the plans or the values stated above change.
  const columns = useMemo(
    () => contractsColumns(t, plans, omittedKey ? (omittedKey.split(',') as ContractColumn[]) : []),
    [t, plans, omittedKey],
  );
  const [preferences, setPreferences] = useTablePreferences(`eduschoolpay:table:${username}`, HIDEABLE);
  return useDataTable({
    columns,
    data: rows,
    getRowId: rowId,
    orderRows: inTimeOrder,
    preferences,
    onPreferencesChange: setPreferences,
  });
}
