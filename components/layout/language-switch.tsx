import { useLocale, useTranslations } from 'next-intl';
import { LOCALES } from '@/i18n/locales';
import { setLocale } from '@/i18n/set-locale';

/**
 * 中文 / English. A plain form posting to a server action: it works before the page's script has
 * loaded and adds no JavaScript. Each name is written in its own language, so it can be found
 * whichever language the page is in; the current one is marked pressed.
 */
export function LanguageSwitch() {
  const t = useTranslations('locale');
  const current = useLocale();
  return (
    <form
      action={setLocale}
      aria-label={t('label')}
      className="flex shrink-0 overflow-hidden rounded-md border border-slate-300 text-sm whitespace-nowrap"
    >
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className="px-2.5 py-1.5 font-medium text-slate-700 not-first:border-l not-first:border-slate-300 hover:bg-slate-100 aria-pressed:bg-slate-900 aria-pressed:text-white"
        >
          {t(`names.${locale}`)}
        </button>
      ))}
    </form>
  );
}
