'use client';

import {
  type ColumnSort,
  type ColumnVisibilityState,
  functionalUpdate,
  type RowData,
  type SortingState,
  useTable,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { type DataTableColumns, type DataTableInstance, dataTableFeatures } from './features';
import { DEFAULT_PREFERENCES, type TablePreferences } from './use-table-preferences';

interface DataTableOptions<TData extends RowData> {
  columns: DataTableColumns<TData>;
  data: readonly TData[];
  getRowId?: (row: TData) => string;
  /**
   * The rows in the order of a sort. The order is the caller's, not a comparator's: the contracts
   * keep their status groups whichever way the time runs, which a comparator reversed whole for
   * descending cannot do.
   */
  orderRows?: (rows: readonly TData[], sort: ColumnSort) => TData[];
  /** The hidden columns and density to show (useTablePreferences); without them, all columns, comfortably. */
  preferences?: TablePreferences;
  onPreferencesChange?: (change: Partial<TablePreferences>) => void;
}

/**
 * A column sorts only when it says so (enableSorting). Its button turns the sort to the direction
 * the column starts with (sortDescFirst: descending), then the other, then back to none.
 */
const DEFAULT_COLUMN = { enableSorting: false };

const visibilityOf = (hidden: readonly string[]): ColumnVisibilityState =>
  Object.fromEntries(hidden.map((id) => [id, false]));

const hiddenIn = (visibility: ColumnVisibilityState): string[] =>
  Object.keys(visibility).filter((id) => visibility[id] === false);

/**
 * A table of rows: it owns the sort (which column, which way), and shows the columns and the
 * density of the preferences given, changing them through onPreferencesChange. The pieces of
 * components/ui/data-table take what this returns.
 */
export function useDataTable<TData extends RowData>({
  columns,
  data,
  getRowId,
  orderRows,
  preferences = DEFAULT_PREFERENCES,
  onPreferencesChange,
}: DataTableOptions<TData>): DataTableInstance<TData> {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [sort] = sorting;
  const rows = useMemo(() => (sort && orderRows ? orderRows(data, sort) : data), [data, sort, orderRows]);
  const columnVisibility = useMemo(() => visibilityOf(preferences.hidden), [preferences.hidden]);
  return useTable({
    features: dataTableFeatures,
    columns,
    data: rows,
    getRowId,
    defaultColumn: DEFAULT_COLUMN,
    manualSorting: true,
    enableMultiSort: false,
    state: { sorting, columnVisibility },
    onSortingChange: setSorting,
    onColumnVisibilityChange: (updater) =>
      onPreferencesChange?.({ hidden: hiddenIn(functionalUpdate(updater, columnVisibility)) }),
    meta: {
      density: preferences.density,
      setDensity: (density) => onPreferencesChange?.({ density }),
    },
  });
}
