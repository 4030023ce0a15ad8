'use client';

import { useTable } from '@tanstack/react-table';
import { useTranslations } from 'next-intl';
import { type KeyboardEvent, type MouseEvent, useMemo } from 'react';
import { TableBox } from '@/components/ui/table-box';
import type { TimeOrder } from '@/lib/contracts/order';
import type { ContractRow } from '@/lib/contracts/view';
import { contractsColumns, contractsFeatures, SORTABLE_COLUMN } from './table-columns';
import type { Density } from './use-table-preferences';

interface ContractsTableProps {
  /** The rows of one page, in the order to show them. */
  rows: ContractRow[];
  hidden: readonly string[];
  density: Density;
  sort: TimeOrder | null;
  onSort: () => void;
  onOpen: (row: ContractRow) => void;
}

const CELL_PADDING: Record<Density, string> = { comfortable: 'px-3 py-2.5', compact: 'px-3 py-1' };

/**
 * One page of contracts. A row opens its detail on click or Enter; the header stays in view while
 * the rows scroll inside their box, and the box scrolls sideways on a narrow screen instead of the page.
 */
export function ContractsTable({ rows, hidden, density, sort, onSort, onOpen }: ContractsTableProps) {
  const t = useTranslations();
  // The headers are in the page's language: the columns are made again only when it changes.
  const columns = useMemo(() => contractsColumns(t), [t]);
  const table = useTable({
    features: contractsFeatures,
    columns,
    data: rows,
    getRowId: (row) => row.key,
    state: { columnVisibility: Object.fromEntries(hidden.map((id) => [id, false])) },
  });
  const padding = CELL_PADDING[density];

  function openOnClick(event: MouseEvent, row: ContractRow) {
    // Selecting an id with the mouse to copy it is not a request for the detail.
    if (window.getSelection()?.toString()) return;
    if ((event.target as HTMLElement).closest('a, button')) return;
    onOpen(row);
  }

  function openOnKey(event: KeyboardEvent, row: ContractRow) {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onOpen(row);
  }

  return (
    <TableBox label={t('table.caption')} className="max-h-[70vh] overflow-y-auto" focusable={false}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t('table.caption')}</caption>
        <thead className="sticky top-0 z-10 bg-slate-100 text-slate-700 shadow-[0_1px_0_var(--color-slate-200)]">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sortable = header.column.id === SORTABLE_COLUMN;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={`${padding} group font-medium whitespace-nowrap`}
                    aria-sort={sortable ? (sort ?? 'none') : undefined}
                  >
                    {header.isPlaceholder ? null : sortable ? (
                      <button
                        type="button"
                        onClick={onSort}
                        title={t('tableTools.sortNote')}
                        className="inline-flex items-center gap-1 rounded font-medium hover:text-slate-900"
                      >
                        <table.FlexRender header={header} />
                        {/* The arrow is drawn by CSS from aria-sort, so the header's text stays its name. */}
                        <span
                          aria-hidden="true"
                          className="after:content-['↕'] group-aria-[sort=ascending]:after:content-['↑'] group-aria-[sort=descending]:after:content-['↓']"
                        />
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              tabIndex={0}
              aria-label={t('detail.rowLabel', { contractId: row.original.contractId ?? t('table.missing') })}
              onClick={(event) => openOnClick(event, row.original)}
              onKeyDown={(event) => openOnKey(event, row.original)}
              className="cursor-pointer border-t border-slate-100 align-top hover:bg-slate-50 focus-visible:bg-blue-50 focus-visible:-outline-offset-2"
            >
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={padding}>
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
