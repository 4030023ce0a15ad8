import { useTranslations } from 'next-intl';

/** WeChat's Request-ID, selectable in one click, for staff to quote to support. */
export function RequestIdLine({ requestId }: { requestId: string }) {
  const t = useTranslations('states');
  return (
    <p className="text-xs text-slate-600">
      {t.rich('requestIdLine', {
        id: requestId,
        mono: (text) => <span className="font-mono select-all">{text}</span>,
      })}
    </p>
  );
}
