import 'server-only';
import { closeSync, existsSync, openSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { keepPrivate, makePrivateDir } from '@/lib/server/file-permissions';
import { logger } from '@/lib/server/logger';
import { perProcess } from '@/lib/server/singleton';
import { getSettings } from '@/lib/settings/settings';
import type { DatabaseSettings } from '@/lib/settings/storage';
import { keepingStatements } from './kept-statements';
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
    // A database host that does not answer fails a request in seconds, rather than hanging the page.
    const pool = new pg.Pool({ connectionString: database.url, max: 10, connectionTimeoutMillis: 5_000 });
    // An idle connection that PostgreSQL ends (a restart, a failover, an administrator) must not
    // end the process: the pool drops it and the next query opens a new one.
    pool.on('error', (error) => logger.warn({ err: String(error) }, 'an idle PostgreSQL connection was closed'));
    const parsed = new URL(database.url);
    return {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
      type: 'postgres',
      where: `postgres://${parsed.host}${parsed.pathname}`,
    };
  }
  makePrivateDir(database.dir);
  const file = sqliteFile(database.dir);
  // Made (or closed up) for the owner only before SQLite opens it: SQLite gives the -wal and -shm
  // files it creates the database file's mode.
  closeSync(openSync(file, 'a', 0o600));
  keepPrivate(file);
  const sqlite = new BetterSqlite3(file);
  // WAL lets readers and the one writer proceed together; busy_timeout queues concurrent writers.
  sqlite.pragma('journal_mode = WAL');
  // WAL files an earlier version left open to everyone are closed up too.
  for (const walFile of [`${file}-wal`, `${file}-shm`]) if (existsSync(walFile)) keepPrivate(walFile);
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: keepingStatements(sqlite) }) }),
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
