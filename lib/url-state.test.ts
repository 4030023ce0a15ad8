import { describe, expect, it } from 'vitest';
import { readParam, readParams, withParams, writeParams } from './url-state';

describe('readParam', () => {
  it('reads Next’s searchParams record and URLSearchParams alike', () => {
    expect(readParam({ openid: 'oA' }, 'openid')).toBe('oA');
    expect(readParam(new URLSearchParams('openid=oA'), 'openid')).toBe('oA');
  });

  it('takes the first of repeated values', () => {
    expect(readParam({ page: ['2', '3'] }, 'page')).toBe('2');
    expect(readParam(new URLSearchParams('page=2&page=3'), 'page')).toBe('2');
  });

  it('counts absent and empty values as not given', () => {
    expect(readParam({}, 'page')).toBeUndefined();
    expect(readParam({ page: undefined }, 'page')).toBeUndefined();
    expect(readParam({ page: '' }, 'page')).toBeUndefined();
    expect(readParam({ page: [''] }, 'page')).toBeUndefined();
    expect(readParam({ page: [] }, 'page')).toBeUndefined();
    expect(readParam(new URLSearchParams('page='), 'page')).toBeUndefined();
  });

  it('does not take a property every object has for a parameter', () => {
    expect(readParam({}, 'constructor')).toBeUndefined();
    expect(readParam({}, 'toString')).toBeUndefined();
  });
});

describe('readParams', () => {
  it('keeps only the names asked for that are given', () => {
    const params = { username: ['alice', 'bob'], openid: '', from: '2026-09-01', other: 'x', page: undefined };
    expect(readParams(params, ['username', 'openid', 'from', 'page'])).toEqual({
      username: 'alice',
      from: '2026-09-01',
    });
  });
});

describe('writeParams and withParams', () => {
  it('writes the values in the order given, leaving out those not given', () => {
    expect(writeParams({ b: 'x y', a: 2, c: undefined, d: '' })).toBe('b=x+y&a=2');
  });

  it('round-trips through readParams', () => {
    const values = { openid: 'o&x=1', page: '中文' };
    expect(readParams(new URLSearchParams(writeParams(values)), ['openid', 'page'])).toEqual(values);
  });

  it('adds a query to a path only when there is one', () => {
    expect(withParams('/admin/audit', { page: undefined })).toBe('/admin/audit');
    expect(withParams('/admin/audit', { page: 2 })).toBe('/admin/audit?page=2');
  });
});
