import { useTranslations } from 'next-intl';

/** Each status's label and colour, in one place. */
const STATUS_STYLE: Record<string, string> = {
  ADD: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30',
  DELETE: 'bg-slate-100 text-slate-700 ring-slate-500/30',
};
const UNKNOWN_STYLE = 'bg-amber-50 text-amber-900 ring-amber-600/30';

export function StatusBadge({ status }: { status: string | null }) {
  const t = useTranslations();
  const label = !status
    ? t('table.missing')
    : status === 'ADD' || status === 'DELETE'
      ? t(`status.${status}`)
      : t('status.unknown', { raw: status });
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${
        (status && STATUS_STYLE[status]) || UNKNOWN_STYLE
      }`}
    >
      {label}
    </span>
  );
}
