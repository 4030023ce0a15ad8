import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RosterEntry } from './entry';
import {
  MAX_TERMS_PER_ENTRY,
  normalizeSearchText,
  phoneLastFour,
  pinyinTermsOf,
  prefixUpperBound,
  searchTermsOf,
} from './search-terms';

const entry = (over: Partial<RosterEntry> = {}): RosterEntry => ({
  studentName: '李小明',
  openid: 'o-li',
  studentNo: '2024001',
  className: '三年级（2）班',
  guardianName: '李建国',
  phone: '138 1234 5678',
  ...over,
});

/** Whether a clerk typing `text` finds the row, as the store's prefix range reads it. */
const finds = (text: string, row: RosterEntry) =>
  searchTermsOf(row).some((term) => term.startsWith(normalizeSearchText(text)));

describe('normalizeSearchText', () => {
  it('reads full-width, upper case, spaces and punctuation as the clerk meant them', () => {
    expect(normalizeSearchText(' ＬＸＭ ')).toBe('lxm');
    expect(normalizeSearchText('Li Xiao Ming')).toBe('lixiaoming');
    expect(normalizeSearchText('三年级（2）班')).toBe('三年级2班');
    expect(normalizeSearchText('阿依古丽·买买提')).toBe('阿依古丽买买提');
    expect(normalizeSearchText('lǚ')).toBe('lv');
    expect(normalizeSearchText('lǐ xiǎo')).toBe('lixiao');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const once = normalizeSearchText(text);
        expect(normalizeSearchText(once)).toBe(once);
      }),
    );
  });

  it('reads any full-width ASCII letter or digit as its ASCII self', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{1,12}$/), (ascii) => {
        const wide = [...ascii].map((c) => String.fromCodePoint((c.codePointAt(0) ?? 0) + 0xfee0)).join('');
        expect(normalizeSearchText(wide)).toBe(ascii.toLowerCase());
      }),
    );
  });
});

describe('pinyinTermsOf', () => {
  it('gives a name whole and by initials', () => {
    expect(pinyinTermsOf('李小明')).toEqual(expect.arrayContaining(['lixiaoming', 'lxm']));
    expect(pinyinTermsOf('张伟')).toEqual(expect.arrayContaining(['zhangwei', 'zw']));
  });

  it('reads a surname by its surname reading, and keeps the everyday one', () => {
    expect(pinyinTermsOf('曾小明')).toEqual(expect.arrayContaining(['zengxiaoming', 'zxm', 'cengxiaoming', 'cxm']));
    expect(pinyinTermsOf('单田芳')).toEqual(expect.arrayContaining(['shantianfang', 'stf']));
  });

  it('takes ü as v and as u', () => {
    expect(pinyinTermsOf('吕布')).toEqual(expect.arrayContaining(['lvbu', 'lubu', 'lb']));
  });

  it('has none for a name without Chinese characters', () => {
    expect(pinyinTermsOf('Tom')).toEqual([]);
  });
});

describe('phoneLastFour', () => {
  it('is the last four digits, whatever the number is written with', () => {
    expect(phoneLastFour('+86 138-1234-5678')).toBe('5678');
    expect(phoneLastFour('１３８１２３４５６７８')).toBe('5678');
    expect(phoneLastFour('123')).toBeNull();
    expect(phoneLastFour(null)).toBeNull();
  });
});

describe('searchTermsOf', () => {
  it('finds a row by name, pinyin, initials, student number, class, guardian and phone last four', () => {
    const row = entry();
    for (const text of [
      '李',
      '李小明',
      'lxm',
      'LXM',
      'lixiao',
      'li xiao ming',
      '2024',
      '三年级2班',
      '三年级(2)',
      '李建国',
      '5678',
    ]) {
      expect(finds(text, row), text).toBe(true);
    }
    for (const text of ['王', 'zxm', '1234', '13812345678', 'o-li']) {
      expect(finds(text, row), text).toBe(false);
    }
  });

  it('holds each term in normal form, without repeats, within the bound the search relies on', () => {
    const names = fc.stringMatching(/^[\u4e00-\u9fa5A-Za-z·ü ]{1,8}$/);
    const text = fc.option(fc.string({ maxLength: 20 }), { nil: null });
    fc.assert(
      fc.property(names, text, text, names, text, (studentName, studentNo, className, guardianName, phone) => {
        const terms = searchTermsOf({ studentName, openid: 'o', studentNo, className, guardianName, phone });
        expect(terms.length).toBeLessThanOrEqual(MAX_TERMS_PER_ENTRY);
        expect(new Set(terms).size).toBe(terms.length);
        for (const term of terms) {
          expect(term).not.toBe('');
          expect(normalizeSearchText(term)).toBe(term);
        }
      }),
    );
  });

  it('finds a row by any prefix of its name, however the clerk spaces or widens it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\u4e00-\u9fa5]{1,4}$/), fc.nat(), (name, cut) => {
        const prefix = name.slice(0, 1 + (cut % name.length));
        expect(finds(` ${[...prefix].join(' ')} `, entry({ studentName: name }))).toBe(true);
      }),
    );
  });
});

describe('prefixUpperBound', () => {
  it('bounds exactly the texts starting with the prefix, in code point order', () => {
    const byCodePoint = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), fc.string({ unit: 'grapheme' }), (prefix, text) => {
        const bound = prefixUpperBound(prefix);
        const within = byCodePoint(text, prefix) >= 0 && (bound === null || byCodePoint(text, bound) < 0);
        expect(within).toBe(text.startsWith(prefix));
      }),
    );
    // 张 is U+5F20.
    expect(prefixUpperBound('张')).toBe(String.fromCodePoint(0x5f21));
    expect(prefixUpperBound(`a${String.fromCodePoint(0xd7ff)}`)).toBe(`a${String.fromCodePoint(0xe000)}`);
  });
});
