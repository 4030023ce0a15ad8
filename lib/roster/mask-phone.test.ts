import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPhone } from './mask-phone';

describe('maskPhone', () => {
  it('shows a mobile as its first three and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138-1234-5678')).toBe('138****5678');
    expect(maskPhone('１３８ １２３４ ５６７８')).toBe('138****5678');
  });

  it('shows a shorter number by its last four only, and a tiny one not at all', () => {
    expect(maskPhone('8765 4321')).toBe('****4321');
    expect(maskPhone('1234')).toBe('****');
    expect(maskPhone('')).toBeNull();
    expect(maskPhone(null)).toBeNull();
  });

  it('never shows more than seven digits, nor ever a whole number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9 +-]{0,20}$/), (phone) => {
        const masked = maskPhone(phone);
        const digits = phone.replace(/\D/g, '');
        expect(masked === null).toBe(digits === '');
        if (masked === null) return;
        const shown = masked.replace(/\D/g, '');
        expect(shown.length).toBeLessThanOrEqual(7);
        expect(shown.length).toBeLessThan(digits.length);
        expect(masked).toContain('****');
      }),
    );
  });
});
