import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import pg from 'pg';

/**
 * What the failure specs share: a way to tell the browser's own report of a failed request
 * (expected there) from a fault of the page, a server stopped hard, and a
 * PostgreSQL of their own to stop and start under a running server.
 */

/** Leaves in `errors` (the fixture fails on any) only those not matching `expected`. */
export function dropExpected(errors: string[], expected: RegExp): void {
  const unexpected = errors.filter((error) => !expected.test(error));
  errors.splice(0, errors.length, ...unexpected);
}

/**
 * Stops the server listening on `port` at once, as a crash or a hard stop for a redeploy would
 * (SIGKILL to the process itself: a SIGTERM'd Next.js first keeps serving the connections it has
 * for seconds), and waits until it is gone.
 */
export async function killServerOn(port: number): Promise<void> {
  const listening = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  const pids = [...listening.matchAll(/pid=(\d+)/g)].map((match) => Number(match[1]));
  if (pids.length === 0) throw new Error(`nothing listens on ${port}`);
  for (const pid of pids) process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 100; i += 1) {
    const alive = pids.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    if (alive.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server on ${port} did not stop`);
}

/** A throwaway PostgreSQL cluster on `port`, made by scripts/test-postgres.sh, data in /tmp. */
export interface OwnPostgres {
  url: string;
  start(): void;
  stop(): void;
  remove(): void;
}

const bin = () =>
  execFileSync('sh', ['-c', 'ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1'], { encoding: 'utf8' }).trim();

/** pg_ctl as the postgres user when run as root (PostgreSQL refuses to run as root). */
function pgCtl(dir: string, ...args: string[]): void {
  const command = [`${bin()}/pg_ctl`, '-D', dir, ...args].map((part) => `'${part}'`).join(' ');
  if (process.getuid?.() === 0) execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { stdio: 'ignore' });
  else execFileSync('sh', ['-c', command], { stdio: 'ignore' });
}

export async function startOwnPostgres(port: number): Promise<OwnPostgres> {
  const dir = `/tmp/eduschoolpay-failure-pg-${port}`;
  const server = execFileSync('bash', ['scripts/test-postgres.sh'], {
    env: { ...process.env, TEST_PGDATA: dir, TEST_PGPORT: String(port) },
    encoding: 'utf8',
  }).trim();
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query('drop database if exists dashboard with (force)');
  await admin.query('create database dashboard');
  await admin.end();
  return {
    url: server.replace(/\/postgres$/, '/dashboard'),
    start: () =>
      pgCtl(dir, '-w', '-l', `${dir}/server.log`, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, 'start'),
    stop: () => pgCtl(dir, '-w', '-m', 'fast', 'stop'),
    remove() {
      try {
        pgCtl(dir, '-w', '-m', 'immediate', 'stop');
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
