/**
 * `npm run bench`: builds the app, then measures, in one run on this machine,
 *   1. crypto per lookup (project vs node:crypto limit, PEM re-parsed, wechatpay-axios-plugin),
 *   2. lookups through the production server's server action vs a direct signed call, 1/8/32 clients,
 *   3. first-load JS and CSS of /contracts vs /blank,
 *   4. time to the first row in headless Chromium vs time to a blank page,
 *   5. the server's RSS after warm-up and after 10,000 lookups,
 * and prints one table (also written to bench/results/). Ratios are the figures; absolute times
 * are context (the machine is shared and noisy).
 *
 * Options: --no-build (reuse .next/), --only=crypto,lookups,page,memory (some sections),
 * --profile (also `node --cpu-prof` the server and the direct worker at 8 clients and summarize
 * where the time goes), BENCH_SECONDS=n (per side per level, default 10). See BENCHMARKS.md.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { chromium } from 'playwright-core';
import type { CryptoResult } from './crypto';
import type { DirectRun } from './direct';
import { type CapturedAction, captureAction, type LoadRun, runAction } from './lib/action';
import { readBudget } from './lib/budget';
import { freePort, installCleanup, spawnTracked } from './lib/children';
import { DEMO_SEARCH } from './lib/demo';
import { startDirectWorker } from './lib/direct-worker';
import { type FirstRowResult, measureFirstRow } from './lib/first-row';
import { type NextServer, startNextServer } from './lib/next-server';
import { measurePage, type PageWeight } from './lib/page-weight';
import { CHROMIUM, CHROMIUM_ARGS, PATHS, RESULTS_DIR, ROOT } from './lib/paths';
import { formatProfile, profilesIn, summarizeProfile, type Window } from './lib/profile';
import { cookieHeader, signIn } from './lib/session';
import { grouped, kB, MB, ms, percentile, ratio } from './lib/stats';

const LEVELS = [1, 8, 32] as const;
/** One database for the run's servers: the admin, the session the captured request carries, the audit trail. */
const DATA_DIR = join(RESULTS_DIR, 'data');
const GOALS = {
  cryptoRatio: 0.95,
  overheadP50Ms: 5,
  throughputRatio: 0.5,
  overBlankBytes: 60_000,
  rssGrowth: 0.1,
};

interface Side {
  p50: number;
  p99: number;
  rps: number;
  /** CPU of the process under test per successful lookup, ms (server process / direct process). */
  cpuMsPerLookup: number;
  ok: number;
  errors: number;
  firstError?: string;
}

interface Level {
  clients: number;
  action: Side;
  direct: Side;
}

interface Memory {
  warmupLookups: number;
  lookups: number;
  rssAfterWarmup: number;
  rssAfter: number;
  /** RSS after each further 1,000 lookups, bytes. */
  rssEvery1000: number[];
  growth: number;
  errors: number;
}

interface Results {
  date: string;
  machine: string;
  command: string;
  node: string;
  totalSeconds: number;
  secondsPerSide: number;
  crypto?: CryptoResult;
  captured?: { path: string; headerNames: string[]; bodyBytes: number; browserStatus: number; replayOk: boolean };
  levels?: Level[];
  weight?: { contracts: PageWeight; blank: PageWeight; budgetBytes: number };
  firstRow?: FirstRowResult;
  memory?: Memory;
  /** CPU profiles (relative paths) and the span of each taken under load. */
  profiles: { file: string; window: Window }[];
}

const runStarted = performance.now();
const log = (message: string) =>
  process.stderr.write(`[bench ${((performance.now() - runStarted) / 1000).toFixed(0).padStart(3)} s] ${message}\n`);

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

function build(logFile: string): void {
  const out = openSync(logFile, 'w');
  const result = spawnSync(process.execPath, [PATHS.nextBin, 'build'], {
    cwd: ROOT,
    stdio: ['ignore', out, out],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  closeSync(out);
  if (result.status !== 0) {
    process.stderr.write(readFileSync(logFile, 'utf8'));
    throw new Error(`next build failed (status ${result.status})`);
  }
}

async function runCrypto(): Promise<CryptoResult> {
  const child = spawnTracked(process.execPath, [...process.execArgv, join(ROOT, 'bench', 'crypto.ts'), '--json'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`bench/crypto.ts exited with code ${code}`);
  return JSON.parse(out) as CryptoResult;
}

const SECTIONS = ['crypto', 'lookups', 'page', 'memory', 'profile'] as const;
type Section = (typeof SECTIONS)[number];

/** All sections but `profile` by default; `--only=a,b` picks some; `--profile` adds the profile. */
function sectionsFrom(args: string[]): Set<Section> {
  const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  const chosen = new Set<Section>(only ? (only.split(',') as Section[]) : SECTIONS.filter((s) => s !== 'profile'));
  for (const name of chosen) if (!SECTIONS.includes(name)) throw new Error(`--only: unknown section ${name}`);
  if (args.includes('--profile')) chosen.add('profile');
  return chosen;
}

/**
 * Runs `body` against a fresh production server on `port`. If the server ended under it (on a
 * shared machine something outside may end it), that part runs once more on a new server.
 */
async function onServer<T>(
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

async function measureMemory(server: NextServer, captured: CapturedAction): Promise<Memory> {
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
async function measureLevel(port: number, clients: number, seconds: number, captured: CapturedAction): Promise<Level> {
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
async function profileUnderLoad(
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

async function main() {
  installCleanup();
  const started = performance.now();
  const args = process.argv.slice(2);
  const sections = sectionsFrom(args);
  const secondsPerSide = Number(process.env.BENCH_SECONDS ?? 10);
  rmSync(RESULTS_DIR, { recursive: true, force: true });
  mkdirSync(RESULTS_DIR, { recursive: true });
  const results: Results = {
    date: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Linux`,
    command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
    node: process.version,
    totalSeconds: 0,
    secondsPerSide,
    profiles: [],
  };

  if (!args.includes('--no-build')) {
    log('next build (log: bench/results/build.log) …');
    build(join(RESULTS_DIR, 'build.log'));
  }

  if (sections.has('crypto')) {
    log('1. crypto per lookup …');
    results.crypto = await runCrypto();
  }

  if (['lookups', 'page', 'memory', 'profile'].some((name) => sections.has(name as Section))) {
    const port = await freePort();
    log(`production server on 127.0.0.1:${port} (sandbox mode) …`);
    const captured = await onServer('main', port, async (server) => {
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      try {
        log('signing in, then capturing the server-action request the browser sends for 下一页 …');
        const signedIn = await signIn(browser, server.url);
        const action = await captureAction(browser, server.url, signedIn);
        if (action.browserStatus !== 200 || !action.replayOk) {
          throw new Error(`the captured 下一页 request does not replay (browser got ${action.browserStatus})`);
        }
        results.captured = {
          path: action.path,
          headerNames: Object.keys(action.headers),
          bodyBytes: Buffer.byteLength(action.body),
          browserStatus: action.browserStatus,
          replayOk: action.replayOk,
        };
        if (sections.has('page')) {
          log('3. page weight …');
          results.weight = {
            contracts: await measurePage(server.url, DEMO_SEARCH, { cookie: cookieHeader(signedIn) }),
            blank: await measurePage(server.url, '/blank'),
            budgetBytes: readBudget().firstLoadJsGzipBytes,
          };
          log('4. time to first row (20 + 20 navigations, and 10 with scripts blocked) …');
          results.firstRow = await measureFirstRow(browser, signedIn, server.url, 20);
        }
        return action;
      } finally {
        await browser.close();
      }
    });

    if (sections.has('memory')) {
      log('5. memory: a new server, 1,000 lookups of warm-up, then 10,000 …');
      results.memory = await onServer('memory', port, (server) => measureMemory(server, captured));
    }

    if (sections.has('lookups')) {
      results.levels = [];
      for (const clients of LEVELS) {
        log(`2. ${clients} client(s): server action vs direct, ${secondsPerSide} s each, interleaved …`);
        results.levels.push(await measureLevel(port, clients, secondsPerSide, captured));
      }
    }

    if (sections.has('profile')) {
      log('profiling: node --cpu-prof, 8 clients, the server and then the direct worker …');
      results.profiles = await profileUnderLoad(port, captured, secondsPerSide);
    }
  }

  results.totalSeconds = (performance.now() - started) / 1000;
  const table = renderTable(results);
  writeFileSync(join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(RESULTS_DIR, 'latest.md'), `${table}\n`);
  process.stdout.write(`${table}\n`);
  for (const { file, window } of results.profiles) {
    const summary = formatProfile(summarizeProfile(join(ROOT, file), window), file);
    process.stdout.write(`\n${summary}\n`);
    writeFileSync(join(ROOT, `${file}.txt`), `${summary}\n`);
  }
}

function met(ok: boolean): string {
  return ok ? 'met' : '**not met**';
}

export function renderTable(r: Results): string {
  const rows: string[][] = [];
  const c = r.crypto;
  if (c) {
    rows.push([
      '1',
      'crypto per lookup (sign 1 request + verify 1 answer), ops/s',
      grouped(c.opsPerSecond.project),
      `limit ${grouped(c.opsPerSecond.limit)}`,
      `${ratio(c.ratioToLimit.project)} limit`,
      `≥ ${GOALS.cryptoRatio}× limit`,
      met(c.ratioToLimit.project >= GOALS.cryptoRatio),
    ]);
    rows.push([
      '1',
      '… PEM re-parsed every call (naive code)',
      '',
      grouped(c.opsPerSecond.pem),
      `${ratio(c.ratioToLimit.pem)} limit`,
      '',
      '',
    ]);
    rows.push([
      '1',
      `… wechatpay-axios-plugin ${c.peerVersion} (Rsa.sign / Rsa.verify)`,
      '',
      grouped(c.opsPerSecond.peer),
      `${ratio(c.ratioToLimit.peer)} limit`,
      '',
      '',
    ]);
  }
  for (const level of r.levels ?? []) {
    const { action, direct, clients } = level;
    const label = `${clients} client${clients > 1 ? 's' : ''}`;
    const overhead = action.p50 - direct.p50;
    const throughput = action.rps / direct.rps;
    const clean = action.errors === 0 && direct.errors === 0;
    rows.push([
      '2',
      `${label}: p50 / p99 ms, server action vs direct`,
      `${ms(action.p50)} / ${ms(action.p99)}`,
      `${ms(direct.p50)} / ${ms(direct.p99)}`,
      `${overhead >= 0 ? '+' : ''}${ms(overhead)} ms p50`,
      clients === 1 ? `≤ +${GOALS.overheadP50Ms} ms p50` : '',
      clients === 1 ? met(overhead <= GOALS.overheadP50Ms) : '',
    ]);
    rows.push([
      '2',
      `${label}: lookups/s (errors), server action vs direct`,
      `${grouped(action.rps)} (${action.errors})`,
      `${grouped(direct.rps)} (${direct.errors})`,
      ratio(throughput),
      clients === 1 ? '0 errors' : `≥ ${GOALS.throughputRatio}×, 0 errors`,
      met(clean && (clients === 1 || throughput >= GOALS.throughputRatio)),
    ]);
    rows.push([
      '2',
      `${label}: CPU ms per lookup, server process vs direct process`,
      ms(action.cpuMsPerLookup),
      ms(direct.cpuMsPerLookup),
      ratio(action.cpuMsPerLookup / direct.cpuMsPerLookup),
      '',
      '',
    ]);
  }
  const w = r.weight;
  if (w) {
    const over = w.contracts.jsGzip + w.contracts.cssGzip - (w.blank.jsGzip + w.blank.cssGzip);
    rows.push([
      '3',
      'first-load JS + CSS (gzip): /contracts vs /blank',
      `${kB(w.contracts.jsGzip)} + ${kB(w.contracts.cssGzip)}`,
      `${kB(w.blank.jsGzip)} + ${kB(w.blank.cssGzip)}`,
      `+${kB(over)}`,
      `≤ +${kB(GOALS.overBlankBytes)}`,
      met(over <= GOALS.overBlankBytes),
    ]);
    rows.push([
      '3',
      '/contracts first-load JS vs bench/size-budget.json',
      kB(w.contracts.jsGzip),
      `budget ${kB(w.budgetBytes)}`,
      `${kB(w.budgetBytes - w.contracts.jsGzip)} left`,
      '≤ budget',
      met(w.contracts.jsGzip <= w.budgetBytes),
    ]);
  }
  const f = r.firstRow;
  if (f) {
    rows.push([
      '4',
      `rows already in the first HTML response (${f.samples} navigations)`,
      `${f.rowsInHtml}/${f.samples}`,
      '',
      '',
      'all',
      met(f.rowsInHtml === f.samples && f.failures.length === 0),
    ]);
    const { contracts, blank, contractsWithoutScripts: bare } = f;
    rows.push([
      '4',
      'p50 ms from navigation start to first row painted vs to /blank painted',
      ms(contracts.paintP50Ms),
      ms(blank.paintP50Ms),
      `+${ms(contracts.paintP50Ms - blank.paintP50Ms)} ms (${ratio(contracts.paintP50Ms / blank.paintP50Ms)})`,
      '',
      '',
    ]);
    rows.push([
      '4',
      '… context: p50 ms to the HTML’s first byte, search vs /blank',
      ms(contracts.firstByteP50Ms),
      ms(blank.firstByteP50Ms),
      `+${ms(contracts.firstByteP50Ms - blank.firstByteP50Ms)} ms`,
      '',
      '',
    ]);
    rows.push([
      '4',
      '… context: p50 ms to first row painted with the app’s JS files blocked',
      ms(bare.paintP50Ms),
      ms(contracts.paintP50Ms),
      `${ms(bare.paintP50Ms - contracts.paintP50Ms)} ms`,
      '',
      '',
    ]);
  }
  const m = r.memory;
  if (m) {
    rows.push([
      '5',
      `server RSS: after ${grouped(m.warmupLookups)} warm-up lookups vs after ${grouped(m.lookups)} more`,
      MB(m.rssAfter),
      MB(m.rssAfterWarmup),
      `${m.growth >= 0 ? '+' : ''}${(m.growth * 100).toFixed(1)}% (${m.errors} errors)`,
      `< +${GOALS.rssGrowth * 100}%`,
      met(m.growth < GOALS.rssGrowth && m.errors === 0),
    ]);
    const half = m.rssEvery1000[4];
    if (half) {
      const lastHalf = m.rssAfter / half - 1;
      rows.push([
        '5',
        '… context: RSS after 5 000 of them vs after 10 000 (a plateau, or still growing?)',
        MB(m.rssAfter),
        MB(half),
        `${lastHalf >= 0 ? '+' : ''}${(lastHalf * 100).toFixed(1)}%`,
        '',
        '',
      ]);
    }
  }
  const header = ['#', 'measure', 'this project', 'beside it', 'ratio / difference', 'goal', 'status'];
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    `${r.date.slice(0, 10)} · ${r.machine} · Node ${r.node} · \`${r.command}\` · ${r.totalSeconds.toFixed(0)} s`,
    '',
    line(header),
    line(header.map(() => '---')),
    ...rows.map(line),
  ].join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
