import 'server-only';
import { type Kysely, sql } from 'kysely';
import type { Store } from './database';
import type { Database } from './schema';

/** Any number: it only has to be the same in every instance, and used for nothing else. */
const PRIVILEGED_LOCK = 1_157_004_011;

/**
 * Runs `change` in one transaction that no other exclusive transaction overlaps, whichever
 * process or instance runs it: the app, another instance, or the command line. So a check and the
 * change it allows (is there another enabled admin? is this plan id free?) cannot both pass for
 * two people at once. SQLite takes the write lock at BEGIN IMMEDIATE (waiting busy_timeout for
 * it); PostgreSQL takes an advisory lock held until commit. Throwing rolls everything back.
 */
export async function exclusively<T>(store: Store, change: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return store.db.connection().execute(async (connection) => {
    await sql.raw(store.type === 'sqlite' ? 'begin immediate' : 'begin').execute(connection);
    try {
      if (store.type === 'postgres') await sql`select pg_advisory_xact_lock(${PRIVILEGED_LOCK})`.execute(connection);
      const result = await change(connection);
      await sql.raw('commit').execute(connection);
      return result;
    } catch (error) {
      // What went wrong is the change's error; a rollback that fails too has lost its connection.
      await sql
        .raw('rollback')
        .execute(connection)
        .catch(() => undefined);
      throw error;
    }
  });
}
