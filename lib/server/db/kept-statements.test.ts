import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { keepingStatements } from './kept-statements';

interface Tables {
  item: { id: number; name: string };
}

/** An in-memory database whose prepare calls are counted, by SQL text. */
function counted(max?: number) {
  const sqlite = new BetterSqlite3(':memory:');
  sqlite.exec('create table item (id integer primary key, name text not null)');
  const prepared: string[] = [];
  const database = {
    prepare: (sql: string) => {
      prepared.push(sql);
      return sqlite.prepare(sql);
    },
    close: () => sqlite.close(),
  };
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: keepingStatements(database, max) }) });
  return { db, prepared };
}

let open: Kysely<Tables> | undefined;
afterEach(async () => {
  await open?.destroy();
  open = undefined;
});

describe('statements kept for kysely on SQLite', () => {
  it('prepares a query once, however often it runs with other parameters, and answers each rightly', async () => {
    const { db, prepared } = counted();
    open = db;
    for (let id = 1; id <= 5; id += 1)
      await db
        .insertInto('item')
        .values({ id, name: `n${id}` })
        .execute();
    const names = [];
    for (let id = 1; id <= 5; id += 1) {
      names.push((await db.selectFrom('item').select('name').where('id', '=', id).executeTakeFirst())?.name);
    }
    expect(names).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(prepared.filter((sql) => sql.startsWith('insert'))).toHaveLength(1);
    expect(prepared.filter((sql) => sql.startsWith('select'))).toHaveLength(1);
  });

  it('runs a query again after a stream of it was read whole, or dropped part way', async () => {
    const { db } = counted();
    open = db;
    await db
      .insertInto('item')
      .values([
        { id: 1, name: 'a' },
        { id: 2, name: 'b' },
      ])
      .execute();
    const all = () => db.selectFrom('item').select('name').orderBy('id');
    const whole: string[] = [];
    for await (const row of all().stream()) whole.push(row.name);
    for await (const row of all().stream()) {
      whole.push(row.name);
      break;
    }
    expect(whole).toEqual(['a', 'b', 'a']);
    expect((await all().execute()).map((row) => row.name)).toEqual(['a', 'b']);
  });

  it('keeps at most the given number, dropping the least recently used', async () => {
    const { db, prepared } = counted(2);
    open = db;
    const byId = (id: number) => db.selectFrom('item').select('id').where('id', 'in', Array(id).fill(id)).execute();
    await byId(1);
    await byId(2);
    await byId(1); // kept: now the most recently used
    await byId(3); // drops 2
    await byId(1);
    await byId(2);
    const selects = prepared.filter((sql) => sql.startsWith('select'));
    expect(selects).toHaveLength(4);
  });
});
