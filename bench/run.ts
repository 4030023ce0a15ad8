/**
 * `npm run bench`: builds the app, then measures, in one run on this machine,
 *   1. crypto per lookup (project vs node:crypto limit, PEM re-parsed, wechatpay-axios-plugin),
 *   2. lookups through the production server's server action vs a direct signed call, 1/8/32/64 clients,
 *   3. first-load JS and CSS of /contracts vs /blank,
 *   4. time to the first row in headless Chromium vs time to a blank page,
 *   5. the server's RSS after warm-up and after 10,000 lookups,
 *   6. an all-plans search of 3 plans vs one single-plan lookup, WeChat answering after 100 ms,
 * and prints one table (also written to bench/results/). Ratios are the figures; absolute times
 * are context (the machine is shared and noisy).
 *
 * Options: --no-build (reuse .next/), --only=crypto,lookups,page,memory,allPlans (some sections),
 * --profile (also `node --cpu-prof` the server and the direct worker at 8 clients and summarize
 * where the time goes), BENCH_SECONDS=n (per side per level, default 10). See BENCHMARKS.md.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '@/test-support/chromium';
import type { CryptoResult } from './crypto';
import { captureAction } from './lib/action';
import type { AllPlansBench } from './lib/all-plans-report';
import { readBudget } from './lib/budget';
import { freePort, installCleanup, spawnTracked } from './lib/children';
import { DEMO_SEARCH } from './lib/demo';
import { measureFirstRow } from './lib/first-row';
import { log } from './lib/log';
import { measurePageView } from './lib/page-view';
import { measurePage } from './lib/page-weight';
import { PATHS, RESULTS_DIR, ROOT } from './lib/paths';
import { type Results, writeReport } from './lib/report';
import { measureLevel, measureMemory, onServer, profileUnderLoad } from './lib/server-load';
import { cookieHeader, signIn } from './lib/session';

/** 64 is past what the server can serve: overload, measured against the best of the others. */
const LEVELS = [1, 8, 32, 64] as const;

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

/** Section 6 in its own process: the sandbox as a real merchant's WeChat Pay, with its delay. */
async function runAllPlans(): Promise<AllPlansBench> {
  const child = spawnTracked(
    process.execPath,
    [...process.execArgv, '--conditions=react-server', join(ROOT, 'bench', 'all-plans.ts'), '--json'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`bench/all-plans.ts exited with code ${code}`);
  // The app's own log lines (JSON too) share stdout: the figures are the line that has them.
  const figures = out.split('\n').find((line) => line.startsWith('{"delayMs":'));
  if (!figures) throw new Error('bench/all-plans.ts printed no figures');
  return JSON.parse(figures) as AllPlansBench;
}

const SECTIONS = ['crypto', 'lookups', 'page', 'memory', 'profile', 'allPlans'] as const;
type Section = (typeof SECTIONS)[number];

/** All sections but `profile` by default; `--only=a,b` picks some; `--profile` adds the profile. */
function sectionsFrom(args: string[]): Set<Section> {
  const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  const chosen = new Set<Section>(only ? (only.split(',') as Section[]) : SECTIONS.filter((s) => s !== 'profile'));
  for (const name of chosen) if (!SECTIONS.includes(name)) throw new Error(`--only: unknown section ${name}`);
  if (args.includes('--profile')) chosen.add('profile');
  return chosen;
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
          log('4. what one view of the search costs the server (10 views) …');
          results.pageView = await measurePageView(browser, signedIn, server);
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

  if (sections.has('allPlans')) {
    log('6. all plans at once: 3 plans vs one, WeChat answering after 100 ms …');
    results.allPlans = await runAllPlans();
  }

  results.totalSeconds = (performance.now() - started) / 1000;
  writeReport(results);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
