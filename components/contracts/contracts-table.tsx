'use client';

import { useTable } from '@tanstack/react-table';
import { TableBox } from '@/components/ui/table-box';
import type { ContractRow } from '@/lib/contracts/page';
import { messages } from '@/lib/messages/zh-CN';
import { contractsColumns, contractsFeatures } from './columns';

/** The rows of one page, already ordered (signed before terminated) by the server. */
export function ContractsTable({ rows }: { rows: ContractRow[] }) {
  const table = useTable({
    features: contractsFeatures,
    columns: contractsColumns,
    data: rows,
    getRowId: (row) => row.key,
  });

  return (
    <TableBox label={messages.table.caption}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{messages.table.caption}</caption>
        <thead className="bg-slate-100 text-slate-700">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className="px-3 py-2.5 font-medium whitespace-nowrap">
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-100 align-top hover:bg-slate-50">
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className="px-3 py-2.5">
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}
