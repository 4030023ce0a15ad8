import { createColumnHelper, tableFeatures } from '@tanstack/react-table';
import type { ContractRow } from '@/lib/contracts/page';
import { messages } from '@/lib/messages/zh-CN';
import { StatusBadge } from './status-badge';

export const contractsFeatures = tableFeatures({});

const column = createColumnHelper<typeof contractsFeatures, ContractRow>();
const t = messages.table;

function Id({ value }: { value: string | null }) {
  return value ? (
    <span className="font-mono text-xs break-all">{value}</span>
  ) : (
    <span className="text-slate-400">{t.missing}</span>
  );
}

/** The table's columns, in the order staff read them: which contract, its state, when, for what. */
export const contractsColumns = column.columns([
  column.accessor('contractId', { header: t.contractId, cell: (info) => <Id value={info.getValue()} /> }),
  column.accessor('outContractCode', { header: t.outContractCode, cell: (info) => <Id value={info.getValue()} /> }),
  column.accessor('status', { header: t.status, cell: (info) => <StatusBadge status={info.getValue()} /> }),
  column.accessor('createTimeText', {
    header: t.createTime,
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
  column.accessor('planId', { header: t.planId, cell: (info) => <Id value={info.getValue()} /> }),
  column.accessor('openid', {
    header: t.openid,
    cell: (info) => (
      <>
        <Id value={info.getValue()} />
        {info.row.original.openidMismatch && (
          <span className="mt-1 block text-xs font-medium text-amber-800">{t.openidMismatch}</span>
        )}
      </>
    ),
  }),
  column.accessor('appid', { header: t.appid, cell: (info) => <Id value={info.getValue()} /> }),
  column.accessor('mchid', { header: t.mchid, cell: (info) => <Id value={info.getValue()} /> }),
]);
