import { describe, expect, it } from 'vitest';
import { parseTheme, themeAttribute, themeCookie } from './theme';

describe('theme', () => {
  it('follows the system unless the cookie says light or dark', () => {
    expect(parseTheme('light')).toBe('light');
    expect(parseTheme('dark')).toBe('dark');
    expect(parseTheme(undefined)).toBe('system');
    expect(parseTheme('system')).toBe('system');
    expect(parseTheme('DARK')).toBe('system');
    expect(parseTheme('"><script>')).toBe('system');
  });

  it('puts no data-theme on <html> when following the system', () => {
    expect(themeAttribute('system')).toBeUndefined();
    expect(themeAttribute('dark')).toBe('dark');
  });

  it('keeps a choice for a year and deletes the cookie for the system', () => {
    expect(themeCookie('dark', false)).toBe('theme=dark; Path=/; Max-Age=31536000; SameSite=Lax');
    expect(themeCookie('light', true)).toBe('theme=light; Path=/; Max-Age=31536000; SameSite=Lax; Secure');
    expect(themeCookie('system', false)).toMatch(/^theme=system; Path=\/; Max-Age=0;/);
  });
});
