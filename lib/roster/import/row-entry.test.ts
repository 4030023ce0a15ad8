import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalisePhone } from './row-entry';

describe('normalisePhone', () => {
  it('keeps the digits, without spaces, dashes, brackets or China’s country code', () => {
    expect(normalisePhone('138 1234 5678')).toBe('13812345678');
    expect(normalisePhone('+86 139-8765-4321')).toBe('13987654321');
    expect(normalisePhone('８６１３５１２３４５６７８')).toBe('13512345678');
    expect(normalisePhone('0086 135 1234 5678')).toBe('13512345678');
    expect(normalisePhone('(010) 6552-9988')).toBe('01065529988');
    // 0086 before something that is no mobile number may be the number itself.
    expect(normalisePhone('0086000000')).toBe('0086000000');
    expect(normalisePhone('12345')).toBeNull();
    expect(normalisePhone('138-1234-abcd')).toBeNull();
  });

  it('gives back what it made unchanged', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[+\d\s()-]{0,30}$/), (text) => {
        const once = normalisePhone(text);
        if (once !== null) expect(normalisePhone(once)).toBe(once);
      }),
    );
  });
});
