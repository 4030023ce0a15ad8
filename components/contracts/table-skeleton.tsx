import { useTranslations } from 'next-intl';

const CELLS = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'];

/** Shaped like the table it stands in for, so the page does not jump when rows arrive. */
export function TableSkeleton({ rows }: { rows: number }) {
  const rowIds = Array.from({ length: rows }, (_, n) => `r${n}`);
  const t = useTranslations('states');
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
          style={{ gridTemplateColumns: `repeat(${CELLS.length}, minmax(0, 1fr))` }}
        >
          {CELLS.map((cellId) => (
            <div key={cellId} className="h-4 rounded bg-slate-200" />
          ))}
        </div>
      ))}
    </div>
  );
}
