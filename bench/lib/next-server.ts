import type { ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { startScriptNodeOptions } from '@/test-support/start-script';
import { cpuMs, rssBytes, spawnTracked, stopChild } from './children';
import { ROOT } from './paths';
import { BENCH_ADMIN } from './session';

export interface NextServer {
  url: string;
  port: number;
  pid: number;
  /** RSS of the server process (and any child it started), bytes. */
  rss(): number;
  /** CPU time the server process has used so far, ms. */
  cpuMs(): number;
  /** Whether it still runs (something outside the benchmark may have ended it). */
  alive(): boolean;
  stop(): Promise<void>;
}

export interface StartOptions {
  port: number;
  /** DATA_DIR: the server's SQLite database (accounts, sessions, audit), shared by the run's servers. */
  dataDir: string;
  /** Extra `node` flags, e.g. `--cpu-prof`. */
  nodeFlags?: string[];
  /** Where the server's stdout/stderr go (one JSON line per WeChat Pay call). */
  logFile: string;
}

/**
 * A sandbox-mode server's environment: no WECHATPAY_* or DATABASE_URL whatever the caller has, a
 * SQLite database in `dataDir`, the benchmark's first admin, and a per-staff lookup limit that a
 * load test does not hit (a clerk's default is 60 a minute).
 */
export function sandboxEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  for (const name of Object.keys(env)) {
    if (/^(WECHATPAY_|DASHBOARD_|BETTER_AUTH_)/.test(name) || name === 'DATABASE_URL') delete env[name];
  }
  return {
    ...env,
    WECHATPAY_MCHID: '',
    DATA_DIR: dataDir,
    DASHBOARD_ADMIN_USERNAME: BENCH_ADMIN.username,
    DASHBOARD_ADMIN_PASSWORD: BENCH_ADMIN.password,
    DASHBOARD_LOOKUPS_PER_MINUTE: '100000',
  };
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/blank`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`next start did not answer on ${url} within ${timeoutMs} ms`);
}

/** `next start` of the existing build (`.next/`), in sandbox mode, on 127.0.0.1:port, as `npm start` runs it. */
export async function startNextServer(options: StartOptions): Promise<NextServer> {
  mkdirSync(join(options.logFile, '..'), { recursive: true });
  const log = openSync(options.logFile, 'a');
  const nextBin = require.resolve('next/dist/bin/next', { paths: [ROOT] });
  const child = spawnTracked(
    process.execPath,
    [
      // The server as deployed: with the node options of `npm start`.
      ...startScriptNodeOptions(ROOT).split(/\s+/),
      ...(options.nodeFlags ?? []),
      nextBin,
      'start',
      '-H',
      '127.0.0.1',
      '-p',
      String(options.port),
    ],
    { cwd: ROOT, env: sandboxEnv(options.dataDir), stdio: ['ignore', log, log] },
  );
  closeSync(log);
  const url = `http://127.0.0.1:${options.port}`;
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) {
      process.stderr.write(
        `[bench] next start on port ${options.port} exited on its own (code ${code}, signal ${signal}); ` +
          `see ${options.logFile}\n`,
      );
    }
  });
  try {
    await waitUntilReady(url, child, 60_000);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  const pid = child.pid ?? -1;
  return {
    url,
    port: options.port,
    pid,
    rss: () => rssBytes(pid),
    cpuMs: () => cpuMs(pid),
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: () => {
      stopping = true;
      return stopChild(child);
    },
  };
}
