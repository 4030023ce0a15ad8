'use client';

import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { DataTable } from '@/components/ui/data-table/data-table';
import { dataTableColumnHelper } from '@/components/ui/data-table/features';
import { useDataTable } from '@/components/ui/data-table/use-data-table';
import type { AuditColumn } from '@/lib/audit/cells';

/** One record as the page shows it: its text, column by column, as the CSV export has it. */
export interface AuditRow {
  id: number;
  /** The lookup succeeded: its outcome reads in green, a failure in red. */
  ok: boolean;
  /** Null where there is nothing to show. */
  cells: Record<AuditColumn, string | null>;
}

const CELL_CLASS: Partial<Record<AuditColumn, string>> = {
  at: 'whitespace-nowrap tabular-nums',
  school: 'font-mono text-xs',
  openid: 'min-w-56 font-mono text-xs break-all',
  planId: 'font-mono text-xs',
  page: 'whitespace-nowrap tabular-nums',
  requestId: 'min-w-40 font-mono text-xs break-all',
  clientIp: 'font-mono text-xs',
};

const column = dataTableColumnHelper<AuditRow>();
const rowId = (row: AuditRow) => String(row.id);

interface AuditTextTableProps {
  /** The columns in order (AUDIT_COLUMNS, given by the server: lib/audit/cells.ts carries the whole catalog). */
  columns: readonly AuditColumn[];
  rows: AuditRow[];
}

/** The audit records' text laid out as a table, each column's cells styled for what they hold. */
export function AuditTextTable({ columns: ids, rows }: AuditTextTableProps) {
  const t = useTranslations();
  const columns = useMemo(() => {
    const missing = t('admin.missing');
    return ids.map((id) =>
      column.accessor((row) => row.cells[id], {
        id,
        header: t(`audit.columns.${id}`),
        meta: { className: CELL_CLASS[id] },
        cell: (info) =>
          id === 'outcome' ? (
            <span className={info.row.original.ok ? 'text-emerald-700' : 'text-red-700'}>{info.getValue()}</span>
          ) : (
            (info.getValue() ?? missing)
          ),
      }),
    );
  }, [t, ids]);
  const table = useDataTable({ columns, data: rows, getRowId: rowId });
  return <DataTable table={table} caption={t('audit.caption')} />;
}
