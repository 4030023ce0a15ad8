import {
  type ColumnDef,
  columnVisibilityFeature,
  createColumnHelper,
  metaHelper,
  type ReactTable,
  type RowData,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';

/** How tightly the rows sit: comfortable to read, compact to see more at once. */
export type Density = 'comfortable' | 'compact';

/** What the table's pieces read of the table as a whole, beside its state. */
export interface DataTableMeta {
  density: Density;
  setDensity: (density: Density) => void;
}

/** What a column says of its cells beyond their content. */
export interface DataTableColumnMeta {
  /** Classes of the column's body cells: width, font, wrapping. */
  className?: string;
  /** Its cell names the row (a row header, <th scope="row">), as a username names an account. */
  rowHeader?: boolean;
  /** Said on the sort button of a sortable column (its title), e.g. what sorting keeps in place. */
  sortNote?: string;
}

/** The one feature set of every table: columns can be hidden, and opted-in ones sorted. */
export const dataTableFeatures = tableFeatures({
  columnVisibilityFeature,
  rowSortingFeature,
  tableMeta: metaHelper<DataTableMeta>(),
  columnMeta: metaHelper<DataTableColumnMeta>(),
});

export type DataTableFeatures = typeof dataTableFeatures;

/** The table the pieces (DataTable, its toolbar, its skeleton) take. */
export type DataTableInstance<TData extends RowData> = ReactTable<DataTableFeatures, TData>;

// biome-ignore lint/suspicious/noExplicitAny: each column keeps its own value type; the table takes them all.
export type DataTableColumns<TData extends RowData> = ReadonlyArray<ColumnDef<DataTableFeatures, TData, any>>;

/** Typed column definitions for rows of TData (accessor, display, columns). */
export function dataTableColumnHelper<TData extends RowData>() {
  return createColumnHelper<DataTableFeatures, TData>();
}
