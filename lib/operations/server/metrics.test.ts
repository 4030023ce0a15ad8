import { describe, expect, it } from 'vitest';
import { callMetrics, getMetrics, recordExportEnd, recordLookup, showBreaker, showCertificates } from './metrics';

async function sample(name: string): Promise<string> {
  return getMetrics().registry.getSingleMetricAsString(name);
}

describe('metrics', () => {
  it('counts lookups by purpose, outcome and WeChat code, and times them', async () => {
    recordLookup('lookup', { ok: false, error: { kind: 'sign_error', code: 'SIGN_ERROR' } }, performance.now());
    recordLookup('export', { ok: false, error: { kind: 'upstream', code: 'whatever <script>' } }, performance.now());
    const lookups = await sample('dashboard_lookups_total');
    expect(lookups).toContain('dashboard_lookups_total{purpose="lookup",outcome="sign_error",code="SIGN_ERROR"} 1');
    // A code that is not WeChat's shape does not become a label as sent.
    expect(lookups).toContain('dashboard_lookups_total{purpose="export",outcome="upstream",code="OTHER"} 1');
    expect(await sample('dashboard_lookup_duration_seconds')).toContain(
      'dashboard_lookup_duration_seconds_count{purpose="lookup"} 1',
    );
  });

  it('counts attempts by host and outcome', async () => {
    const observe = callMetrics();
    const attempt = { attempt: 1, method: 'GET', path: '/v3/x', durationMs: 120 };
    observe({ ...attempt, host: 'api.mch.weixin.qq.com', outcome: 'network' });
    observe({ ...attempt, host: 'api2.mch.weixin.qq.com', outcome: 'ok', status: 200 });
    expect(await sample('wechatpay_attempts_total')).toContain(
      'wechatpay_attempts_total{host="api.mch.weixin.qq.com",outcome="network",code=""} 1',
    );
  });

  it('shows the breaker as it stands at the scrape: on the backup until its cool-down ends', async () => {
    showBreaker(Date.now() + 60_000);
    expect(await sample('wechatpay_backup_host_in_use')).toContain('wechatpay_backup_host_in_use 1');
    showBreaker(null);
    expect(await sample('wechatpay_backup_host_in_use')).toContain('wechatpay_backup_host_in_use 0');
  });

  it('counts an export once, when it ends', async () => {
    recordExportEnd({ type: 'progress', done: 1, total: null });
    recordExportEnd({ type: 'done', count: 3, csv: '', file: 'a.csv' });
    recordExportEnd('cancelled');
    const exports = await sample('dashboard_csv_exports_total');
    expect(exports).toContain('dashboard_csv_exports_total{outcome="done"} 1');
    expect(exports).toContain('dashboard_csv_exports_total{outcome="cancelled"} 1');
    expect(exports).not.toContain('progress');
  });

  it('shows each platform certificate held by its expiry, and forgets one no longer held', async () => {
    showCertificates([{ serial: 'OLD', expire: 1_800_000_000_500 }]);
    showCertificates([{ serial: 'NEW', expire: 1_900_000_000_000 }]);
    const gauge = await sample('wechatpay_platform_certificate_expiry_timestamp_seconds');
    expect(gauge).toContain('{serial="NEW"} 1900000000');
    expect(gauge).not.toContain('OLD');
  });
});

describe('directory search metrics', () => {
  it('counts directory searches by outcome, and times them', async () => {
    const { recordDirectorySearch } = await import('./metrics');
    recordDirectorySearch('ok', performance.now());
    recordDirectorySearch('out_of_scope', performance.now());
    const searches = await sample('dashboard_directory_searches_total');
    expect(searches).toContain('dashboard_directory_searches_total{outcome="ok"} 1');
    expect(searches).toContain('dashboard_directory_searches_total{outcome="out_of_scope"} 1');
    expect(await sample('dashboard_directory_search_duration_seconds')).toContain(
      'dashboard_directory_search_duration_seconds_count 2',
    );
  });
});
