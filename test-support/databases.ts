import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { makeTempDir } from './keys';

/**
 * The two stores the app supports, for tests that must hold on both: a SQLite file in a fresh
 * folder, and a fresh database on the PostgreSQL that `bash .ci/run` starts (TEST_DATABASE_URL,
 * printed by scripts/test-postgres.sh). Without TEST_DATABASE_URL the PostgreSQL case fails with
 * a message saying how to get one, rather than passing unseen.
 */
export interface TestStoreEnv {
  name: 'sqlite' | 'postgres';
  env: Record<string, string>;
  drop(): Promise<void>;
}

export async function sqliteEnv(): Promise<TestStoreEnv> {
  const dir = makeTempDir();
  return { name: 'sqlite', env: { DATA_DIR: dir.path }, drop: async () => dir.remove() };
}

export async function postgresEnv(): Promise<TestStoreEnv> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    throw new Error(
      'TEST_DATABASE_URL is not set: run `bash .ci/run`, or `export TEST_DATABASE_URL=$(scripts/test-postgres.sh)`',
    );
  }
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    name: 'postgres',
    env: { DATABASE_URL: url.toString() },
    async drop() {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export const STORES = [sqliteEnv, postgresEnv] as const;
