import { describe, expect, it } from 'vitest';
import { record } from '@/test-support/audit-record';
import { recentSearches } from './recent';

describe('recentSearches', () => {
  it('gives each search once, newest first, however many pages or exports it had', () => {
    const records = [
      record({ id: 5, at: 500, openid: 'oB', offset: 20 }),
      record({ id: 4, at: 400, openid: 'oA', action: 'export', offset: 0 }),
      record({ id: 3, at: 300, openid: 'oB', offset: 0 }),
      record({ id: 2, at: 200, openid: 'oA', contract_status: 'DELETE' }),
      record({ id: 1, at: 100, openid: 'oA' }),
    ];
    expect(recentSearches(records, 10)).toEqual([
      { openid: 'oB', planId: '101164396123311331', contractStatus: 'ALL', at: 500 },
      { openid: 'oA', planId: '101164396123311331', contractStatus: 'ALL', at: 400 },
      { openid: 'oA', planId: '101164396123311331', contractStatus: 'DELETE', at: 200 },
    ]);
  });

  it('leaves out searches refused before reaching WeChat, but keeps ones WeChat failed', () => {
    const records = [
      record({ at: 4, openid: 'o!bad', outcome: 'invalid_input' }),
      record({ at: 3, openid: 'oLimited', outcome: 'staff_rate_limited' }),
      record({ at: 2, openid: 'oDown', outcome: 'unavailable' }),
      record({ at: 1, openid: null, plan_id: null }),
    ];
    expect(recentSearches(records, 10).map((search) => search.openid)).toEqual(['oDown']);
  });

  it('stops at the number asked for', () => {
    const records = Array.from({ length: 20 }, (_, i) => record({ at: 100 - i, openid: `o${i}` }));
    expect(recentSearches(records, 6).map((search) => search.openid)).toEqual(['o0', 'o1', 'o2', 'o3', 'o4', 'o5']);
  });
});
