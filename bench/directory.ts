/**
 * `npm run bench:directory`: the parent directory search (issue 12) at the size the issue names,
 * 100 schools × 5,000 roster rows (500,000 rows), on SQLite and on PostgreSQL: fills both through
 * the import's own store (replaceRosterWithin, one transaction per school), then prints p50/p95 of
 * searchRoster for a mix of what clerks type (name prefix, pinyin initials, full pinyin, student
 * number, phone last four), scoped to one school and to all of them. Goal: p95 < 50 ms on both.
 *
 * PostgreSQL: BENCH_DATABASE_URL or TEST_DATABASE_URL (a server URL; a fresh database is created on
 * it and dropped at the end); without either, SQLite only. BENCH_SCHOOLS / BENCH_ROWS change the
 * size (defaults 100 / 5000), BENCH_QUERIES the searches per kind and scope (default 200).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import type { RosterEntry } from '@/lib/roster/entry';
import { DIRECTORY_LIMIT } from '@/lib/roster/match';
import { pinyinTermsOf } from '@/lib/roster/search-terms';
import { searchRoster } from '@/lib/roster/server/roster-search';
import { replaceRosterWithin } from '@/lib/roster/server/roster-store';
import { openStore, type Store } from '@/lib/server/db/database';
import { migrate } from '@/lib/server/db/migrations';
import { log } from './lib/log';
import { schoolRoster, seeded } from './lib/roster-data';
import { ms, percentile } from './lib/stats';

const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 100);
const ROWS = Number(process.env.BENCH_ROWS ?? 5000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const schoolKey = (index: number) => `school-${String(index).padStart(3, '0')}`;

/** What clerks type, drawn from rows that exist (and a surname, which matches thousands). */
const KINDS: Record<string, (row: RosterEntry, random: () => number) => string> = {
  'name prefix': (row, random) => row.studentName.slice(0, random() < 0.5 ? 1 : 2),
  'pinyin initials': (row) => pinyinTermsOf(row.studentName)[1],
  'full pinyin': (row) => pinyinTermsOf(row.studentName)[0],
  'student no': (row) => row.studentNo ?? '',
  'phone last four': (row) => (row.phone ?? '').slice(-4),
};

/** Rows the searches are drawn from, a few per school, kept while filling. */
const SAMPLES_PER_SCHOOL = 40;

async function fill(store: Store): Promise<{ fillMs: number; samples: RosterEntry[][] }> {
  const samples: RosterEntry[][] = [];
  const pick = seeded(7);
  const started = performance.now();
  await migrate(store.db, store.type);
  const at = Date.now();
  const schools = Array.from({ length: SCHOOLS }, (_, i) => ({
    key: schoolKey(i),
    name: `第${i + 1}实验小学`,
    wechat_school_id: null,
    archived_at: null,
    created_at: at,
  }));
  await store.db.insertInto('school').values(schools).execute();
  for (let i = 0; i < SCHOOLS; i += 1) {
    const roster = schoolRoster(i, ROWS);
    samples.push(Array.from({ length: SAMPLES_PER_SCHOOL }, () => roster[Math.floor(pick() * roster.length)]));
    await store.db.transaction().execute((trx) => replaceRosterWithin(trx, schoolKey(i), roster));
    if ((i + 1) % 10 === 0) log(`${store.type}: ${i + 1} of ${SCHOOLS} schools filled`);
  }
  // What autovacuum (PostgreSQL) or the next start would do after an import this size.
  await sql`analyze`.execute(store.db);
  return { fillMs: performance.now() - started, samples };
}

interface Figures {
  kind: string;
  scope: string;
  p50: number;
  p95: number;
  found: number;
}

async function measure(store: Store, samples: RosterEntry[][]): Promise<Figures[]> {
  const random = seeded(42);
  const all = Array.from({ length: SCHOOLS }, (_, i) => schoolKey(i));
  const figures: Figures[] = [];
  for (const [scope, scopeOf] of [
    ['one school', (i: number) => [schoolKey(i)]],
    ['all schools', () => all],
  ] as const) {
    for (const [kind, typed] of Object.entries(KINDS)) {
      const times: number[] = [];
      let found = 0;
      for (let q = 0; q < QUERIES + 20; q += 1) {
        const school = Math.floor(random() * SCHOOLS);
        const text = typed(samples[school][Math.floor(random() * SAMPLES_PER_SCHOOL)], random);
        const started = performance.now();
        const result = await searchRoster(store.db, scopeOf(school), text, DIRECTORY_LIMIT);
        // The first searches warm the caches: not counted.
        if (q >= 20) times.push(performance.now() - started);
        if (result.matches.length === 0) throw new Error(`${kind} “${text}” found nothing`);
        found += result.matches.length;
      }
      figures.push({
        kind,
        scope,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        found: found / (QUERIES + 20),
      });
    }
  }
  return figures;
}

function print(type: string, fillMs: number, figures: Figures[]): void {
  const worst = Math.max(...figures.map((f) => f.p95));
  process.stdout.write(
    `\n${type}: ${SCHOOLS} schools × ${ROWS} rows, filled in ${(fillMs / 1000).toFixed(0)} s; ${QUERIES} searches per line\n\n` +
      '| scope | query | p50 ms | p95 ms | matches (mean) |\n|---|---|---:|---:|---:|\n' +
      figures
        .map((f) => `| ${f.scope} | ${f.kind} | ${ms(f.p50)} | ${ms(f.p95)} | ${f.found.toFixed(1)} |`)
        .join('\n') +
      `\n\nworst p95: ${ms(worst)} ms (goal < 50 ms): ${worst < 50 ? 'met' : 'NOT MET'}\n`,
  );
}

async function onSqlite(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-directory-'));
  const store = openStore({ kind: 'sqlite', dir });
  try {
    const { fillMs, samples } = await fill(store);
    print('SQLite', fillMs, await measure(store, samples));
  } finally {
    await store.db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(server: string): Promise<void> {
  const name = `bench_directory_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const store = openStore({ kind: 'postgres', url: url.toString() });
  try {
    const { fillMs, samples } = await fill(store);
    const { rows } = await sql<{ server_version: string }>`show server_version`.execute(store.db);
    print(`PostgreSQL ${rows[0].server_version}`, fillMs, await measure(store, samples));
  } finally {
    await store.db.destroy();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function main() {
  const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  const server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!only || only === 'sqlite') await onSqlite();
  if (!only || only === 'postgres') {
    if (server) await onPostgres(server);
    else process.stdout.write('\nPostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)\n');
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
