import { columnVisibilityFeature, createColumnHelper, tableFeatures } from '@tanstack/react-table';
import { ALWAYS_SHOWN, CONTRACT_COLUMNS, CONTRACT_HEADERS, type ContractColumn } from '@/lib/contracts/columns';
import type { ContractRow } from '@/lib/contracts/page';
import { messages } from '@/lib/messages/zh-CN';
import { StatusBadge } from './status-badge';

export const contractsFeatures = tableFeatures({ columnVisibilityFeature });

/** The one column staff can sort by: signing time, within each status group. */
export const SORTABLE_COLUMN: ContractColumn = 'createTimeText';

const column = createColumnHelper<typeof contractsFeatures, ContractRow>();
const t = messages.table;

function Id({ value }: { value: string | null }) {
  return value ? (
    <span className="font-mono text-xs break-all">{value}</span>
  ) : (
    <span className="text-slate-600">{t.missing}</span>
  );
}

const id = (key: 'contractId' | 'outContractCode' | 'planId' | 'appid' | 'mchid') =>
  column.accessor(key, { header: CONTRACT_HEADERS[key], cell: (info) => <Id value={info.getValue()} /> });

const DEFINITIONS = {
  contractId: id('contractId'),
  outContractCode: id('outContractCode'),
  status: column.accessor('status', {
    header: CONTRACT_HEADERS.status,
    cell: (info) => <StatusBadge status={info.getValue()} />,
  }),
  createTimeText: column.accessor('createTimeText', {
    header: CONTRACT_HEADERS.createTimeText,
    cell: (info) => {
      const original = info.row.original.createTime;
      const text = info.getValue() ?? original;
      return text ? (
        <time className="whitespace-nowrap tabular-nums" dateTime={original ?? undefined} title={original ?? undefined}>
          {text}
        </time>
      ) : (
        t.missing
      );
    },
  }),
  planId: id('planId'),
  openid: column.accessor('openid', {
    header: CONTRACT_HEADERS.openid,
    cell: (info) => (
      <>
        <Id value={info.getValue()} />
        {info.row.original.openidMismatch && (
          <span className="mt-1 block text-xs font-medium text-amber-800">{t.openidMismatch}</span>
        )}
      </>
    ),
  }),
  appid: id('appid'),
  mchid: id('mchid'),
};

/** The table's columns, in the shared order (lib/contracts/columns.ts) the CSV export follows too. */
export const contractsColumns = column.columns(
  CONTRACT_COLUMNS.map((key) => ({ ...DEFINITIONS[key], enableHiding: !ALWAYS_SHOWN.includes(key) })),
);
