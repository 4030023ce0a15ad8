import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlanId, checkPlanName, checkSchoolKey, checkSchoolName, checkWechatSchoolId } from './names';

describe('checkSchoolKey', () => {
  it.each(['north', 'no-1', 'ab', 'a'.repeat(32), '0-0'])('accepts %j', (key) => {
    expect(checkSchoolKey(key)).toEqual({ ok: true, value: key });
  });

  it.each(['a', 'a'.repeat(33), 'North', 'no_1', 'no 1', 'nö', '', ' north', 'north\n'])('refuses %j', (key) => {
    expect(checkSchoolKey(key)).toEqual({ ok: false, issue: 'key' });
  });

  it('accepts exactly 2–32 characters of a-z, 0-9 and -, over any text', () => {
    const keyChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: keyChar, maxLength: 40 })), (text) => {
        const ok = /^[a-z0-9-]+$/.test(text) && text.length >= 2 && text.length <= 32;
        expect(checkSchoolKey(text).ok).toBe(ok);
      }),
    );
  });
});

describe('names', () => {
  it('trims a school or plan name and keeps its Chinese', () => {
    expect(checkSchoolName('  北京市第一小学 ')).toEqual({ ok: true, value: '北京市第一小学' });
    expect(checkPlanName('午餐费')).toEqual({ ok: true, value: '午餐费' });
  });

  it.each([
    ['blank', '   '],
    ['a line break', '午餐\n费'],
    ['a tab', '午餐\t费'],
    ['too long', '校'.repeat(61)],
  ])('refuses a school name that is %s', (_, name) => {
    expect(checkSchoolName(name)).toEqual({ ok: false, issue: 'schoolName' });
  });

  it('counts characters, not UTF-16 units: 40 emoji make a plan name, 41 do not', () => {
    expect(checkPlanName('🍱'.repeat(40)).ok).toBe(true);
    expect(checkPlanName('🍱'.repeat(41))).toEqual({ ok: false, issue: 'planName' });
  });

  it('never accepts a name with a control character, or an empty one', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), (text) => {
        const checked = checkPlanName(text);
        if (checked.ok) {
          expect(checked.value.length).toBeGreaterThan(0);
          expect(checked.value).not.toMatch(/\p{Cc}/u);
        }
      }),
    );
  });
});

describe('plan ids and WeChat school ids', () => {
  it('takes plan ids as the search does: letters, digits, _ and -, at most 32', () => {
    expect(checkPlanId(' 101164396123311331 ')).toEqual({ ok: true, value: '101164396123311331' });
    expect(checkPlanId('1'.repeat(33))).toEqual({ ok: false, issue: 'planId' });
    expect(checkPlanId('12/34')).toEqual({ ok: false, issue: 'planId' });
    expect(checkPlanId('')).toEqual({ ok: false, issue: 'planId' });
  });

  it('takes a blank WeChat school_id as none', () => {
    expect(checkWechatSchoolId(undefined)).toEqual({ ok: true, value: null });
    expect(checkWechatSchoolId('  ')).toEqual({ ok: true, value: null });
    expect(checkWechatSchoolId('SCH_001')).toEqual({ ok: true, value: 'SCH_001' });
    expect(checkWechatSchoolId('学校')).toEqual({ ok: false, issue: 'wechatSchoolId' });
  });
});
