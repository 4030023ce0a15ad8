import type { RosterEntry } from '../entry';
import { REQUIRED_FIELDS, ROSTER_FIELDS, type RosterField } from './columns';
import { MAX_LENGTH } from './limits';
import type { RosterProblem } from './problems';
import type { Cell } from './sheet-row';

/**
 * One data row as a roster entry, or what is wrong with it. Values are trimmed; a 学号, an openid
 * and a phone are read half-width (a full-width １２３ typed in a Chinese input method is 123);
 * a phone is stored as its digits alone.
 */

const OPENID = /^[A-Za-z0-9_-]+$/;

/**
 * A phone as digits: spaces, dashes and brackets dropped, and China's country code: after a '+'
 * always, as 86 or 0086 only before a mobile number (0086… alone may be a number of its own).
 * What it returns, it returns unchanged when given again.
 */
export function normalisePhone(text: string): string | null {
  const compact = text.normalize('NFKC').replace(/[\s\-()]/g, '');
  const digits = compact.replace(/^(?:\+86|(?:00)?86(?=1\d{10}$))/, '');
  return /^\d{7,20}$/.test(digits) ? digits : null;
}

const HALF_WIDTH: ReadonlySet<RosterField> = new Set(['openid', 'studentNo', 'phone']);

export type RowResult = { ok: true; entry: RosterEntry } | { ok: false; problems: RosterProblem[] };

export function rowEntry(line: number, columns: ReadonlyMap<RosterField, number>, cells: readonly Cell[]): RowResult {
  const problems: RosterProblem[] = [];
  const values = new Map<RosterField, string | null>();
  for (const field of ROSTER_FIELDS) {
    const index = columns.get(field);
    const cell = index === undefined ? '' : (cells[index] ?? '');
    if (typeof cell !== 'string') {
      problems.push({ line, kind: cell.unreadable, field });
      continue;
    }
    const text = HALF_WIDTH.has(field) ? cell.normalize('NFKC').trim() : cell.trim();
    if (text === '') {
      if (REQUIRED_FIELDS.includes(field)) problems.push({ line, kind: 'required', field });
      values.set(field, null);
    } else if (field === 'openid' && !(OPENID.test(text) && text.length <= MAX_LENGTH.openid)) {
      problems.push({ line, kind: 'badOpenid' });
    } else if (field === 'phone') {
      const phone = normalisePhone(text);
      if (phone === null) problems.push({ line, kind: 'badPhone' });
      values.set(field, phone);
    } else if (text.length > MAX_LENGTH[field]) {
      problems.push({ line, kind: 'tooLong', field, max: MAX_LENGTH[field] });
    } else {
      values.set(field, text);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const value = (field: RosterField) => values.get(field) ?? null;
  return {
    ok: true,
    entry: {
      studentName: value('studentName') as string,
      openid: value('openid') as string,
      studentNo: value('studentNo'),
      className: value('className'),
      guardianName: value('guardianName'),
      phone: value('phone'),
    },
  };
}
