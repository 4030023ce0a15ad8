import { describe, expect, it } from 'vitest';
import {
  AUDIT_PAGE_SIZE,
  type AuditSearch,
  auditHref,
  auditPageWindow,
  auditSearchInput,
  auditSearchString,
  isFiltered,
  parseAuditSearch,
  toAuditFilter,
} from './filter';

function parsed(input: Record<string, string>): AuditSearch {
  const result = parseAuditSearch(input);
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.search;
}

describe('auditSearchInput', () => {
  it('takes our fields, the first of repeated ones, and drops empty ones', () => {
    const params = { username: ['alice', 'bob'], openid: '', from: '2026-09-01', other: 'x', page: undefined };
    expect(auditSearchInput(params)).toEqual({ username: 'alice', from: '2026-09-01' });
  });

  it('reads URLSearchParams the same way', () => {
    const params = new URLSearchParams('username=&openid=oAbc&to=2026-09-02&page=3&evil=1');
    expect(auditSearchInput(params)).toEqual({ openid: 'oAbc', to: '2026-09-02', page: '3' });
  });
});

describe('parseAuditSearch', () => {
  it('gives page 1 and no filters for an empty URL', () => {
    expect(parsed({})).toEqual({ page: 1 });
  });

  it('trims text and treats blank text as not given', () => {
    expect(parsed({ username: '  alice ', openid: '   ' })).toEqual({ username: 'alice', page: 1 });
  });

  it('accepts every filter together', () => {
    expect(parsed({ username: 'alice', openid: 'oUpF8u', from: '2026-09-01', to: '2026-09-30', page: '2' })).toEqual({
      username: 'alice',
      openid: 'oUpF8u',
      from: '2026-09-01',
      to: '2026-09-30',
      page: 2,
    });
  });

  it('keeps an openid the lookup refused: the trail records what was typed', () => {
    expect(parsed({ openid: 'not valid; really' }).openid).toBe('not valid; really');
  });

  it('accepts a one-day range', () => {
    expect(parsed({ from: '2026-09-01', to: '2026-09-01' }).to).toBe('2026-09-01');
  });

  it.each([
    ['an impossible date', { from: '2026-02-30' }, 'from', 'date'],
    ['a date in another format', { to: '2026/09/01' }, 'to', 'date'],
    ['to before from', { from: '2026-09-02', to: '2026-09-01' }, 'to', 'range'],
    ['page 0', { page: '0' }, 'page', 'page'],
    ['a negative page', { page: '-1' }, 'page', 'page'],
    ['a fractional page', { page: '1.5' }, 'page', 'page'],
    ['a huge page', { page: '99999999' }, 'page', 'page'],
    ['an openid over 200 characters', { openid: 'o'.repeat(201) }, 'openid', 'openid'],
    ['a username over 64 characters', { username: 'a'.repeat(65) }, 'username', 'staff'],
  ] as const)('refuses %s', (_, input, field, message) => {
    const result = parseAuditSearch({ ...input });
    expect(result).toEqual({ ok: false, fieldErrors: { [field]: message } });
  });

  it('does not call a range backwards because one of its dates is refused', () => {
    expect(parseAuditSearch({ from: '2026-02-30', to: '2026-01-01' })).toEqual({
      ok: false,
      fieldErrors: { from: 'date' },
    });
  });

  it('reports each refused field once', () => {
    const result = parseAuditSearch({ from: 'x', to: 'y', page: 'z' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fieldErrors).sort()).toEqual(['from', 'page', 'to']);
  });
});

describe('toAuditFilter', () => {
  it('turns Beijing days into epoch bounds, the end exclusive', () => {
    const filter = toAuditFilter(parsed({ username: 'alice', from: '2026-09-01', to: '2026-09-01' }));
    expect(filter).toEqual({
      username: 'alice',
      openid: undefined,
      from: Date.parse('2026-08-31T16:00:00Z'),
      to: Date.parse('2026-09-01T16:00:00Z'),
    });
  });

  it('has no bounds without dates', () => {
    expect(toAuditFilter(parsed({ openid: 'oX' }))).toEqual({ openid: 'oX', username: undefined });
  });
});

describe('pages and links', () => {
  it('holds 50 records a page', () => {
    expect(AUDIT_PAGE_SIZE).toBe(50);
    expect(auditPageWindow(1)).toEqual({ offset: 0, limit: 50 });
    expect(auditPageWindow(3)).toEqual({ offset: 100, limit: 50 });
  });

  it('writes the filters in a fixed order and the page only past the first', () => {
    const search = parsed({ to: '2026-09-30', openid: 'o&x=1', username: 'alice', page: '1' });
    expect(auditSearchString(search)).toBe('username=alice&openid=o%26x%3D1&to=2026-09-30');
    expect(auditSearchString(search, 2)).toBe('username=alice&openid=o%26x%3D1&to=2026-09-30&page=2');
  });

  it('round-trips through the URL', () => {
    const search = parsed({ username: 'a b', openid: '中文', from: '2026-01-01', to: '2026-01-31', page: '4' });
    expect(parsed(auditSearchInput(new URLSearchParams(auditSearchString(search))))).toEqual(search);
  });

  it('links to a path with or without a query', () => {
    expect(auditHref('/admin/audit', parsed({}))).toBe('/admin/audit');
    expect(auditHref('/admin/audit/export', parsed({ openid: 'oX', page: '3' }), 1)).toBe(
      '/admin/audit/export?openid=oX',
    );
  });

  it('knows whether anything is filtered', () => {
    expect(isFiltered(parsed({ page: '2' }))).toBe(false);
    expect(isFiltered(parsed({ from: '2026-09-01' }))).toBe(true);
  });
});
