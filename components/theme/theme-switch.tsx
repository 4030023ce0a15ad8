'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { setTheme } from '@/lib/theme/set-theme';
import { THEMES, type Theme, themeAttribute, themeCookie } from '@/lib/theme/theme';

const optionClass =
  'cursor-pointer rounded-md px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-100 ' +
  'has-checked:bg-slate-900 has-checked:text-white ' +
  'has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-blue-600';

/**
 * 跟随系统 / 浅色 / 深色 as radio buttons (arrow keys move between them). The choice applies at
 * once to <html> and is kept in a cookie, which the server reads to render the next page in it.
 * Not a server action while the script runs: it must work signed out, on the login page, without
 * a round trip. Without a script a radio only marks the choice, so the form then shows an 应用
 * button that posts it (setTheme).
 */
export function ThemeSwitch({ initial, className = '' }: { initial: Theme; className?: string }) {
  const [theme, setThemeShown] = useState(initial);
  const t = useTranslations('theme');

  function choose(next: Theme) {
    setThemeShown(next);
    const attribute = themeAttribute(next);
    if (attribute) document.documentElement.dataset.theme = attribute;
    else delete document.documentElement.dataset.theme;
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from the browsers schools still use.
    document.cookie = themeCookie(next, window.location.protocol === 'https:');
  }

  return (
    <form action={setTheme} className={className}>
      <fieldset className="inline-flex gap-0.5 rounded-lg border border-slate-200 p-0.5">
        <legend className="sr-only">{t('label')}</legend>
        {THEMES.map((value) => (
          <label key={value} className={optionClass}>
            <input
              type="radio"
              name="theme"
              value={value}
              className="sr-only"
              checked={theme === value}
              onChange={() => choose(value)}
            />
            {t(`options.${value}`)}
          </label>
        ))}
        <noscript>
          <button type="submit" className={`${optionClass} font-medium underline underline-offset-2`}>
            {t('apply')}
          </button>
        </noscript>
      </fieldset>
    </form>
  );
}
