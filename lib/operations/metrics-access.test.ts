import { describe, expect, it } from 'vitest';
import { metricsAccess } from './metrics-access';

const TOKEN = '0123456789abcdef0123';

describe('metricsAccess', () => {
  it('is off without a token, whatever is sent', () => {
    expect(metricsAccess(undefined, null)).toBe('off');
    expect(metricsAccess(undefined, `Bearer ${TOKEN}`)).toBe('off');
  });

  it('allows exactly the bearer token', () => {
    expect(metricsAccess(TOKEN, `Bearer ${TOKEN}`)).toBe('allowed');
    expect(metricsAccess(TOKEN, `bearer ${TOKEN}`)).toBe('allowed');
  });

  it.each([
    ['no header', null],
    ['an empty header', ''],
    ['another token', 'Bearer 0123456789abcdef0124'],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, 8)}`],
    ['the token without the Bearer scheme', TOKEN],
    ['basic credentials', `Basic ${TOKEN}`],
  ])('refuses %s', (_, header) => {
    expect(metricsAccess(TOKEN, header)).toBe('refused');
  });
});
