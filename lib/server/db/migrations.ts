import { type Kysely, sql } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import type { DatabaseType } from './schema';

/**
 * The schema, versioned here and applied at start. better-auth's tables are written out rather
 * than generated at run time so that every instance, and every upgrade, runs the same DDL.
 * Never edit a migration that has shipped: add the next one.
 */
export function migrations(type: DatabaseType): Record<string, Migration> {
  const pg = type === 'postgres';
  const bool = pg ? 'boolean' : 'integer';
  const time = pg ? 'timestamptz' : 'date';

  return {
    '001-auth': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('user')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('email', 'text', (c) => c.notNull().unique())
          .addColumn('emailVerified', bool, (c) => c.notNull())
          .addColumn('image', 'text')
          .addColumn('createdAt', time, (c) => c.notNull())
          .addColumn('updatedAt', time, (c) => c.notNull())
          .addColumn('username', 'text', (c) => c.unique())
          .addColumn('displayUsername', 'text')
          .addColumn('role', 'text')
          .addColumn('banned', bool)
          .addColumn('banReason', 'text')
          .addColumn('banExpires', time)
          .execute();
        await db.schema
          .createTable('session')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('expiresAt', time, (c) => c.notNull())
          .addColumn('token', 'text', (c) => c.notNull().unique())
          .addColumn('createdAt', time, (c) => c.notNull())
          .addColumn('updatedAt', time, (c) => c.notNull())
          .addColumn('ipAddress', 'text')
          .addColumn('userAgent', 'text')
          .addColumn('userId', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
          .addColumn('impersonatedBy', 'text')
          .execute();
        await db.schema
          .createTable('account')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('accountId', 'text', (c) => c.notNull())
          .addColumn('providerId', 'text', (c) => c.notNull())
          .addColumn('userId', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
          .addColumn('accessToken', 'text')
          .addColumn('refreshToken', 'text')
          .addColumn('idToken', 'text')
          .addColumn('accessTokenExpiresAt', time)
          .addColumn('refreshTokenExpiresAt', time)
          .addColumn('scope', 'text')
          .addColumn('password', 'text')
          .addColumn('createdAt', time, (c) => c.notNull())
          .addColumn('updatedAt', time, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('verification')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('identifier', 'text', (c) => c.notNull())
          .addColumn('value', 'text', (c) => c.notNull())
          .addColumn('expiresAt', time, (c) => c.notNull())
          .addColumn('createdAt', time, (c) => c.notNull())
          .addColumn('updatedAt', time, (c) => c.notNull())
          .execute();
        await db.schema.createIndex('session_userId_idx').on('session').column('userId').execute();
        await db.schema.createIndex('account_userId_idx').on('account').column('userId').execute();
        await db.schema.createIndex('verification_identifier_idx').on('verification').column('identifier').execute();
      },
    },
    '002-audit-and-rate-limit': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('audit_log')
          .addColumn('id', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('at', 'bigint', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('username', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('openid', 'text')
          .addColumn('plan_id', 'text')
          .addColumn('contract_status', 'text')
          .addColumn('offset', 'integer')
          .addColumn('limit', 'integer')
          .addColumn('outcome', 'text', (c) => c.notNull())
          .addColumn('result_count', 'integer')
          .addColumn('error_code', 'text')
          .addColumn('request_id', 'text')
          .addColumn('client_ip', 'text')
          .execute();
        await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
        await db.schema.createIndex('audit_log_user_idx').on('audit_log').columns(['user_id', 'at']).execute();
        await db.schema.createIndex('audit_log_openid_idx').on('audit_log').columns(['openid', 'at']).execute();
        // Append-only in the database itself, not only in the app: no row is ever changed or removed.
        if (pg) {
          await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
            begin raise exception 'audit records are append-only'; end $$`.execute(db);
          await sql`create trigger audit_log_no_change before update or delete on audit_log
            for each row execute function audit_log_append_only()`.execute(db);
        } else {
          await sql`create trigger audit_log_no_update before update on audit_log
            begin select raise(abort, 'audit records are append-only'); end`.execute(db);
          await sql`create trigger audit_log_no_delete before delete on audit_log
            begin select raise(abort, 'audit records are append-only'); end`.execute(db);
        }
        await db.schema
          .createTable('rate_limit')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('window_start', 'bigint', (c) => c.notNull())
          .addColumn('count', 'integer', (c) => c.notNull())
          .execute();
      },
    },
    '003-schools': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('school')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('wechat_school_id', 'text')
          .addColumn('archived_at', 'bigint')
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .execute();
        // A plan id is WeChat's, and belongs to one school only: it is the key, not (school, plan).
        await db.schema
          .createTable('plan')
          .addColumn('plan_id', 'text', (c) => c.primaryKey())
          .addColumn('school_key', 'text', (c) => c.notNull().references('school.key'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('archived_at', 'bigint')
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addUniqueConstraint('plan_school_name_unique', ['school_key', 'name'])
          .execute();
        await db.schema
          .createTable('staff_school')
          .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
          .addColumn('school_key', 'text', (c) => c.notNull().references('school.key'))
          .addPrimaryKeyConstraint('staff_school_pk', ['user_id', 'school_key'])
          .execute();
        await db.schema.createIndex('staff_school_school_idx').on('staff_school').column('school_key').execute();
        // Old records keep null: they were made before schools existed, or by the provider for all.
        for (const column of ['school_key', 'subject', 'detail']) {
          await db.schema.alterTable('audit_log').addColumn(column, 'text').execute();
        }
        await db.schema.createIndex('audit_log_school_idx').on('audit_log').columns(['school_key', 'at']).execute();
      },
    },
    '004-sandbox-accounts': {
      async up(db: Kysely<unknown>) {
        // Which accounts were made while the dashboard ran the sandbox (a trial, with a public demo
        // password): a real merchant must not inherit them unseen. Null for those made before.
        await db.schema.alterTable('user').addColumn('madeInSandbox', bool).execute();
      },
    },
    '005-roster': {
      async up(db: Kysely<unknown>) {
        // A school's parent directory (家长名册): replaced whole by each import, so rows need no
        // identity beyond their school and the line of the file they came from.
        await db.schema
          .createTable('roster_entry')
          .addColumn('id', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('school_key', 'text', (c) => c.notNull().references('school.key'))
          .addColumn('line', 'integer', (c) => c.notNull())
          .addColumn('student_name', 'text', (c) => c.notNull())
          .addColumn('openid', 'text', (c) => c.notNull())
          .addColumn('student_no', 'text')
          .addColumn('class_name', 'text')
          .addColumn('guardian_name', 'text')
          .addColumn('phone', 'text')
          .execute();
        await db.schema
          .createIndex('roster_entry_school_idx')
          .on('roster_entry')
          .columns(['school_key', 'line'])
          .execute();
        // What each row can be found by (lib/roster/search-terms.ts), one index entry per term, so
        // a search is one range read per school: the terms starting with what the clerk typed. The
        // "C" collation orders by code point, as SQLite's default does, so [text, bound) holds
        // exactly the terms with that prefix; a language's collation would not. Written and
        // deleted only with their rows, in the same transaction (lib/roster/server/roster-store.ts).
        await db.schema
          .createTable('roster_term')
          .addColumn('school_key', 'text', (c) => c.notNull())
          .addColumn('term', 'text', (c) => (pg ? c.modifyFront(sql`collate "C"`).notNull() : c.notNull()))
          .addColumn('entry_id', pg ? 'bigint' : 'integer', (c) => c.notNull().references('roster_entry.id'))
          .addPrimaryKeyConstraint('roster_term_pk', ['school_key', 'term', 'entry_id'])
          .modifyEnd(pg ? sql`` : sql`without rowid`)
          .execute();
        // Looked up by row when a school's roster is replaced or deleted.
        await db.schema.createIndex('roster_term_entry_idx').on('roster_term').column('entry_id').execute();
      },
    },
  };
}

/** Applies every migration not yet applied; safe when several instances start at once. */
export async function migrate<DB>(db: Kysely<DB>, type: DatabaseType): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(type) };
  const migrator = new Migrator({ db: db as Kysely<unknown>, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
