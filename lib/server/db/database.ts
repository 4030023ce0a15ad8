import 'server-only';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { perProcess } from '@/lib/server/singleton';
import { getSettings } from '@/lib/settings/settings';
import type { DatabaseSettings } from '@/lib/settings/storage';
import { migrate } from './migrations';
import type { Database, DatabaseType } from './schema';

export interface Store {
  db: Kysely<Database>;
  type: DatabaseType;
  /** Where it is, for the start-up log: a file path, or the PostgreSQL host and database. */
  where: string;
}

// PostgreSQL's bigint (audit ids, epoch milliseconds) fits a JavaScript number: read it as one.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** The SQLite database file in DATA_DIR: the app's, and the one `npm run admin -- backup` copies. */
export function sqliteFile(dir: string): string {
  return join(dir, 'dashboard.sqlite');
}

/** PostgreSQL when DATABASE_URL names one, otherwise a SQLite file in DATA_DIR (default ./data). */
export function openStore(database: DatabaseSettings): Store {
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: database.url, max: 10 });
    const parsed = new URL(database.url);
    return {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
      type: 'postgres',
      where: `postgres://${parsed.host}${parsed.pathname}`,
    };
  }
  mkdirSync(database.dir, { recursive: true });
  const file = sqliteFile(database.dir);
  const sqlite = new BetterSqlite3(file);
  // WAL lets readers and the one writer proceed together; busy_timeout queues concurrent writers.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }),
    type: 'sqlite',
    where: file,
  };
}

/** The one store of this process, migrated before first use. */
export function getStore(): Promise<Store> {
  return perProcess('store', async () => {
    const store = openStore(getSettings().storage.database);
    await migrate(store.db, store.type);
    return store;
  });
}
