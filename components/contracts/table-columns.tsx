import { dataTableColumnHelper } from '@/components/ui/data-table/features';
import { ALWAYS_SHOWN, CONTRACT_COLUMNS, type ContractsText, contractHeader } from '@/lib/contracts/fields';
import type { ContractRow } from '@/lib/contracts/view';
import { StatusBadge } from './status-badge';

const column = dataTableColumnHelper<ContractRow>();

function Id({ value, missing }: { value: string | null; missing: string }) {
  return value ? (
    <span className="font-mono text-xs break-all">{value}</span>
  ) : (
    <span className="text-slate-600">{missing}</span>
  );
}

/**
 * The table's columns in the shared order (lib/contracts/fields.ts) the CSV export follows too,
 * headed in the page's language. The time is the server's Beijing-time text in every language.
 * Signing time is the one column staff can sort by, newest first, within each status group.
 */
export function contractsColumns(t: ContractsText) {
  const missing = t('table.missing');
  const id = (key: 'contractId' | 'outContractCode' | 'planId' | 'appid' | 'mchid') =>
    column.accessor(key, {
      header: contractHeader(t, key),
      cell: (info) => <Id value={info.getValue()} missing={missing} />,
    });
  const definitions = {
    contractId: id('contractId'),
    outContractCode: id('outContractCode'),
    status: column.accessor('status', {
      header: contractHeader(t, 'status'),
      cell: (info) => <StatusBadge status={info.getValue()} />,
    }),
    createTimeText: column.accessor('createTimeText', {
      header: contractHeader(t, 'createTimeText'),
      enableSorting: true,
      sortDescFirst: true,
      meta: { sortNote: t('tableTools.sortNote') },
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
          missing
        );
      },
    }),
    planId: id('planId'),
    openid: column.accessor('openid', {
      header: contractHeader(t, 'openid'),
      cell: (info) => (
        <>
          <Id value={info.getValue()} missing={missing} />
          {info.row.original.openidMismatch && (
            <span className="mt-1 block text-xs font-medium text-amber-800">{t('table.openidMismatch')}</span>
          )}
        </>
      ),
    }),
    appid: id('appid'),
    mchid: id('mchid'),
  };
  return column.columns(
    CONTRACT_COLUMNS.map((key) => ({ ...definitions[key], enableHiding: !ALWAYS_SHOWN.includes(key) })),
  );
}
