import { randomBytes, randomUUID } from 'node:crypto';
import { betterAuth } from 'better-auth';
import { hashPassword } from 'better-auth/crypto';
import { admin, username } from 'better-auth/plugins';
import { openStore, type Store } from '@/lib/server/db/database';
import { migrate } from '@/lib/server/db/migrations';
import type { AccountDeps } from '@/lib/staff/server/account-service';
import type { TestStoreEnv } from './databases';

/** A migrated store on a fresh test database, SQLite or PostgreSQL (see databases.ts). */
export async function migratedStore(make: () => Promise<TestStoreEnv>): Promise<{ env: TestStoreEnv; store: Store }> {
  const env = await make();
  const store = openStore(env.env);
  await migrate(store.db, store.type);
  return { env, store };
}

/** The account service's tools as better-auth makes them: its scrypt hash, and random ids. */
export function accountDeps(store: Store): AccountDeps {
  return { store, auth: { hashPassword, newId: () => randomUUID() } };
}

/**
 * better-auth on a test store, with the options of lib/staff/server/auth.ts that decide who may
 * sign in (username accounts, the admin plugin's bans): to show that accounts written by the
 * account service sign in, and stop signing in, exactly as better-auth's own would.
 */
export function testAuth(store: Store) {
  return betterAuth({
    database: { db: store.db, type: store.type },
    secret: randomBytes(32).toString('base64url'),
    baseURL: 'http://127.0.0.1:3000',
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8, maxPasswordLength: 128 },
    rateLimit: { enabled: false },
    plugins: [
      username({
        minUsernameLength: 2,
        maxUsernameLength: 32,
        usernameValidator: (name) => /^[A-Za-z0-9_.-]+$/.test(name),
      }),
      admin({ defaultRole: 'staff', adminRoles: ['admin'] }),
    ],
    telemetry: { enabled: false },
    logger: { level: 'error' },
  });
}

/** Signs in as better-auth's sign-in form would: the session's token, or the error code it refused with. */
export async function signIn(
  auth: ReturnType<typeof testAuth>,
  name: string,
  password: string,
): Promise<{ token: string } | { refused: string }> {
  try {
    const answer = await auth.api.signInUsername({ body: { username: name, password } });
    return { token: answer?.token ?? '' };
  } catch (error) {
    return { refused: (error as { body?: { code?: string } }).body?.code ?? String(error) };
  }
}
