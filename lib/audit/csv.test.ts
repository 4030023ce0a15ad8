import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '@/lib/audit/record';
import { CSV_BOM } from '@/lib/csv';
import { record } from '@/test-support/audit-record';
import { zhText } from '@/test-support/translators';
import { auditCsvFilename, auditCsvHeader, auditCsvLine } from './csv';

/** The file as the export route streams it: the BOM and header first, then a line per record. */
function exportFile(records: readonly AuditRecord[]): string {
  return CSV_BOM + auditCsvHeader(zhText) + records.map((record) => auditCsvLine(zhText, record)).join('');
}

describe('auditCsvHeader and auditCsvLine', () => {
  it('starts with a BOM and the Chinese headers', () => {
    const csv = exportFile([]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv).toBe(`\uFEFF${auditCsvHeader(zhText)}`);
    expect(auditCsvHeader(zhText)).toBe(
      '时间,工作人员,openid,签约模板号,状态筛选,页码位置(offset/limit),结果,微信支付 Request-ID,来源 IP\r\n',
    );
  });

  it('writes one line per record, in the order given', () => {
    const csv = exportFile([
      record({ id: 2, username: 'bob' }),
      record({ id: 1, outcome: 'unavailable', error_code: 'SYSTEM_ERROR', result_count: null }),
    ]);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4);
    // The full-width comma in 成功，20 条 is not a separator: no quotes needed. The all-digit plan
    // id is written as text Excel keeps whole.
    expect(lines[1]).toBe(
      `2026-09-01 00:30:05,bob,oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,"=""101164396123311331""",全部,20/20,成功，20 条,08F4A2B1C90610,10.0.0.8`,
    );
    expect(lines[2]).toContain(',微信支付暂时不可用（SYSTEM_ERROR）,');
    expect(lines[3]).toBe('');
  });

  it('defuses what a staff member typed into the openid', () => {
    const csv = exportFile([record({ openid: '=cmd|" /C calc"!A0', outcome: 'invalid_input', result_count: null })]);
    expect(csv).toContain(`,"'=cmd|"" /C calc""!A0",`);
  });

  it('defuses a formula after a ";" in what a staff member typed, for spreadsheets in ";" locales', () => {
    const csv = exportFile([record({ openid: 'oX;=HYPERLINK("http://evil")', outcome: 'invalid_input' })]);
    expect(csv).toContain(`,"oX;'=HYPERLINK(""http://evil"")",`);
  });

  it('is valid UTF-8 with exactly one BOM at the start', () => {
    const bytes = new TextEncoder().encode(exportFile([record()]));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes).indexOf('\uFEFF', 1)).toBe(-1);
  });
});

describe('auditCsvFilename', () => {
  it('is ASCII and names the Beijing day', () => {
    expect(auditCsvFilename(Date.parse('2026-08-31T16:30:00Z'))).toBe('audit-20260901.csv');
  });
});
