import 'server-only';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { betterAuth } from 'better-auth';
import { nextCookies } from 'better-auth/next-js';
import { admin, username } from 'better-auth/plugins';
import { getStore } from '@/lib/server/db/database';
import { ConfigError, dataDir, parseAccessSettings } from '@/lib/settings/parse';

/**
 * The session secret: BETTER_AUTH_SECRET, or for a single instance on SQLite one made on first
 * start and kept in DATA_DIR (so sessions survive a restart). Several instances must share one,
 * so with DATABASE_URL it must be given.
 */
function sessionSecret(env: Record<string, string | undefined>): string {
  const given = env.BETTER_AUTH_SECRET?.trim();
  if (given) {
    if (given.length < 32) throw new ConfigError('BETTER_AUTH_SECRET', 'should be at least 32 characters');
    return given;
  }
  if (env.DATABASE_URL?.trim()) {
    throw new ConfigError('BETTER_AUTH_SECRET', 'is required with DATABASE_URL: every instance must share it');
  }
  const file = join(dataDir(env), 'auth-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    const secret = randomBytes(32).toString('base64url');
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

/**
 * Who may sign in, and as what: username accounts with a password, roles and bans. The accounts
 * the account service writes itself must satisfy these (its tests sign in through them).
 */
export const SIGN_IN_OPTIONS = {
  emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8, maxPasswordLength: 128 },
  plugins: () =>
    [
      username({
        minUsernameLength: 2,
        maxUsernameLength: 32,
        // Dashes too (finance-office): the same rule as DASHBOARD_ADMIN_USERNAME and the users page.
        usernameValidator: (name: string) => /^[A-Za-z0-9_.-]+$/.test(name),
      }),
      admin({ defaultRole: 'staff', adminRoles: ['admin'] }),
    ] as const,
};

async function createAuth() {
  const settings = parseAccessSettings(process.env);
  const store = await getStore();
  const idleSeconds = Math.round(settings.sessionIdleHours * 3600);
  return betterAuth({
    database: { db: store.db, type: store.type },
    secret: sessionSecret(process.env),
    emailAndPassword: SIGN_IN_OPTIONS.emailAndPassword,
    session: {
      // Ends after this much inactivity: each use older than updateAge pushes the expiry on.
      expiresIn: idleSeconds,
      updateAge: Math.min(15 * 60, Math.max(60, Math.floor(idleSeconds / 8))),
    },
    advanced: {
      useSecureCookies: settings.secureCookies,
      cookiePrefix: 'eduschoolpay',
    },
    // Every limit that matters is ours (rate-limit.ts): it holds across instances on one database.
    rateLimit: { enabled: false },
    plugins: [...SIGN_IN_OPTIONS.plugins(), nextCookies()],
    telemetry: { enabled: false },
    logger: { level: 'error' },
  });
}

export type Auth = Awaited<ReturnType<typeof createAuth>>;

const KEY = Symbol.for('eduschoolpay-dashboard.auth');
type AuthHolder = { [KEY]?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  const holder = globalThis as AuthHolder;
  holder[KEY] ??= createAuth();
  return holder[KEY];
}
