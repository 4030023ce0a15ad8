import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  beijingDateStamp,
  beijingDayRange,
  beijingDayStart,
  formatBeijingDateTime,
  formatBeijingTime,
  isIsoDate,
} from './beijing';

// Every expected value is a fixed instant: the results must not depend on the server's TZ.
describe('isIsoDate', () => {
  it.each(['2026-09-01', '2024-02-29', '1970-01-01', '2099-12-31'])('accepts %s', (text) => {
    expect(isIsoDate(text)).toBe(true);
  });

  it.each([
    ['30 February', '2026-02-30'],
    ['29 February in a common year', '2025-02-29'],
    ['month 13', '2026-13-01'],
    ['day 0', '2026-09-00'],
    ['no leading zeros', '2026-9-1'],
    ['a time as well', '2026-09-01T00:00'],
    ['slashes', '2026/09/01'],
    ['a Chinese date', '2026年9月1日'],
    ['before 1970', '1969-12-31'],
    ['empty', ''],
    ['trailing text', '2026-09-01 '],
  ])('refuses %s', (_, text) => {
    expect(isIsoDate(text)).toBe(false);
  });
});

describe('beijingDayStart', () => {
  it('is midnight in Beijing, 16:00 UTC the day before', () => {
    expect(new Date(beijingDayStart('2026-09-01')).toISOString()).toBe('2026-08-31T16:00:00.000Z');
  });

  it('crosses a year boundary', () => {
    expect(new Date(beijingDayStart('2027-01-01')).toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('refuses what is not a date', () => {
    expect(() => beijingDayStart('2026-02-30')).toThrow(RangeError);
  });
});

describe('beijingDayRange', () => {
  it('runs from the start of the first day to the start of the day after the last', () => {
    const range = beijingDayRange('2026-09-01', '2026-09-02');
    expect(new Date(range.from ?? 0).toISOString()).toBe('2026-08-31T16:00:00.000Z');
    expect(new Date(range.to ?? 0).toISOString()).toBe('2026-09-02T16:00:00.000Z');
  });

  it('covers one whole day when from and to are the same', () => {
    const range = beijingDayRange('2026-09-01', '2026-09-01');
    expect((range.to ?? 0) - (range.from ?? 0)).toBe(24 * 3600 * 1000);
  });

  it('leaves an open end open', () => {
    expect(beijingDayRange(undefined, '2026-09-01').from).toBeUndefined();
    expect(beijingDayRange('2026-09-01').to).toBeUndefined();
  });

  it('holds a record made at 00:30 Beijing time (16:30 UTC the day before) on its Beijing day', () => {
    const at = Date.parse('2026-08-31T16:30:00Z');
    const day = beijingDayRange('2026-09-01', '2026-09-01');
    const dayBefore = beijingDayRange('2026-08-31', '2026-08-31');
    expect(at >= (day.from ?? 0) && at < (day.to ?? 0)).toBe(true);
    expect(at >= (dayBefore.from ?? 0) && at < (dayBefore.to ?? 0)).toBe(false);
  });

  it('holds 23:59:59.999 Beijing time and not the next midnight', () => {
    const range = beijingDayRange('2026-09-01', '2026-09-01');
    expect(Date.parse('2026-09-01T23:59:59.999+08:00') < (range.to ?? 0)).toBe(true);
    expect(Date.parse('2026-09-02T00:00:00+08:00') < (range.to ?? 0)).toBe(false);
  });
});

describe('formatBeijingDateTime', () => {
  it.each([
    ['UTC afternoon', '2026-09-01T02:00:00Z', '2026-09-01 10:00:00'],
    ['UTC evening past Beijing midnight', '2025-08-31T16:30:05.250Z', '2025-09-01 00:30:05'],
    ['Beijing midnight', '2026-08-31T16:00:00Z', '2026-09-01 00:00:00'],
    ['New Year in Beijing', '2026-12-31T16:00:00Z', '2027-01-01 00:00:00'],
  ])('shows %s in Beijing time', (_, iso, expected) => {
    expect(formatBeijingDateTime(Date.parse(iso))).toBe(expected);
  });

  it('agrees with the Asia/Shanghai zone database for any time since 1992', () => {
    const shanghai = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    const viaIntl = (ms: number) => {
      const p = Object.fromEntries(shanghai.formatToParts(new Date(ms)).map((part) => [part.type, part.value]));
      return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('1992-01-01T00:00:00Z'), max: Date.parse('2099-12-31T00:00:00Z') }),
        (ms) => {
          expect(formatBeijingDateTime(ms)).toBe(viaIntl(ms));
        },
      ),
    );
  });

  it('round-trips with beijingDayStart', () => {
    expect(formatBeijingDateTime(beijingDayStart('2026-03-15'))).toBe('2026-03-15 00:00:00');
  });
});

describe('beijingDateStamp', () => {
  it('is the Beijing day, not the UTC one', () => {
    expect(beijingDateStamp(Date.parse('2026-08-31T16:30:00Z'))).toBe('20260901');
    expect(beijingDateStamp(Date.parse('2026-08-31T15:59:59Z'))).toBe('20260831');
  });
});

// A time as WeChat writes it (RFC 3339, any offset) read into Beijing time.
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

  // `new Date()` rolls an impossible day over (30 February becomes 2 March); it must be refused,
  // or staff would see a date WeChat never sent.
  it.each([
    ['30 February', '2026-02-30T10:00:00+08:00'],
    ['31 April', '2026-04-31T10:00:00+08:00'],
  ])('gives null for an impossible calendar date (%s) rather than another day', (_, text) => {
    expect(formatBeijingTime(text)).toBeNull();
  });
});
