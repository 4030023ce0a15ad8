import { useTranslations } from 'next-intl';
import { statusText } from '@/lib/contracts/fields';

/** Each status's colour; its label comes from the one place the CSV export reads too. */
const STATUS_STYLE: Record<string, string> = {
  ADD: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30',
  DELETE: 'bg-slate-100 text-slate-700 ring-slate-500/30',
};
const UNKNOWN_STYLE = 'bg-amber-50 text-amber-900 ring-amber-600/30';

export function StatusBadge({ status }: { status: string | null }) {
  const t = useTranslations();
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${
        (status && Object.hasOwn(STATUS_STYLE, status) && STATUS_STYLE[status]) || UNKNOWN_STYLE
      }`}
    >
      {statusText(t, status)}
    </span>
  );
}
