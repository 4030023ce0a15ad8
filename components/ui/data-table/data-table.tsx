import type { RowData } from '@tanstack/react-table';
import type { KeyboardEvent, MouseEvent } from 'react';
import { TableBox } from '@/components/ui/table-box';
import { DataTableColumnHeader } from './data-table-column-header';
import type { DataTableInstance, Density } from './features';

interface DataTableProps<TData extends RowData> {
  table: DataTableInstance<TData>;
  /** The table's name: its caption, and the name of the region it scrolls in (see region). */
  caption: string;
  /** Whether its box is a named region; not where the page's own section already names the table. */
  region?: boolean;
  /** Rows scroll under a header that stays in view, inside a box at most 70% of the screen high. */
  scrollRows?: boolean;
  /** Opens a row (its detail) on click or Enter; the rows then take focus, named by rowLabel. */
  onOpen?: (row: TData) => void;
  rowLabel?: (row: TData) => string;
}

const CELL_PADDING: Record<Density, string> = { comfortable: 'px-3 py-2.5', compact: 'px-3 py-1' };
const HEAD = 'bg-slate-100 text-slate-700';
const STICKY_HEAD = `sticky top-0 z-10 ${HEAD} shadow-[0_1px_0_var(--color-slate-200)]`;
const ROW = 'border-t border-slate-100 align-top hover:bg-slate-50';
const OPENING_ROW = `cursor-pointer ${ROW} focus-visible:bg-blue-50 focus-visible:-outline-offset-2`;
const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

const classes = (...names: (string | undefined)[]) => names.filter(Boolean).join(' ');

/**
 * A real <table> in its box: on a narrow screen it scrolls sideways inside the box, not the page.
 * Its columns, their order and visibility, and the sort come from the table (useDataTable).
 */
export function DataTable<TData extends RowData>({
  table,
  caption,
  region = true,
  scrollRows = false,
  onOpen,
  rowLabel,
}: DataTableProps<TData>) {
  const padding = CELL_PADDING[table.options.meta?.density ?? 'comfortable'];

  function openOnClick(event: MouseEvent, row: TData) {
    // Selecting an id with the mouse to copy it is not a request for the detail.
    if (window.getSelection()?.toString()) return;
    if ((event.target as HTMLElement).closest('a, button')) return;
    onOpen?.(row);
  }

  function openOnKey(event: KeyboardEvent, row: TData) {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onOpen?.(row);
  }

  return (
    <TableBox
      label={region ? caption : undefined}
      className={scrollRows ? 'max-h-[70vh] overflow-y-auto' : undefined}
      // Rows that open take focus themselves: the box would be one more stop.
      focusable={!onOpen}
    >
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className={scrollRows ? STICKY_HEAD : HEAD}>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={`${padding} group font-medium whitespace-nowrap`}
                    aria-sort={header.column.getCanSort() ? (sorted ? ARIA_SORT[sorted] : 'none') : undefined}
                  >
                    {header.isPlaceholder ? null : <DataTableColumnHeader table={table} header={header} />}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              {...(onOpen && {
                tabIndex: 0,
                'aria-label': rowLabel?.(row.original),
                onClick: (event: MouseEvent) => openOnClick(event, row.original),
                onKeyDown: (event: KeyboardEvent) => openOnKey(event, row.original),
              })}
              className={onOpen ? OPENING_ROW : ROW}
            >
              {row.getVisibleCells().map((cell) => {
                const meta = cell.column.columnDef.meta;
                const className = classes(padding, meta?.className);
                return meta?.rowHeader ? (
                  <th key={cell.id} scope="row" className={className}>
                    <table.FlexRender cell={cell} />
                  </th>
                ) : (
                  <td key={cell.id} className={className}>
                    <table.FlexRender cell={cell} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}
