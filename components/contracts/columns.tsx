import { createColumnHelper, tableFeatures } from '@tanstack/react-table';
import type { Translator } from '@/i18n/translator';
import type { ContractRow } from '@/lib/contracts/page';
import { StatusBadge } from './status-badge';

export const contractsFeatures = tableFeatures({});

const column = createColumnHelper<typeof contractsFeatures, ContractRow>();
type TableText = Translator<'table'>;

function Id({ value, missing }: { value: string | null; missing: string }) {
  return value ? (
    <span className="font-mono text-xs break-all">{value}</span>
  ) : (
    <span className="text-slate-400">{missing}</span>
  );
}

/**
 * The table's columns, in the order staff read them: which contract, its state, when, for what.
 * The time is the server's Beijing-time text, the same in every language.
 */
export const contractsColumns = (t: TableText) => {
  const id = (value: string | null) => <Id value={value} missing={t('missing')} />;
  return column.columns([
    column.accessor('contractId', { header: t('contractId'), cell: (info) => id(info.getValue()) }),
    column.accessor('outContractCode', { header: t('outContractCode'), cell: (info) => id(info.getValue()) }),
    column.accessor('status', { header: t('status'), cell: (info) => <StatusBadge status={info.getValue()} /> }),
    column.accessor('createTimeText', {
      header: t('createTime'),
      cell: (info) => {
        const original = info.row.original.createTime;
        const text = info.getValue() ?? original;
        return text ? (
          <time
            className="whitespace-nowrap tabular-nums"
            dateTime={original ?? undefined}
            title={original ?? undefined}
          >
            {text}
          </time>
        ) : (
          t('missing')
        );
      },
    }),
    column.accessor('planId', { header: t('planId'), cell: (info) => id(info.getValue()) }),
    column.accessor('openid', {
      header: t('openid'),
      cell: (info) => (
        <>
          {id(info.getValue())}
          {info.row.original.openidMismatch && (
            <span className="mt-1 block text-xs font-medium text-amber-800">{t('openidMismatch')}</span>
          )}
        </>
      ),
    }),
    column.accessor('appid', { header: t('appid'), cell: (info) => id(info.getValue()) }),
    column.accessor('mchid', { header: t('mchid'), cell: (info) => id(info.getValue()) }),
  ]);
};
