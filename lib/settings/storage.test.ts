import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStorage } from './storage';

const SECRET = 'k'.repeat(32);

describe('parseStorage', () => {
  it('keeps SQLite and a session secret made on first start in DATA_DIR, default ./data', () => {
    expect(parseStorage({})).toEqual({
      database: { kind: 'sqlite', dir: resolve('data') },
      sessionSecret: { kind: 'kept', file: join(resolve('data'), 'auth-secret') },
    });
    expect(parseStorage({ DATA_DIR: ' /srv/dashboard ' })).toEqual({
      database: { kind: 'sqlite', dir: '/srv/dashboard' },
      sessionSecret: { kind: 'kept', file: '/srv/dashboard/auth-secret' },
    });
  });

  it('uses PostgreSQL when DATABASE_URL is given, with the secret every instance shares', () => {
    expect(parseStorage({ DATABASE_URL: 'postgres://db/dashboard', BETTER_AUTH_SECRET: ` ${SECRET} ` })).toEqual({
      database: { kind: 'postgres', url: 'postgres://db/dashboard' },
      sessionSecret: { kind: 'given', secret: SECRET },
    });
  });

  it('refuses DATABASE_URL without BETTER_AUTH_SECRET, and a short secret', () => {
    expect(() => parseStorage({ DATABASE_URL: 'postgres://db/dashboard' })).toThrow(
      expect.objectContaining({
        name: 'ConfigError',
        message: 'BETTER_AUTH_SECRET: is required with DATABASE_URL: every instance must share it',
      }),
    );
    expect(() => parseStorage({ BETTER_AUTH_SECRET: 'k'.repeat(31) })).toThrow(
      expect.objectContaining({ name: 'ConfigError', message: 'BETTER_AUTH_SECRET: should be at least 32 characters' }),
    );
  });
});
