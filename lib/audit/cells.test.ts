import { describe, expect, it } from 'vitest';
import { record } from '@/test-support/audit-record';
import { enText, zhText } from '@/test-support/translators';
import { AUDIT_COLUMNS, auditCells, auditHeaders, outcomeText } from './cells';

describe('auditHeaders', () => {
  it('names the columns in Chinese, in the table order', () => {
    expect(auditHeaders(zhText)).toEqual([
      '时间',
      '工作人员',
      '学校',
      'openid',
      '签约模板号',
      '状态筛选',
      '页码位置(offset/limit)',
      '结果',
      '微信支付 Request-ID',
      '来源 IP',
    ]);
  });
});

describe('outcomeText', () => {
  it.each([
    ['a success with its count', { outcome: 'ok', result_count: 7, error_code: null }, '成功，7 条'],
    ['a success with nothing found', { outcome: 'ok', result_count: 0, error_code: null }, '成功，0 条'],
    ['an unverified answer', { outcome: 'unverified', result_count: null, error_code: null }, '签名验证失败'],
    ['the staff limit', { outcome: 'staff_rate_limited', result_count: null, error_code: null }, '超出查询频率'],
    ['refused input', { outcome: 'invalid_input', result_count: null, error_code: null }, '输入有误'],
    ['no session', { outcome: 'unauthenticated', result_count: null, error_code: null }, '未登录'],
    [
      "WeChat's code",
      { outcome: 'unavailable', result_count: null, error_code: 'SYSTEM_ERROR' },
      '微信支付暂时不可用（SYSTEM_ERROR）',
    ],
    ['an unknown kind', { outcome: 'brand_new', result_count: null, error_code: null }, '其他（brand_new）'],
    [
      'a kind named like an Object property',
      { outcome: 'toString', result_count: null, error_code: null },
      '其他（toString）',
    ],
    [
      'a page fetched for a CSV export',
      { action: 'export', outcome: 'ok', result_count: 40, error_code: null },
      '导出 CSV：成功，40 条',
    ],
    [
      'a failed export page',
      { action: 'export', outcome: 'unavailable', result_count: null, error_code: 'SYSTEM_ERROR' },
      '导出 CSV：微信支付暂时不可用（SYSTEM_ERROR）',
    ],
  ])('describes %s', (_, input, expected) => {
    expect(outcomeText(zhText, { action: 'lookup', ...input })).toBe(expected);
  });
});

describe('outcomeText in English', () => {
  it.each([
    [{ outcome: 'ok', result_count: 1, error_code: null }, 'OK, 1 row'],
    [{ outcome: 'ok', result_count: 1234, error_code: null }, 'OK, 1,234 rows'],
    [
      { outcome: 'unavailable', result_count: null, error_code: 'SYSTEM_ERROR' },
      'WeChat Pay temporarily unavailable (SYSTEM_ERROR)',
    ],
    [{ outcome: 'toString', result_count: null, error_code: null }, 'Other (toString)'],
    [{ action: 'export', outcome: 'ok', result_count: 40, error_code: null }, 'CSV export: OK, 40 rows'],
  ])('says %o as %s', (input, expected) => {
    expect(outcomeText(enText, { action: 'lookup', ...input })).toBe(expected);
  });
});

describe('auditCells', () => {
  it('gives every column in Beijing time and Chinese', () => {
    expect(auditCells(zhText, record())).toEqual({
      at: '2026-09-01 00:30:05',
      staff: 'alice',
      school: null,
      openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
      planId: '101164396123311331',
      status: '全部',
      page: '20/20',
      outcome: '成功，20 条',
      requestId: '08F4A2B1C90610',
      clientIp: '10.0.0.8',
    });
    expect(Object.keys(auditCells(zhText, record()))).toEqual([...AUDIT_COLUMNS]);
  });

  it('shows statuses in Chinese and unknown ones as recorded', () => {
    expect(auditCells(zhText, record({ contract_status: 'ADD' })).status).toBe('已签约');
    expect(auditCells(zhText, record({ contract_status: 'DELETE' })).status).toBe('已解约');
    expect(auditCells(zhText, record({ contract_status: 'bogus' })).status).toBe('bogus');
  });

  it('leaves missing values empty', () => {
    const cells = auditCells(
      zhText,
      record({
        openid: null,
        plan_id: null,
        contract_status: null,
        offset: null,
        limit: null,
        request_id: null,
        client_ip: null,
      }),
    );
    expect(cells).toMatchObject({
      openid: null,
      planId: null,
      status: null,
      page: null,
      requestId: null,
      clientIp: null,
    });
  });

  it('marks half a page position', () => {
    expect(auditCells(zhText, record({ offset: 40, limit: null })).page).toBe('40/—');
  });

  it('reads an epoch given as a string (a bigint from some drivers)', () => {
    expect(auditCells(zhText, record({ at: '1788193805000' as unknown as number })).at).toBe('2026-09-01 00:30:05');
  });
});

describe('privileged acts', () => {
  it('read as the act they were, on whom, with what changed', () => {
    const act = { outcome: 'ok', result_count: null, error_code: null };
    expect(outcomeText(zhText, { ...act, action: 'account_create', subject: 'zhang-wei', detail: null })).toBe(
      '创建账号 · zhang-wei',
    );
    expect(
      outcomeText(zhText, { ...act, action: 'school_rename', subject: 'sunshine', detail: '阳光小学 → 阳光实验小学' }),
    ).toBe('学校改名 · sunshine（阳光小学 → 阳光实验小学）');
    expect(outcomeText(enText, { ...act, action: 'plan_archive', subject: '101', detail: '午餐费' })).toBe(
      'Plan archived · 101 (午餐费)',
    );
  });

  it('show their school in its column', () => {
    expect(auditCells(zhText, record({ action: 'account_create', school_key: 'sunshine' })).school).toBe('sunshine');
  });
});

describe('a lookup by contract number in the audit trail', () => {
  const lookup = (overrides: Parameters<typeof record>[0]) =>
    record({
      action: 'contract_lookup',
      subject: '20260000000000110001',
      contract_status: null,
      offset: null,
      limit: null,
      ...overrides,
    });

  it.each([
    ['found', { outcome: 'ok', result_count: 1 }, '按签约协议号 20260000000000110001：成功，1 条'],
    [
      'unknown to WeChat',
      { outcome: 'not_found', result_count: null, error_code: 'NOT_FOUND', openid: null, plan_id: null },
      '按签约协议号 20260000000000110001：微信支付未找到记录（NOT_FOUND）',
    ],
    // Asked of WeChat (only the answer tells the plan), unlike a list lookup refused before sending.
    [
      "another school's",
      { outcome: 'out_of_scope', result_count: null, openid: null, plan_id: null },
      '按签约协议号 20260000000000110001：不属于本校（已向微信支付查询，未显示）',
    ],
  ])('reads as the number and what came of it when %s', (_, overrides, text) => {
    expect(auditCells(zhText, lookup(overrides)).outcome).toBe(text);
  });

  it('has no page or status filter, and reads in English too', () => {
    const cells = auditCells(enText, lookup({ outcome: 'out_of_scope', openid: null, plan_id: null }));
    expect(cells).toMatchObject({ status: null, page: null, openid: null, planId: null });
    expect(cells.outcome).toBe(
      "By contract number 20260000000000110001: Outside the user's schools (asked of WeChat Pay, not shown)",
    );
  });
});

describe('a directory search (家长名册) in the audit trail', () => {
  it('reads as what was typed and what it found, refused or not', () => {
    const search = { action: 'directory_search', subject: 'zxm', result_count: 2, error_code: null };
    expect(outcomeText(zhText, { ...search, outcome: 'ok' })).toBe('家长名册查找“zxm”：成功，2 条');
    expect(outcomeText(zhText, { ...search, outcome: 'out_of_scope', result_count: null })).toBe(
      '家长名册查找“zxm”：超出本校范围（未发送）',
    );
    expect(outcomeText(enText, { ...search, outcome: 'ok' })).toMatch(/^Directory search “zxm”: /);
  });
});
