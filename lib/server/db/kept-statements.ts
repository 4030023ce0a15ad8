import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * A SQLite database for kysely whose statements are prepared once per SQL text and kept. Kysely
 * asks for a new statement for every query it runs, and preparing one (parsing and planning the
 * SQL) cost as much as running it: every lookup runs the same few queries, only their parameters
 * change. One statement serves every caller: kysely runs one query at a time on SQLite's one
 * connection (a streamed select holds it until it is read or dropped), so none is handed out
 * while it runs. The most recently used `max` statements are kept (a query with an IN list has
 * one SQL text per list length).
 */
export function keepingStatements(database: SqliteDatabase, max = 256): SqliteDatabase {
  const kept = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(sql) {
      const statement = kept.get(sql);
      if (statement) {
        // Map order is insertion order: moved to the end, it is the last to be dropped.
        kept.delete(sql);
        kept.set(sql, statement);
        return statement;
      }
      const prepared = database.prepare(sql);
      kept.set(sql, prepared);
      if (kept.size > max) kept.delete(kept.keys().next().value as string);
      return prepared;
    },
  };
}
