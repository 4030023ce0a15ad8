import 'server-only';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { type AuthContext, betterAuth } from 'better-auth';
import { createAuthMiddleware } from 'better-auth/api';
import { nextCookies } from 'better-auth/next-js';
import { admin, username } from 'better-auth/plugins';
import { getStore } from '@/lib/server/db/database';
import { keepPrivate } from '@/lib/server/file-permissions';
import { perProcess } from '@/lib/server/singleton';
import { isHttpsRequest } from '@/lib/server/transport';
import type { AccessSettings } from '@/lib/settings/access';
import { getSettings } from '@/lib/settings/settings';
import type { SessionSecretSource } from '@/lib/settings/storage';
import type { SessionCookieRules } from '@/lib/staff/session-cookie';
import type { SessionLife } from './session-read';

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

/**
 * Marks the cookies an auth call sets Secure when its request came over https (with BETTER_AUTH_URL
 * unset, each request tells: lib/server/transport.ts). Runs before nextCookies hands them to Next.js.
 * Their names carry no __Secure- prefix then, so one session cookie serves both ways in.
 */
function secureOverHttps(access: AccessSettings) {
  return createAuthMiddleware(async (ctx) => {
    const sent = ctx.context.responseHeaders;
    if (!sent || !ctx.headers || !isHttpsRequest(ctx.headers, access)) return;
    const cookies = sent.getSetCookie();
    sent.delete('set-cookie');
    for (const cookie of cookies)
      sent.append('set-cookie', /;\s*secure\s*(;|$)/i.test(cookie) ? cookie : `${cookie}; Secure`);
  });
}

async function createAuth() {
  const { access, storage, wechatpay } = getSettings();
  const store = await getStore();
  const idleSeconds = Math.round(access.sessionIdleHours * 3600);
  return betterAuth({
    database: { db: store.db, type: store.type },
    secret: sessionSecret(storage.sessionSecret),
    emailAndPassword: SIGN_IN_OPTIONS.emailAndPassword,
    user: {
      additionalFields: {
        // Every account made while this process runs the sandbox (the demo admin, the first admin,
        // those made on the users page) is marked, never by what a caller sends: a real merchant
        // does not start on them unseen (sandbox-accounts.ts).
        madeInSandbox: { type: 'boolean', required: false, input: false, defaultValue: wechatpay.mode === 'sandbox' },
      },
    },
    session: {
      // Ends after this much inactivity: each use older than updateAge pushes the expiry on.
      expiresIn: idleSeconds,
      updateAge: Math.min(15 * 60, Math.max(60, Math.floor(idleSeconds / 8))),
    },
    advanced: {
      // BETTER_AUTH_URL decides when it is set (https: Secure, with the __Secure- prefix); unset,
      // each request does (hooks below). Never better-auth's own guess, which in production is
      // Secure even over a school LAN's plain http, where browsers then drop the session cookie.
      useSecureCookies: access.publicHttps ?? false,
      cookiePrefix: 'eduschoolpay',
    },
    ...(access.publicHttps === undefined && { hooks: { after: secureOverHttps(access) } }),
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

/** How this process's better-auth signs its session cookie and keeps sessions alive (session-read.ts). */
export function sessionRules(): Promise<SessionCookieRules & SessionLife> {
  return perProcess('session-rules', async () => sessionRulesOf(await getAuth()));
}

/** What a better-auth instance's context says about its session cookie and sessions' life. */
export async function sessionRulesOf(auth: {
  $context: Promise<Pick<AuthContext, 'authCookies' | 'secret' | 'sessionConfig'>>;
}): Promise<SessionCookieRules & SessionLife> {
  const context = await auth.$context;
  const cookies = context.authCookies;
  return {
    tokenCookie: cookies.sessionToken.name,
    otherCookies: [cookies.dontRememberToken.name, cookies.sessionData.name],
    secret: context.secret,
    expiresInSeconds: context.sessionConfig.expiresIn,
    updateAgeSeconds: context.sessionConfig.updateAge,
  };
}
