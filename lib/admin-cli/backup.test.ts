import { existsSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteFile } from '@/lib/server/db/database';
import { makeTempDir } from '@/test-support/keys';
import { backupDatabase } from './backup';

const dir = makeTempDir();
afterAll(() => dir.remove());

/** A database like the app's (WAL, a busy timeout) with enough rows that the copy takes several steps. */
function appDatabase(): BetterSqlite3.Database {
  const db = new BetterSqlite3(sqliteFile(dir.path));
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec('create table audit_log (id integer primary key, at integer not null, detail text not null)');
  const insert = db.prepare('insert into audit_log (at, detail) values (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 20_000; i += 1) insert.run(i, `record ${i} ${'x'.repeat(100)}`);
  })();
  return db;
}

describe('backupDatabase', () => {
  it('copies the SQLite database while the app writes, and the copy is whole and holds the records', async () => {
    const app = appDatabase();
    const insert = app.prepare('insert into audit_log (at, detail) values (?, ?)');
    let writes = 0;
    // The app keeps writing between the backup's steps.
    const writer = setInterval(() => {
      insert.run(Date.now(), `written during the backup ${writes}`);
      writes += 1;
    }, 0);
    const file = join(dir.path, 'copy.sqlite');
    const outcome = await backupDatabase({ kind: 'sqlite', dir: dir.path }, file);
    clearInterval(writer);
    app.close();

    expect(outcome).toMatchObject({ code: 0, out: expect.stringContaining(file) });
    expect(writes).toBeGreaterThan(0);
    const copy = new BetterSqlite3(file, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const { n } = copy.prepare('select count(*) as n from audit_log').get() as { n: number };
      expect(n).toBeGreaterThanOrEqual(20_000);
      expect(copy.prepare('select detail from audit_log where at = 19999').get()).toEqual({
        detail: `record 19999 ${'x'.repeat(100)}`,
      });
    } finally {
      copy.close();
    }
  });

  it('never overwrites an existing file', async () => {
    const file = join(dir.path, 'copy.sqlite');
    expect(existsSync(file)).toBe(true);
    expect(await backupDatabase({ kind: 'sqlite', dir: dir.path }, file)).toEqual({
      code: 1,
      error: `${file} exists: give a new file name`,
    });
  });

  it('says where it looked when there is no database', async () => {
    const outcome = await backupDatabase(
      { kind: 'sqlite', dir: join(dir.path, 'nowhere') },
      join(dir.path, 'x.sqlite'),
    );
    expect(outcome).toMatchObject({
      code: 1,
      error: expect.stringMatching(/^no database at .*nowhere.* \(check DATA_DIR\)$/),
    });
  });

  it('names pg_dump as the way with PostgreSQL, in one line', async () => {
    const outcome = await backupDatabase({ kind: 'postgres', url: 'postgres://db/dashboard' }, 'x.sqlite');
    expect(outcome).toEqual({
      code: 1,
      error: 'backup copies SQLite only: with DATABASE_URL, back up with pg_dump "$DATABASE_URL"',
    });
  });
});
