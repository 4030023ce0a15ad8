import { useTranslations } from 'next-intl';
import { TableBox } from '@/components/ui/table-box';
import type { RosterEntry } from '@/lib/roster/entry';
import type { RosterField } from '@/lib/roster/import/columns';

/** As a school's sheet reads: the child, then the parent, the openid last (long, and not read by eye). */
const COLUMNS: readonly RosterField[] = ['studentName', 'studentNo', 'className', 'guardianName', 'phone', 'openid'];

/** The first rows of a previewed file, column by column as they would be stored. */
export function RosterPreviewTable({ rows, label }: { rows: readonly RosterEntry[]; label: string }) {
  const t = useTranslations('rosterImport.columns');
  return (
    <TableBox label={label}>
      <table className="min-w-full text-left text-sm">
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            {COLUMNS.map((field) => (
              <th key={field} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                {t(field)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows of a file, in the file's order, never reordered
            <tr key={index}>
              {COLUMNS.map((field) => (
                <td key={field} className={`px-3 py-1.5 ${field === 'openid' ? 'font-mono text-xs' : ''}`}>
                  {row[field] ?? ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}
