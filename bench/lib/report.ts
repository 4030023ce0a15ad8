/**
 * What `npm run bench` reports: the results of one run, the goals they are held to, and the
 * Markdown table (plus JSON and profile summaries) written to bench/results/ and stdout.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CryptoResult } from '../crypto';
import { type AllPlansBench, allPlansRows } from './all-plans-report';
import type { FirstRowResult } from './first-row';
import type { PageViewCost } from './page-view';
import type { PageWeight } from './page-weight';
import { RESULTS_DIR, ROOT } from './paths';
import { formatProfile, summarizeProfile, type Window } from './profile';
import { grouped, kB, MB, ms, ratio } from './stats';

/** Issue 13's goals. */
const GOALS = {
  cryptoRatio: 0.95,
  overheadP50Ms: 5,
  throughputRatio: 0.5,
  cpuRatio: 2,
  /** Throughput at 64 clients ÷ the best of the run. */
  overloadRatio: 0.9,
  overBlankBytes: 40_000,
  rssGrowth: 0.1,
};

export interface Side {
  p50: number;
  p99: number;
  rps: number;
  /** CPU of the process under test per successful lookup, ms (server process / direct process). */
  cpuMsPerLookup: number;
  ok: number;
  errors: number;
  firstError?: string;
}

export interface Level {
  clients: number;
  action: Side;
  direct: Side;
}

export interface Memory {
  warmupLookups: number;
  lookups: number;
  rssAfterWarmup: number;
  rssAfter: number;
  /** RSS after each further 1,000 lookups, bytes. */
  rssEvery1000: number[];
  growth: number;
  errors: number;
}

export interface Results {
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
  pageView?: PageViewCost;
  memory?: Memory;
  allPlans?: AllPlansBench;
  /** CPU profiles (relative paths) and the span of each taken under load. */
  profiles: { file: string; window: Window }[];
}

function met(ok: boolean): string {
  return ok ? 'met' : '**not met**';
}

function renderTable(r: Results): string {
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
      clients === 1 ? '0 errors' : clients === 64 ? '0 errors' : `≥ ${GOALS.throughputRatio}×, 0 errors`,
      met(clean && (clients === 1 || clients === 64 || throughput >= GOALS.throughputRatio)),
    ]);
    if (clients === 64) {
      const best = Math.max(...(r.levels ?? []).map((other) => other.action.rps));
      rows.push([
        '2',
        'overload, 64 clients: server action lookups/s vs the best of the run',
        grouped(action.rps),
        grouped(best),
        ratio(action.rps / best),
        `≥ ${GOALS.overloadRatio}×`,
        met(action.rps / best >= GOALS.overloadRatio),
      ]);
    }
    rows.push([
      '2',
      `${label}: CPU ms per lookup, server process vs direct process`,
      ms(action.cpuMsPerLookup),
      ms(direct.cpuMsPerLookup),
      ratio(action.cpuMsPerLookup / direct.cpuMsPerLookup),
      `≤ ${GOALS.cpuRatio}×`,
      met(action.cpuMsPerLookup / direct.cpuMsPerLookup <= GOALS.cpuRatio),
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
  const v = r.pageView;
  if (v) {
    rows.push([
      '4',
      `… context: server CPU per view of the search in a browser, and its requests besides static files (${v.views} views)`,
      `${ms(v.cpuMsPerView)} ms`,
      '',
      `${v.requestsPerView} requests`,
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
    // RSS rises and falls with V8's collections, so two single samples can land anywhere on the
    // saw; a leak raises the peaks, a sawtooth does not.
    if (m.rssEvery1000.length === 10) {
      const firstPeak = Math.max(...m.rssEvery1000.slice(0, 5));
      const lastPeak = Math.max(...m.rssEvery1000.slice(5));
      const peakGrowth = lastPeak / firstPeak - 1;
      rows.push([
        '5',
        '… context: highest RSS of the last 5 of the 10 steps vs of the first 5 (a leak raises the peaks)',
        MB(lastPeak),
        MB(firstPeak),
        `${peakGrowth >= 0 ? '+' : ''}${(peakGrowth * 100).toFixed(1)}%`,
        '',
        '',
      ]);
    }
  }
  if (r.allPlans) rows.push(...allPlansRows(r.allPlans));
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

/** Writes latest.json and latest.md to bench/results/, prints the table, and summarizes each CPU profile. */
export function writeReport(results: Results): void {
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
