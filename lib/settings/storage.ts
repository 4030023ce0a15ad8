import { join, resolve } from 'node:path';
import { type Env, value } from './env';
import { ConfigError } from './errors';

/** PostgreSQL when DATABASE_URL names one, otherwise a SQLite file in DATA_DIR (default ./data). */
export type DatabaseSettings =
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'sqlite'; readonly dir: string };

/** Where the session secret comes from: BETTER_AUTH_SECRET, or a file in DATA_DIR made on first start. */
export type SessionSecretSource =
  | { readonly kind: 'given'; readonly secret: string }
  | { readonly kind: 'kept'; readonly file: string };

export interface StorageSettings {
  readonly database: DatabaseSettings;
  readonly sessionSecret: SessionSecretSource;
}

/** Where SQLite and the session secret live when no DATABASE_URL is given (DATA_DIR, default ./data). */
function dataDir(env: Env): string {
  // Chosen at run time, so the build must not trace it: the folder is data, not code.
  return resolve(/*turbopackIgnore: true*/ value(env, 'DATA_DIR') ?? 'data');
}

export function parseDatabase(env: Env): DatabaseSettings {
  const url = value(env, 'DATABASE_URL');
  return url ? { kind: 'postgres', url } : { kind: 'sqlite', dir: dataDir(env) };
}

/**
 * BETTER_AUTH_SECRET, or for a single instance on SQLite one made on first start and kept in
 * DATA_DIR (so sessions survive a restart). Several instances must share one, so with
 * DATABASE_URL it must be given.
 */
export function parseSessionSecret(env: Env): SessionSecretSource {
  const given = value(env, 'BETTER_AUTH_SECRET');
  if (given) {
    if (given.length < 32) throw new ConfigError('BETTER_AUTH_SECRET', 'should be at least 32 characters');
    return { kind: 'given', secret: given };
  }
  if (value(env, 'DATABASE_URL')) {
    throw new ConfigError('BETTER_AUTH_SECRET', 'is required with DATABASE_URL: every instance must share it');
  }
  return { kind: 'kept', file: join(dataDir(env), 'auth-secret') };
}

/** DATABASE_URL, DATA_DIR and BETTER_AUTH_SECRET. */
export function parseStorage(env: Env): StorageSettings {
  return { database: parseDatabase(env), sessionSecret: parseSessionSecret(env) };
}
