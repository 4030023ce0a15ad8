import { describe, expect, it } from 'vitest';
import { parseAccess } from './access';

/** What parseAccess throws: a ConfigError naming the variable, and its one line. */
const refused = (variable: string, message: RegExp) =>
  expect.objectContaining({ name: 'ConfigError', variable, message: expect.stringMatching(message) });

describe('parseAccess', () => {
  it('has a working default for everything', () => {
    expect(parseAccess({})).toEqual({
      sessionIdleHours: 8,
      lookupsPerMinute: 60,
      publicHttps: undefined,
      trustedProxies: 0,
      admin: undefined,
      sandboxAccounts: undefined,
    });
  });

  it('reads every setting, and whether BETTER_AUTH_URL is https (unset: each request tells)', () => {
    expect(
      parseAccess({
        DASHBOARD_SESSION_IDLE_HOURS: '0.5',
        DASHBOARD_LOOKUPS_PER_MINUTE: '30.9',
        BETTER_AUTH_URL: 'https://dashboard.school.example',
        DASHBOARD_TRUSTED_PROXIES: '2',
        DASHBOARD_ADMIN_USERNAME: ' finance-office ',
        DASHBOARD_ADMIN_PASSWORD: 'correct horse',
        DASHBOARD_SANDBOX_ACCOUNTS: ' remove ',
      }),
    ).toEqual({
      sessionIdleHours: 0.5,
      lookupsPerMinute: 30,
      publicHttps: true,
      trustedProxies: 2,
      admin: { username: 'finance-office', password: 'correct horse' },
      sandboxAccounts: 'remove',
    });
    expect(parseAccess({ BETTER_AUTH_URL: 'http://127.0.0.1:3000' }).publicHttps).toBe(false);
  });

  it.each<[string, Record<string, string>, string, RegExp]>([
    ['a username without a password', { DASHBOARD_ADMIN_USERNAME: 'wang' }, 'DASHBOARD_ADMIN_PASSWORD', /go together/],
    [
      'a password without a username',
      { DASHBOARD_ADMIN_PASSWORD: 'secret-pass' },
      'DASHBOARD_ADMIN_USERNAME',
      /go together/,
    ],
    [
      'a username with spaces',
      { DASHBOARD_ADMIN_USERNAME: 'wang li', DASHBOARD_ADMIN_PASSWORD: 'secret-pass' },
      'DASHBOARD_ADMIN_USERNAME',
      /2–32 letters/,
    ],
    [
      'a short password',
      { DASHBOARD_ADMIN_USERNAME: 'wang', DASHBOARD_ADMIN_PASSWORD: 'short' },
      'DASHBOARD_ADMIN_PASSWORD',
      /8 to 128 characters/,
    ],
    ['idle hours of zero', { DASHBOARD_SESSION_IDLE_HOURS: '0' }, 'DASHBOARD_SESSION_IDLE_HOURS', /above 0/],
    ['more than a month idle', { DASHBOARD_SESSION_IDLE_HOURS: '721' }, 'DASHBOARD_SESSION_IDLE_HOURS', /at most 720/],
    ['a lookup limit in words', { DASHBOARD_LOOKUPS_PER_MINUTE: 'sixty' }, 'DASHBOARD_LOOKUPS_PER_MINUTE', /number/],
    ['ten proxies', { DASHBOARD_TRUSTED_PROXIES: '10' }, 'DASHBOARD_TRUSTED_PROXIES', /from 0 to 9/],
    [
      'sandbox accounts neither removed nor kept',
      { DASHBOARD_SANDBOX_ACCOUNTS: 'delete' },
      'DASHBOARD_SANDBOX_ACCOUNTS',
      /"delete" should be remove or keep/,
    ],
  ])('refuses %s, naming the variable', (_, env, variable, message) => {
    expect(() => parseAccess(env)).toThrow(refused(variable, message));
  });
});
