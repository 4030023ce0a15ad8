'use server';

import { cookies, headers } from 'next/headers';
import { isHttpsRequest } from '@/lib/server/transport';
import { getSettings } from '@/lib/settings/settings';
import { parseTheme, THEME_COOKIE, themeCookieMaxAge } from './theme';

/**
 * The theme switch before the page's script runs, or without one: its 应用 button posts the
 * chosen radio here, and the page comes back in that theme. With the script the switch sets the
 * cookie itself, at once. Open to anyone, like the language switch: it sets only the caller's own
 * cookie, the same one the browser writes (so not HttpOnly).
 */
export async function setTheme(form: unknown): Promise<void> {
  const theme = parseTheme(form instanceof FormData ? String(form.get('theme') ?? '') : undefined);
  (await cookies()).set(THEME_COOKIE, theme, {
    path: '/',
    maxAge: themeCookieMaxAge(theme),
    sameSite: 'lax',
    httpOnly: false,
    secure: isHttpsRequest(await headers(), getSettings().access),
  });
}
