import { useTranslations } from 'next-intl';
import { TableBox } from '@/components/ui/table-box';
import { AUDIT_COLUMNS, type AuditColumn, auditCells, auditHeaders } from '@/lib/audit/cells';
import type { AuditRecord } from '@/lib/audit/record';

const CELL_CLASS: Partial<Record<AuditColumn, string>> = {
  at: 'whitespace-nowrap tabular-nums',
  openid: 'min-w-56 font-mono text-xs break-all',
  planId: 'font-mono text-xs',
  page: 'whitespace-nowrap tabular-nums',
  requestId: 'min-w-40 font-mono text-xs break-all',
  clientIp: 'font-mono text-xs',
};

/** One page of the audit trail, newest first, with the same columns and text as the CSV export. */
export function AuditTable({ records }: { records: AuditRecord[] }) {
  const t = useTranslations();
  const headers = auditHeaders(t);
  return (
    <TableBox label={t('audit.caption')}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t('audit.caption')}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col" className="px-3 py-2.5 font-medium whitespace-nowrap">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {records.map((record) => {
            const cells = auditCells(t, record);
            return (
              <tr key={record.id} className="border-t border-slate-100 align-top hover:bg-slate-50">
                {AUDIT_COLUMNS.map((column) => (
                  <td
                    key={column}
                    className={`px-3 py-2.5 ${CELL_CLASS[column] ?? ''} ${
                      column === 'outcome' ? (record.outcome === 'ok' ? 'text-emerald-700' : 'text-red-700') : ''
                    }`}
                  >
                    {cells[column] ?? t('admin.missing')}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableBox>
  );
}
