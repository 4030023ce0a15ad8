/**
 * Load against the production server: a fresh server per part (run again once if it ended
 * under the load), server action vs direct signed calls per level, memory over 10,000
 * lookups, and CPU profiles under load.
 */
import { join, relative } from 'node:path';
import type { DirectRun } from '../direct';
import { type CapturedAction, type LoadRun, runAction } from './action';
import { startDirectWorker } from './direct-worker';
import { log } from './log';
import { type NextServer, startNextServer } from './next-server';
import { RESULTS_DIR, ROOT } from './paths';
import { profilesIn, type Window } from './profile';
import type { Level, Memory, Side } from './report';
import { percentile } from './stats';

/** One database for the run's servers: the admin, the session the captured request carries, the audit trail. */
const DATA_DIR = join(RESULTS_DIR, 'data');

function side(runs: (LoadRun | DirectRun)[]): Side {
  const latencies = runs.flatMap((run) => run.latenciesMs);
  const ok = runs.reduce((n, run) => n + run.ok, 0);
  const elapsed = runs.reduce((n, run) => n + run.elapsedMs, 0);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    rps: ok / (elapsed / 1000),
    cpuMsPerLookup: runs.reduce((n, run) => n + run.cpuMs, 0) / ok,
    ok,
    errors: runs.reduce((n, run) => n + run.errors, 0),
    firstError: runs.find((run) => run.firstError)?.firstError,
  };
}

/**
 * Runs `body` against a fresh production server on `port`. If the server ended under it (on a
 * shared machine something outside may end it), that part runs once more on a new server.
 */
export async function onServer<T>(
  label: string,
  port: number,
  body: (server: NextServer) => Promise<T>,
  nodeFlags: string[] = [],
): Promise<T> {
  const logFile = join(RESULTS_DIR, `server-${label}.log`);
  for (let attempt = 1; ; attempt += 1) {
    const server = await startNextServer({ port, dataDir: DATA_DIR, logFile, nodeFlags });
    let result: { value: T } | undefined;
    let failure: unknown;
    try {
      result = { value: await body(server) };
    } catch (error) {
      failure = error;
    }
    const died = !server.alive();
    await server.stop();
    if (!died) {
      if (result) return result.value;
      throw failure;
    }
    if (attempt >= 2) throw new Error(`${label}: the server ended under the benchmark twice (see ${logFile})`);
    log(`${label}: the server ended under the benchmark; running this part again on a new server`);
  }
}

export async function measureMemory(server: NextServer, captured: CapturedAction): Promise<Memory> {
  const warm = await runAction(server.url, captured, { connections: 8, amount: 1_000 });
  const rssAfterWarmup = server.rss();
  const series: number[] = [];
  let ok = 0;
  let errors = warm.errors;
  // In ten steps of 1,000, so the trend shows: a plateau is warm-up, a straight line is a leak.
  for (let step = 0; step < 10; step += 1) {
    const run = await runAction(server.url, captured, { connections: 8, amount: 1_000 });
    ok += run.ok;
    errors += run.errors;
    series.push(server.rss());
  }
  const rssAfter = series.at(-1) ?? Number.NaN;
  return {
    warmupLookups: warm.ok,
    lookups: ok,
    rssAfterWarmup,
    rssAfter,
    rssEvery1000: series,
    growth: rssAfter / rssAfterWarmup - 1,
    errors,
  };
}

/**
 * One level of concurrency: a fresh server and a fresh direct worker (each with a fresh sandbox),
 * both warmed up, then two slices each, alternating, so a noisy neighbour weighs on both alike.
 */
export async function measureLevel(
  port: number,
  clients: number,
  seconds: number,
  captured: CapturedAction,
): Promise<Level> {
  return onServer(`c${clients}`, port, async (server) => {
    const worker = await startDirectWorker();
    try {
      // Warm-up, not measured: JIT, connection pools, the sandbox's first answers.
      await runAction(server.url, captured, { connections: clients, seconds: 2 });
      await worker.run(clients, 2);
      const actionRuns: LoadRun[] = [];
      const directRuns: DirectRun[] = [];
      const slice = seconds / 2;
      const action = () =>
        runAction(server.url, captured, { connections: clients, seconds: slice, cpuOf: server.cpuMs });
      for (let i = 0; i < 2; i += 1) {
        const actionFirst = (i + clients) % 2 === 0;
        if (actionFirst) actionRuns.push(await action());
        directRuns.push(await worker.run(clients, slice));
        if (!actionFirst) actionRuns.push(await action());
      }
      return { clients, action: side(actionRuns), direct: side(directRuns) };
    } finally {
      await worker.stop();
    }
  });
}

const nowUs = () => Number(process.hrtime.bigint() / 1000n);

/**
 * `--profile`: the server under `node --cpu-prof` with 8 clients on the server action, then the
 * direct worker likewise; each summary keeps only the samples taken while the load ran.
 */
export async function profileUnderLoad(
  port: number,
  captured: CapturedAction,
  seconds: number,
): Promise<{ file: string; window: Window }[]> {
  const dir = (who: string) => join(RESULTS_DIR, 'profiles', who);
  const found: { file: string; window: Window }[] = [];
  let window = await onServer(
    'profile',
    port,
    async (server) => {
      await runAction(server.url, captured, { connections: 8, seconds: 2 });
      const fromUs = nowUs();
      await runAction(server.url, captured, { connections: 8, seconds });
      return { fromUs, toUs: nowUs() };
    },
    ['--cpu-prof', `--cpu-prof-dir=${dir('server')}`],
  );
  // The last profile is the run that completed.
  for (const file of profilesIn(dir('server')).sort().slice(-1)) found.push({ file: relative(ROOT, file), window });
  const worker = await startDirectWorker(['--cpu-prof', `--cpu-prof-dir=${dir('direct')}`]);
  try {
    await worker.run(8, 2);
    const fromUs = nowUs();
    await worker.run(8, seconds);
    window = { fromUs, toUs: nowUs() };
  } finally {
    await worker.stop();
  }
  for (const file of profilesIn(dir('direct'))) found.push({ file: relative(ROOT, file), window });
  return found;
}
