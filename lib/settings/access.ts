import { type Env, value } from './env';
import { ConfigError } from './errors';

/** What a real merchant's start does with accounts made in sandbox mode (lib/staff/server/sandbox-accounts.ts). */
export type SandboxAccountsDecision = 'remove' | 'keep';

/** Who may use the dashboard, and how much. */
export interface AccessSettings {
  /** A session ends after this many hours without use. */
  readonly sessionIdleHours: number;
  /** Lookups one staff member may make per minute, across every instance. */
  readonly lookupsPerMinute: number;
  /**
   * Whether the dashboard is served over https, as BETTER_AUTH_URL's scheme says; unset, each
   * request tells (lib/server/transport.ts). Cookies are Secure and HSTS is sent for https.
   */
  readonly publicHttps?: boolean;
  /** The first admin, created at start when no admin exists. */
  readonly admin?: { readonly username: string; readonly password: string };
  /**
   * Proxies of our own in front of the app, each appending to X-Forwarded-For (0: clients connect
   * to the app directly, and their address is the socket's peer). Only these hops are trusted.
   */
  readonly trustedProxies: number;
  /** DASHBOARD_SANDBOX_ACCOUNTS: unset, a merchant does not start while sandbox-made accounts exist. */
  readonly sandboxAccounts?: SandboxAccountsDecision;
}

function positiveNumber(env: Env, name: string, fallback: number, max: number): number {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  const parsed = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || parsed <= 0 || parsed > max) {
    throw new ConfigError(name, `"${raw}" should be a number above 0 and at most ${max}`);
  }
  return parsed;
}

function proxyHops(env: Env): number {
  const raw = value(env, 'DASHBOARD_TRUSTED_PROXIES');
  if (raw === undefined) return 0;
  if (!/^\d$/.test(raw))
    throw new ConfigError('DASHBOARD_TRUSTED_PROXIES', `"${raw}" should be a whole number from 0 to 9`);
  return Number(raw);
}

function sandboxAccounts(env: Env): SandboxAccountsDecision | undefined {
  const raw = value(env, 'DASHBOARD_SANDBOX_ACCOUNTS');
  if (raw === undefined || raw === 'remove' || raw === 'keep') return raw;
  throw new ConfigError('DASHBOARD_SANDBOX_ACCOUNTS', `"${raw}" should be remove or keep`);
}

/**
 * DASHBOARD_* (sessions, lookup limit, first admin, trusted proxies, sandbox-made accounts) and
 * BETTER_AUTH_URL (https or not).
 */
export function parseAccess(env: Env): AccessSettings {
  const adminUsername = value(env, 'DASHBOARD_ADMIN_USERNAME');
  const adminPassword = env.DASHBOARD_ADMIN_PASSWORD;
  if (Boolean(adminUsername) !== Boolean(adminPassword)) {
    throw new ConfigError(
      adminUsername ? 'DASHBOARD_ADMIN_PASSWORD' : 'DASHBOARD_ADMIN_USERNAME',
      'DASHBOARD_ADMIN_USERNAME and DASHBOARD_ADMIN_PASSWORD go together',
    );
  }
  if (adminUsername && !/^[A-Za-z0-9_.-]{2,32}$/.test(adminUsername)) {
    throw new ConfigError('DASHBOARD_ADMIN_USERNAME', 'should be 2–32 letters, digits, dots, dashes or underscores');
  }
  if (adminPassword !== undefined && (adminPassword.length < 8 || adminPassword.length > 128)) {
    throw new ConfigError('DASHBOARD_ADMIN_PASSWORD', 'should be 8 to 128 characters');
  }
  const publicUrl = value(env, 'BETTER_AUTH_URL');
  return {
    sessionIdleHours: positiveNumber(env, 'DASHBOARD_SESSION_IDLE_HOURS', 8, 24 * 30),
    lookupsPerMinute: Math.floor(positiveNumber(env, 'DASHBOARD_LOOKUPS_PER_MINUTE', 60, 100_000)),
    publicHttps: publicUrl === undefined ? undefined : publicUrl.startsWith('https:'),
    trustedProxies: proxyHops(env),
    admin: adminUsername && adminPassword ? { username: adminUsername, password: adminPassword } : undefined,
    sandboxAccounts: sandboxAccounts(env),
  };
}
