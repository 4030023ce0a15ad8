import { useTranslations } from 'next-intl';

/** What to enter and where to find it, for a clerk who has never heard of an openid. */
export function FirstVisit() {
  const t = useTranslations('firstVisit');
  return (
    <section aria-labelledby="first-visit-title" className="rounded-lg border border-slate-200 bg-white px-5 py-4">
      <h2 id="first-visit-title" className="text-base font-semibold">
        {t('title')}
      </h2>
      <ol className="mt-2 list-decimal space-y-1.5 pl-5 text-sm text-slate-700">
        <li>{t('step1')}</li>
        <li>{t('step2')}</li>
        <li>{t('step3')}</li>
      </ol>
    </section>
  );
}
