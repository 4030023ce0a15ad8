import type { RowData } from '@tanstack/react-table';
import { DataTableDensity } from './data-table-density';
import { DataTableViewOptions } from './data-table-view-options';
import type { DataTableInstance } from './features';

/** Which columns show and how tightly the rows sit. */
export function DataTableToolbar<TData extends RowData>({ table }: { table: DataTableInstance<TData> }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <DataTableViewOptions table={table} />
      <DataTableDensity table={table} />
    </div>
  );
}
