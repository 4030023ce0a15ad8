import 'server-only';
import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { sqliteFile } from '@/lib/server/db/database';
import type { DatabaseSettings } from '@/lib/settings/storage';

export type BackupOutcome = { code: 0; out: string } | { code: 1; error: string };

/**
 * `npm run admin -- backup FILE`: a consistent copy of the SQLite database while the app keeps
 * running and writing, by SQLite's online backup API (page by page, restarting when a write
 * lands in between, so the copy is one moment's database). An existing FILE is never
 * overwritten: a mistyped name must not destroy an earlier backup, or the database itself.
 * PostgreSQL has its own tool for this, pg_dump.
 */
export async function backupDatabase(database: DatabaseSettings, file: string): Promise<BackupOutcome> {
  if (database.kind === 'postgres') {
    return { code: 1, error: 'backup copies SQLite only: with DATABASE_URL, back up with pg_dump "$DATABASE_URL"' };
  }
  const source = sqliteFile(database.dir);
  if (!existsSync(source)) return { code: 1, error: `no database at ${source} (check DATA_DIR)` };
  if (existsSync(file)) return { code: 1, error: `${file} exists: give a new file name` };
  const db = new BetterSqlite3(source, { fileMustExist: true });
  try {
    // The app may hold the write lock for a moment: wait for it as the app's own writers do.
    db.pragma('busy_timeout = 5000');
    const { totalPages } = await db.backup(file);
    return { code: 0, out: `backed up ${source} to ${file} (${totalPages} pages)` };
  } catch (error) {
    return { code: 1, error: `backup failed: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    db.close();
  }
}
