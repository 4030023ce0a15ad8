import 'server-only';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { ExportEvent } from '@/lib/contracts/export-walk';
import type { LookupError } from '@/lib/contracts/failure';
import { perProcess } from '@/lib/server/singleton';
import type { CallEvent } from '@/lib/wechatpay/client';

/** Seconds: a lookup a clerk waits for, from a cached answer to the whole deadline with retries. */
const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16];

/** WeChat's codes are SHOUTING_SNAKE; anything else would make a label of whatever was sent. */
function codeLabel(code: string | undefined): string {
  if (code === undefined) return '';
  return /^[A-Z][A-Z0-9_]{0,39}$/.test(code) ? code : 'OTHER';
}

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const metric = { registers: [registry] };
  return {
    registry,
    lookups: new Counter({
      ...metric,
      name: 'dashboard_lookups_total',
      help: 'Contract lookups by staff (purpose lookup or export page), by outcome and WeChat error code',
      labelNames: ['purpose', 'outcome', 'code'] as const,
    }),
    lookupSeconds: new Histogram({
      ...metric,
      name: 'dashboard_lookup_duration_seconds',
      help: 'A staff lookup from the request to the audited answer, retries included',
      labelNames: ['purpose'] as const,
      buckets: LATENCY_BUCKETS,
    }),
    attempts: new Counter({
      ...metric,
      name: 'wechatpay_attempts_total',
      help: 'Attempts at WeChat Pay by host, outcome (ok or the failure kind) and WeChat error code',
      labelNames: ['host', 'outcome', 'code'] as const,
    }),
    attemptSeconds: new Histogram({
      ...metric,
      name: 'wechatpay_attempt_duration_seconds',
      help: 'One attempt at WeChat Pay, by host',
      labelNames: ['host'] as const,
      buckets: LATENCY_BUCKETS,
    }),
    onBackup: new Gauge({
      ...metric,
      name: 'wechatpay_backup_host_in_use',
      help: '1 while the failover breaker sends calls to the backup host, else 0',
    }),
    certificateExpiry: new Gauge({
      ...metric,
      name: 'wechatpay_platform_certificate_expiry_timestamp_seconds',
      help: 'When each platform certificate held expires (certificate mode), in Unix seconds',
      labelNames: ['serial'] as const,
    }),
    exports: new Counter({
      ...metric,
      name: 'dashboard_csv_exports_total',
      help: 'CSV exports of contracts by how they ended: done, cancelled, or the failure kind',
      labelNames: ['outcome'] as const,
    }),
    directorySearches: new Counter({
      ...metric,
      name: 'dashboard_directory_searches_total',
      help: 'Parent directory (家长名册) searches by staff, by outcome: ok or why it was refused',
      labelNames: ['outcome'] as const,
    }),
    directorySeconds: new Histogram({
      ...metric,
      name: 'dashboard_directory_search_duration_seconds',
      help: 'A staff directory search from the request to the audited answer',
      // A database read, not a call to WeChat: finer buckets, around the 50 ms goal.
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    }),
  };
}

type Metrics = ReturnType<typeof createMetrics>;

/** The one registry of this process, whichever bundle asks. */
export function getMetrics(): Metrics {
  return perProcess('metrics', createMetrics);
}

/** How an audited lookup ended, as its audit record says (a list page, or a contract by its number). */
export type LookupOutcome = { ok: true } | { ok: false; error: Pick<LookupError, 'kind' | 'code'> };

/** Counts one audited staff lookup and how long it took. */
export function recordLookup(purpose: string, result: LookupOutcome, startedAt: number): void {
  const { lookups, lookupSeconds } = getMetrics();
  const outcome = result.ok ? 'ok' : result.error.kind;
  lookups.inc({ purpose, outcome, code: codeLabel(result.ok ? undefined : result.error.code) });
  lookupSeconds.observe({ purpose }, (performance.now() - startedAt) / 1000);
}

/** Counts a CSV export once it ends: its last event, or its cancellation (no event). */
export function recordExportEnd(last: ExportEvent | 'cancelled'): void {
  if (last !== 'cancelled' && last.type === 'progress') return;
  const outcome = last === 'cancelled' ? 'cancelled' : last.type === 'done' ? 'done' : last.error.kind;
  getMetrics().exports.inc({ outcome });
}

/** Observes every attempt at WeChat Pay; `primaryHost` tells the failover breaker's state. */
export function callMetrics(): (event: CallEvent) => void {
  return (event) => {
    const { attempts, attemptSeconds } = getMetrics();
    attempts.inc({ host: event.host, outcome: event.outcome, code: codeLabel(event.code) });
    attemptSeconds.observe({ host: event.host }, event.durationMs / 1000);
  };
}

/** Sets the breaker gauge from the breaker itself, just before a scrape. */
export function showBreaker(onBackupUntil: number | null): void {
  getMetrics().onBackup.set(onBackupUntil === null ? 0 : 1);
}

/** Refreshes the certificate gauge from what the store holds now, just before a scrape. */
export function showCertificates(held: readonly { serial: string; expire: number }[]): void {
  const { certificateExpiry } = getMetrics();
  certificateExpiry.reset();
  for (const { serial, expire } of held) certificateExpiry.set({ serial }, Math.floor(expire / 1000));
}

/** Counts one audited directory search and how long it took. */
export function recordDirectorySearch(outcome: string, startedAt: number): void {
  const { directorySearches, directorySeconds } = getMetrics();
  directorySearches.inc({ outcome });
  directorySeconds.observe((performance.now() - startedAt) / 1000);
}
