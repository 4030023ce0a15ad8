import { useTranslations } from 'next-intl';

/** No records: for these filters, or none at all yet. */
export function AuditEmpty({ filtered }: { filtered: boolean }) {
  const t = useTranslations('audit');
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-5 py-8 text-center">
      <p className="text-base font-medium">{filtered ? t('empty') : t('emptyNone')}</p>
      <p className="mt-1 text-sm text-slate-600">{filtered ? t('emptyHint') : t('emptyNoneHint')}</p>
    </div>
  );
}
