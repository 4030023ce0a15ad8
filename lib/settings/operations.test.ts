import { describe, expect, it } from 'vitest';
import { parseOperations } from './operations';

describe('parseOperations', () => {
  it('leaves /metrics off without DASHBOARD_METRICS_TOKEN', () => {
    expect(parseOperations({})).toEqual({ metricsToken: undefined });
    expect(parseOperations({ DASHBOARD_METRICS_TOKEN: '  ' })).toEqual({ metricsToken: undefined });
  });

  it('reads the token, trimmed', () => {
    expect(parseOperations({ DASHBOARD_METRICS_TOKEN: ' 0123456789abcdef0123 ' })).toEqual({
      metricsToken: '0123456789abcdef0123',
    });
  });

  it.each([
    ['too short', 'short-token'],
    ['with a space inside', '0123456789 abcdef'],
  ])('refuses a token %s, naming the variable', (_, token) => {
    expect(() => parseOperations({ DASHBOARD_METRICS_TOKEN: token })).toThrow(
      expect.objectContaining({ name: 'ConfigError', variable: 'DASHBOARD_METRICS_TOKEN' }),
    );
  });
});
