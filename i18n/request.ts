import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from './locales';

/**
 * Each request's language (next-intl without i18n routing): the cookie the language switch sets,
 * else zh-CN. Only that language's messages are loaded. Every date next-intl formats is in Beijing
 * time, whatever the server's or the browser's zone.
 */
export default getRequestConfig(async ({ locale: requested }) => {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  // An explicit locale (e.g. the CSV export asking for zh-CN) wins over the cookie.
  const locale = isLocale(requested) ? requested : isLocale(cookie) ? cookie : DEFAULT_LOCALE;
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    timeZone: 'Asia/Shanghai',
  };
});
