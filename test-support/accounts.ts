import { randomBytes, randomUUID } from 'node:crypto';
import { betterAuth } from 'better-auth';
import { hashPassword } from 'better-auth/crypto';
import { openStore, type Store } from '@/lib/server/db/database';
import { migrate } from '@/lib/server/db/migrations';
import { parseDatabase } from '@/lib/settings/storage';
import type { AccountDeps } from '@/lib/staff/server/account-service';
import { SIGN_IN_OPTIONS } from '@/lib/staff/server/auth';
import type { TestStoreEnv } from './databases';

/** A migrated store on a fresh test database, SQLite or PostgreSQL (see databases.ts). */
export async function migratedStore(make: () => Promise<TestStoreEnv>): Promise<{ env: TestStoreEnv; store: Store }> {
  const env = await make();
  const store = openStore(parseDatabase(env.env));
  await migrate(store.db, store.type);
  return { env, store };
}

/** The account service's tools as better-auth makes them: its scrypt hash, and random ids. */
export function accountDeps(store: Store): AccountDeps {
  return { store, auth: { hashPassword, newId: () => randomUUID() } };
}

/**
 * better-auth on a test store, with the app's options that decide who may sign in (username
 * accounts, the admin plugin's bans): to show that accounts written by the account service sign
 * in, and stop signing in, exactly as better-auth's own would.
 */
export function testAuth(store: Store) {
  return betterAuth({
    database: { db: store.db, type: store.type },
    secret: randomBytes(32).toString('base64url'),
    baseURL: 'http://127.0.0.1:3000',
    emailAndPassword: SIGN_IN_OPTIONS.emailAndPassword,
    rateLimit: { enabled: false },
    plugins: [...SIGN_IN_OPTIONS.plugins()],
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
