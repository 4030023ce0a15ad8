import type { Header, RowData } from '@tanstack/react-table';
import type { DataTableFeatures, DataTableInstance } from './features';

interface DataTableColumnHeaderProps<TData extends RowData> {
  table: DataTableInstance<TData>;
  header: Header<DataTableFeatures, TData>;
}

/**
 * A column's name in its header. A sortable column's is a button that turns the sort; its arrow is
 * drawn by CSS from the header cell's aria-sort (the cell is the `group`), so the name stays the text.
 */
export function DataTableColumnHeader<TData extends RowData>({ table, header }: DataTableColumnHeaderProps<TData>) {
  const { column } = header;
  if (!column.getCanSort()) return <table.FlexRender header={header} />;
  return (
    <button
      type="button"
      onClick={() => column.toggleSorting()}
      title={column.columnDef.meta?.sortNote}
      className="inline-flex items-center gap-1 rounded font-medium hover:text-slate-900"
    >
      <table.FlexRender header={header} />
      <span
        aria-hidden="true"
        className="after:content-['↕'] group-aria-[sort=ascending]:after:content-['↑'] group-aria-[sort=descending]:after:content-['↓']"
      />
    </button>
  );
}
