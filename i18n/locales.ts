/**
 * The languages staff can choose. zh-CN is the default: the finance office reads Chinese, and
 * English is there for whoever prefers it. The choice lives in a cookie, never in the URL, so
 * links to a search stay the same whichever language the colleague reading them uses.
 */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const LOCALE_COOKIE = 'NEXT_LOCALE';

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}
