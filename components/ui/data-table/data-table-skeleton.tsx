import type { RowData } from '@tanstack/react-table';
import { useTranslations } from 'next-intl';
import type { DataTableInstance } from './features';

/** Shaped like the table it stands in for (its columns shown, rows), so the page does not jump when rows arrive. */
export function DataTableSkeleton<TData extends RowData>({
  table,
  rows,
}: {
  table: DataTableInstance<TData>;
  rows: number;
}) {
  const t = useTranslations('states');
  const columns = table.getVisibleLeafColumns();
  const rowIds = Array.from({ length: rows }, (_, n) => `r${n}`);
  return (
    <div
      role="status"
      aria-label={t('loading')}
      className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm"
    >
      <span className="sr-only">{t('loading')}</span>
      <div className="h-10 bg-slate-100" />
      {rowIds.map((rowId) => (
        <div
          key={rowId}
          className="grid animate-pulse gap-4 border-t border-slate-100 px-3 py-3"
          style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(0, 1fr))` }}
        >
          {columns.map((column) => (
            <div key={column.id} className="h-4 rounded bg-slate-200" />
          ))}
        </div>
      ))}
    </div>
  );
}
