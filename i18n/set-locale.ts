'use server';

import { cookies, headers } from 'next/headers';
import { isHttpsRequest } from '@/lib/server/transport';
import { getSettings } from '@/lib/settings/settings';
import { isLocale, LOCALE_COOKIE } from './locales';

const ONE_YEAR_S = 365 * 24 * 60 * 60;

/**
 * The language switch. Open to anyone (the login page has it too) and it touches nothing but the
 * caller's own language cookie. Setting a cookie in an action makes Next.js render the current
 * page again, so the page changes language where it stands, URL unchanged.
 */
export async function setLocale(form: unknown): Promise<void> {
  const locale = form instanceof FormData ? form.get('locale') : null;
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: '/',
    maxAge: ONE_YEAR_S,
    sameSite: 'lax',
    // Not HttpOnly: it holds no secret (zh-CN or en), and the page that stands in when the app's
    // own layout fails (app/global-error.tsx) reads it in the browser to speak the same language.
    httpOnly: false,
    // Like the session cookie: Secure when the browser came over https.
    secure: isHttpsRequest(await headers(), getSettings().access),
  });
}
