import { useTranslations } from 'next-intl';
import { contractHeader } from '@/lib/contracts/fields';
import { type NamedPlan, planName } from '@/lib/contracts/plans';
import { SUMMARISED_COLUMNS, sharedValues } from '@/lib/contracts/shared-values';
import type { ContractRow } from '@/lib/contracts/view';

interface SharedValuesLineProps {
  rows: readonly ContractRow[];
  plans: readonly NamedPlan[];
}

/** The values every row of the page shares, stated once above the table instead of in each row. */
export function SharedValuesLine({ rows, plans }: SharedValuesLineProps) {
  const t = useTranslations();
  const shared = sharedValues(rows);
  const columns = SUMMARISED_COLUMNS.filter((column) => shared[column] !== undefined);
  if (columns.length === 0) return null;
  return (
    <dl aria-label={t('table.sharedValues')} className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-700">
      {columns.map((column) => {
        const value = shared[column] as string;
        const name = column === 'planId' ? planName(plans, value) : undefined;
        return (
          <div key={column} className="flex items-baseline gap-1.5">
            <dt className="text-slate-500">{contractHeader(t, column)}</dt>
            <dd className="flex items-baseline gap-1.5">
              {name && <span className="font-medium">{name}</span>}
              <span className="font-mono text-xs whitespace-nowrap">{value}</span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
