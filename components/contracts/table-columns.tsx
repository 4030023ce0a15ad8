import { dataTableColumnHelper } from '@/components/ui/data-table/features';
import {
  ALWAYS_SHOWN,
  CONTRACT_COLUMNS,
  type ContractColumn,
  type ContractsText,
  contractHeader,
} from '@/lib/contracts/fields';
import { type NamedPlan, planName } from '@/lib/contracts/plans';
import type { ContractRow } from '@/lib/contracts/view';
import { StatusBadge } from './status-badge';

const column = dataTableColumnHelper<ContractRow>();

/** An id on one line: a number read out to a parent must never be split mid-digits. */
function Id({ value, missing }: { value: string | null; missing: string }) {
  return value ? (
    <span className="font-mono text-xs whitespace-nowrap">{value}</span>
  ) : (
    <span className="text-slate-600">{missing}</span>
  );
}

/**
 * The table's columns in the shared order (lib/contracts/fields.ts) the CSV export follows too,
 * headed in the page's language, but those `omitted` (the values stated once above the table). The
 * time is the server's Beijing-time text in every language. Signing time is the one column staff
 * can sort by, newest first, within each status group. A plan shows by the name the office uses,
 * its id kept for the detail and the cell's title.
 */
export function contractsColumns(t: ContractsText, plans: readonly NamedPlan[], omitted: readonly ContractColumn[]) {
  const missing = t('table.missing');
  const id = (key: 'contractId' | 'outContractCode' | 'appid' | 'mchid') =>
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
    planId: column.accessor('planId', {
      header: contractHeader(t, 'planId'),
      cell: (info) => {
        const name = planName(plans, info.getValue());
        return name ? (
          <span className="whitespace-nowrap" title={info.getValue() ?? undefined}>
            {name}
          </span>
        ) : (
          <Id value={info.getValue()} missing={missing} />
        );
      },
    }),
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
    CONTRACT_COLUMNS.filter((key) => !omitted.includes(key)).map((key) => ({
      ...definitions[key],
      enableHiding: !ALWAYS_SHOWN.includes(key),
    })),
  );
}
