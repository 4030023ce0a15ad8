import type { RowData } from '@tanstack/react-table';
import { useTranslations } from 'next-intl';
import type { DataTableInstance, Density } from './features';

const DENSITIES: Density[] = ['comfortable', 'compact'];

/** 舒适 / 紧凑: how tightly the table's rows sit, the current one pressed. */
export function DataTableDensity<TData extends RowData>({ table }: { table: DataTableInstance<TData> }) {
  const t = useTranslations('tableTools');
  const meta = table.options.meta;
  return (
    <fieldset className="flex items-center gap-2">
      <legend className="sr-only">{t('density')}</legend>
      <span aria-hidden="true" className="text-sm text-slate-600">
        {t('density')}
      </span>
      <span className="inline-flex overflow-hidden rounded-md border border-slate-300">
        {DENSITIES.map((density) => (
          <button
            key={density}
            type="button"
            aria-pressed={meta?.density === density}
            onClick={() => meta?.setDensity(density)}
            className="bg-white px-3 py-1.5 text-sm not-first:border-l not-first:border-slate-300 hover:bg-slate-50 aria-pressed:bg-slate-800 aria-pressed:text-white"
          >
            {t(density)}
          </button>
        ))}
      </span>
    </fieldset>
  );
}
