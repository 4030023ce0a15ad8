import { pinyin } from 'pinyin-pro';
import type { RosterEntry } from './entry';

/**
 * What a roster row can be found by, and what the clerk types, in one normal form: a search is a
 * prefix of one of a row's terms. Pure, so the store, the search and the tests share it.
 *
 * Normal form: full-width letters and digits as ASCII (NFKC), lower case, tone marks dropped
 * (ǚ and ü written v, as pinyin keyboards do), and only letters and digits kept — so 「三年级（2）班」,
 * 「三年级2班」 and 「三年级 2 班」 are one class, 「138-1234-5678」 is digits, and a clerk's stray space
 * or middle dot (阿依古丽·买买提) changes nothing.
 */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ü|ǖ|ǘ|ǚ|ǜ/g, 'v')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const HAN = /\p{Script=Han}/u;

/**
 * A name's pinyin, whole and by initials (李小明: lixiaoming, lxm). Surnames with a reading of
 * their own are the trap (曾 is zeng as a surname, ceng elsewhere; 单 shan, not dan; 解 xie): the
 * surname reading comes first, and the everyday reading is kept too, since a clerk who does not
 * know the surname's reading types the common one. zh/ch/sh count as z/c/s among initials, as
 * everyone abbreviates them.
 */
export function pinyinTermsOf(name: string): string[] {
  const normal = normalizeSearchText(name);
  if (!HAN.test(normal)) return [];
  const readings = [
    pinyin(normal, { toneType: 'none', type: 'array', v: true, surname: 'head', nonZh: 'consecutive' }),
    pinyin(normal, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' }),
  ];
  const terms: string[] = [];
  for (const syllables of readings) {
    const words = syllables.map(normalizeSearchText).filter((word) => word !== '');
    const whole = words.join('');
    terms.push(whole, words.map((word) => word[0]).join(''));
    // 吕 is lv on a pinyin keyboard, but lu to many who write it without the dots.
    if (whole.includes('v')) terms.push(whole.replaceAll('v', 'u'));
  }
  return terms;
}

/** A phone's last four digits: all a clerk may search it by (the number itself never leaves the server). */
export function phoneLastFour(phone: string | null): string | null {
  const digits = normalizeSearchText(phone ?? '').replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : null;
}

/**
 * The most terms one row can have: the name, two readings each whole, by initials and (with ü) in
 * u, the student number, class, guardian and phone. The search reads this many index entries per
 * row it wants, so that rows found by several terms still fill the page.
 */
export const MAX_TERMS_PER_ENTRY = 1 + 6 + 4;

/** Everything a roster row can be found by, each in normal form, without repeats or empties. */
export function searchTermsOf(entry: RosterEntry): string[] {
  const terms = [
    normalizeSearchText(entry.studentName),
    ...pinyinTermsOf(entry.studentName),
    normalizeSearchText(entry.studentNo ?? ''),
    normalizeSearchText(entry.className ?? ''),
    normalizeSearchText(entry.guardianName ?? ''),
    phoneLastFour(entry.phone) ?? '',
  ];
  return [...new Set(terms)].filter((term) => term !== '');
}

/**
 * The least text greater than every text that starts with `prefix`, in code point order (the
 * order of SQLite's BINARY and PostgreSQL's "C" collation on UTF-8): terms starting with the
 * prefix are those in [prefix, bound). Null when no such bound exists (the prefix ends in the
 * last code point), so the search reads the range open-ended.
 */
export function prefixUpperBound(prefix: string): string | null {
  const points = [...prefix];
  while (points.length > 0) {
    const last = points.pop()?.codePointAt(0) ?? 0;
    let next = last + 1;
    // Surrogate code points are no characters: step over them.
    if (next >= 0xd800 && next <= 0xdfff) next = 0xe000;
    if (next <= 0x10ffff) return points.join('') + String.fromCodePoint(next);
  }
  return null;
}
