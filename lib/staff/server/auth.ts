import 'server-only';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { betterAuth } from 'better-auth';
import { nextCookies } from 'better-auth/next-js';
import { admin, username } from 'better-auth/plugins';
import { getStore } from '@/lib/server/db/database';
import { keepPrivate } from '@/lib/server/file-permissions';
import { perProcess } from '@/lib/server/singleton';
import { getSettings } from '@/lib/settings/settings';
import type { SessionSecretSource } from '@/lib/settings/storage';

/**
 * The session secret: the one given (BETTER_AUTH_SECRET), or for a single instance on SQLite the
 * one kept in DATA_DIR, made on first start (so sessions survive a restart), for the app's user
 * only. The store is opened first, so DATA_DIR exists.
 */
export function sessionSecret(source: SessionSecretSource): string {
  if (source.kind === 'given') return source.secret;
  let secret: string;
  try {
    secret = readFileSync(source.file, 'utf8').trim();
  } catch {
    secret = randomBytes(32).toString('base64url');
    writeFileSync(source.file, secret, { mode: 0o600 });
  }
  keepPrivate(source.file);
  return secret;
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
  const { access, storage } = getSettings();
  const store = await getStore();
  const idleSeconds = Math.round(access.sessionIdleHours * 3600);
  return betterAuth({
    database: { db: store.db, type: store.type },
    secret: sessionSecret(storage.sessionSecret),
    emailAndPassword: SIGN_IN_OPTIONS.emailAndPassword,
    session: {
      // Ends after this much inactivity: each use older than updateAge pushes the expiry on.
      expiresIn: idleSeconds,
      updateAge: Math.min(15 * 60, Math.max(60, Math.floor(idleSeconds / 8))),
    },
    advanced: {
      useSecureCookies: access.secureCookies,
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

/** The one better-auth instance of this process. */
export function getAuth(): Promise<Auth> {
  return perProcess('auth', createAuth);
}
