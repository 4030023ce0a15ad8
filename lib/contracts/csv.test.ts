import { describe, expect, it } from 'vitest';
import { CSV_BOM } from '@/lib/csv';
import { enText, zhText } from '@/test-support/translators';
import { contractsCsv, contractsCsvFilename } from './csv';
import type { ContractRow } from './view';

const signed: ContractRow = {
  key: 'a#0',
  contractId: '12345678901234567890',
  outContractCode: '=HYPERLINK("x")',
  status: 'ADD',
  createTime: '2026-09-01T00:30:00Z',
  createTimeText: '2026-09-01 08:30:00',
  planId: '101164396123311331',
  openid: 'oParent',
  appid: 'wxd678efh567hg6787',
  mchid: '1900000001',
  openidMismatch: false,
};

const lunch = { planId: '101164396123311331', name: '午餐费' };
const inLunch = (row: ContractRow) => ({ plan: lunch, row });

describe('contractsCsv', () => {
  it('starts with a BOM, the plan column, then the table’s Chinese headers in the table’s order', () => {
    const csv = contractsCsv(zhText, []);
    expect(csv).toBe(
      `${CSV_BOM}签约模板,签约协议号,外部签约号,状态,签约时间（北京时间）,签约模板号,openid,AppID,商户号\r\n`,
    );
  });

  it('writes digit ids as text Excel keeps whole, statuses in Chinese, Beijing times, formulas defused', () => {
    const terminated = { ...signed, key: 'b#1', status: 'DELETE', createTime: 'yesterday', createTimeText: null };
    const lines = contractsCsv(zhText, [inLunch(signed), inLunch(terminated)]).split('\r\n');
    expect(lines[1]).toBe(
      `午餐费,"=""12345678901234567890""","'=HYPERLINK(""x"")",已签约,2026-09-01 08:30:00,"=""101164396123311331""",oParent,wxd678efh567hg6787,"=""1900000001"""`,
    );
    expect(lines[2]).toContain(',已解约,yesterday,');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });

  it('defuses a formula after a ";" in a field WeChat sent, for spreadsheets in ";" locales', () => {
    const lines = contractsCsv(zhText, [inLunch({ ...signed, outContractCode: 'A1;=1+1' })]).split('\r\n');
    expect(lines[1]).toContain(`,"A1;'=1+1",`);
  });

  it('names an unknown status rather than dropping it', () => {
    expect(contractsCsv(zhText, [inLunch({ ...signed, status: 'PAUSED' })])).toContain('未知状态（PAUSED）');
  });

  it('names each row’s plan, defused like any cell, and leaves it empty for a plan no school names', () => {
    const bus = { plan: { planId: '2', name: '=校车费' }, row: signed };
    const unnamed = { plan: { planId: '9', name: '' }, row: signed };
    const lines = contractsCsv(zhText, [bus, unnamed]).split('\r\n');
    expect(lines[1]?.startsWith("'=校车费,")).toBe(true);
    expect(lines[2]?.startsWith(',"=""')).toBe(true);
  });
});

describe('contractsCsvFilename', () => {
  it('names the parent and the Beijing day of the export', () => {
    // 16:30 UTC on 31 August is already 1 September in Beijing.
    const now = Date.parse('2026-08-31T16:30:00Z');
    expect(contractsCsvFilename(zhText, 'oParent', now)).toBe('签约记录-oParent-20260901.csv');
    expect(contractsCsvFilename(enText, 'oParent', now)).toBe('contracts-oParent-20260901.csv');
  });
});
