/**
 * The look staff chose: the system's (no cookie) or always light or dark. The server reads the
 * cookie to render <html data-theme>, the browser writes it when staff switch.
 */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_COOKIE = 'theme';
/** A year: a choice made once should outlive sessions and sign-outs. */
const THEME_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/** Anything other than a known choice (missing, old or forged) means: follow the system. */
export function parseTheme(value: string | undefined): Theme {
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** The `data-theme` of <html>: none when following the system, so the CSS media query decides. */
export function themeAttribute(theme: Theme): 'light' | 'dark' | undefined {
  return theme === 'system' ? undefined : theme;
}

/** How long the cookie lives: 'system' deletes it. */
export function themeCookieMaxAge(theme: Theme): number {
  return theme === 'system' ? 0 : THEME_COOKIE_MAX_AGE;
}

/** The Set-Cookie text for `document.cookie`: 'system' deletes the cookie. */
export function themeCookie(theme: Theme, secure: boolean): string {
  return `${THEME_COOKIE}=${theme}; Path=/; Max-Age=${themeCookieMaxAge(theme)}; SameSite=Lax${secure ? '; Secure' : ''}`;
}
