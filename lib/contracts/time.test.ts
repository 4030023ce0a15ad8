import { describe, expect, it } from 'vitest';
import { formatBeijingTime } from './time';

// The outputs are fixed strings: they must hold whatever TZ the server or test runner runs in.
describe('formatBeijingTime', () => {
  it.each([
    ['Beijing time as written', '2026-09-01T10:00:00+08:00', '2026-09-01 10:00:00'],
    ['UTC with Z', '2026-09-01T02:00:00Z', '2026-09-01 10:00:00'],
    ['UTC with +00:00', '2026-09-01T02:00:00+00:00', '2026-09-01 10:00:00'],
    ['milliseconds', '2026-09-01T10:00:00.250+08:00', '2026-09-01 10:00:00'],
    ['microseconds', '2026-09-01T10:00:00.123456+08:00', '2026-09-01 10:00:00'],
    ['a western offset', '2026-09-01T10:00:00-05:00', '2026-09-01 23:00:00'],
    ['lower-case t and z (RFC 3339 allows them)', '2026-09-01t02:00:00z', '2026-09-01 10:00:00'],
    ['UTC evening that is past midnight in Beijing', '2025-08-31T16:30:00.250Z', '2025-09-01 00:30:00'],
    ['a western evening that is the next Beijing day', '2026-12-31T20:15:30-05:00', '2027-01-01 09:15:30'],
    ['Beijing midnight', '2026-09-01T00:00:00+08:00', '2026-09-01 00:00:00'],
  ])('shows %s in Beijing time', (_, text, expected) => {
    expect(formatBeijingTime(text)).toBe(expected);
  });

  it.each([
    ['a date only', '2026-09-01'],
    ['no offset (local time of whom?)', '2026-09-01T10:00:00'],
    ['a space instead of T', '2026-09-01 10:00:00+08:00'],
    ['unix seconds', '1764226800'],
    ['a Chinese date', '2026年9月1日 10:00'],
    ['an impossible month', '2026-13-01T10:00:00+08:00'],
    ['an impossible hour', '2026-09-01T25:00:00+08:00'],
    ['an offset without a colon', '2026-09-01T10:00:00+0800'],
    ['empty text', ''],
    ['trailing text', '2026-09-01T10:00:00+08:00 (CST)'],
  ])('gives null for %s, so the original text is shown instead', (_, text) => {
    expect(formatBeijingTime(text)).toBeNull();
  });

  // BUG (lib/contracts/time.ts:21): `new Date()` rolls an impossible day over (30 February becomes
  // 2 March) instead of refusing it, so staff would see a date WeChat never sent.
  it.each([
    ['30 February', '2026-02-30T10:00:00+08:00'],
    ['31 April', '2026-04-31T10:00:00+08:00'],
  ])('gives null for an impossible calendar date (%s) rather than another day', (_, text) => {
    expect(formatBeijingTime(text)).toBeNull();
  });
});
