import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WechatPayError, type WechatPayErrorFields } from './errors';
import { backoffDelay, isHostFailure, isRetryable } from './retry';

const failure = (fields: WechatPayErrorFields) => new WechatPayError('test failure', fields);

describe('isRetryable', () => {
  it.each([
    ['the network failed', failure({ kind: 'network' })],
    ['no answer came in time', failure({ kind: 'timeout' })],
    ['500 SYSTEM_ERROR', failure({ kind: 'http', status: 500, code: 'SYSTEM_ERROR' })],
    ['502 from a proxy', failure({ kind: 'http', status: 502 })],
    ['503 SERVICE_UNAVAILABLE', failure({ kind: 'http', status: 503, code: 'SERVICE_UNAVAILABLE' })],
    ['a signature probe', failure({ kind: 'unverified', status: 200, detail: { reason: 'signature-probe' } })],
  ])('retries when %s', (_, error) => {
    expect(isRetryable(error)).toBe(true);
  });

  it.each([
    ['400 PARAM_ERROR', failure({ kind: 'http', status: 400, code: 'PARAM_ERROR' })],
    ['401 SIGN_ERROR', failure({ kind: 'http', status: 401, code: 'SIGN_ERROR' })],
    ['403 NO_AUTH', failure({ kind: 'http', status: 403, code: 'NO_AUTH' })],
    ['404 NOT_FOUND', failure({ kind: 'http', status: 404, code: 'NOT_FOUND' })],
    [
      '429 RATELIMIT_EXCEEDED (WeChat asks us to stop)',
      failure({ kind: 'http', status: 429, code: 'RATELIMIT_EXCEEDED' }),
    ],
    ['an http failure without a status', failure({ kind: 'http' })],
    ['a bad signature', failure({ kind: 'unverified', status: 200, detail: { reason: 'bad-signature' } })],
    ['an unsigned answer', failure({ kind: 'unverified', status: 200, detail: { reason: 'missing-headers' } })],
    ['an unknown serial', failure({ kind: 'unverified', status: 200, detail: { reason: 'unknown-serial' } })],
    ['a stale timestamp', failure({ kind: 'unverified', status: 200, detail: { reason: 'stale-timestamp' } })],
    ['an unverified answer without detail', failure({ kind: 'unverified', status: 200 })],
    ['a verified answer that is not JSON', failure({ kind: 'malformed', status: 200 })],
  ])('does not retry %s', (_, error) => {
    expect(isRetryable(error)).toBe(false);
  });

  it('retries every 5xx and no 1xx-4xx status', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 599 }), (status) => {
        return isRetryable(failure({ kind: 'http', status })) === status >= 500;
      }),
    );
  });
});

describe('isHostFailure', () => {
  it.each([
    ['the network failed', failure({ kind: 'network' })],
    ['no answer came in time', failure({ kind: 'timeout' })],
    ['500', failure({ kind: 'http', status: 500 })],
    ['502', failure({ kind: 'http', status: 502 })],
    ['503', failure({ kind: 'http', status: 503 })],
  ])('counts %s against the host', (_, error) => {
    expect(isHostFailure(error)).toBe(true);
  });

  it.each([
    ['400', failure({ kind: 'http', status: 400 })],
    ['401', failure({ kind: 'http', status: 401 })],
    ['403', failure({ kind: 'http', status: 403 })],
    ['404', failure({ kind: 'http', status: 404 })],
    ['429', failure({ kind: 'http', status: 429 })],
    // The host answered, and answered in time: a probe or a bad body says nothing about its health.
    ['a signature probe', failure({ kind: 'unverified', detail: { reason: 'signature-probe' } })],
    ['a bad signature', failure({ kind: 'unverified', detail: { reason: 'bad-signature' } })],
    ['a malformed answer', failure({ kind: 'malformed', status: 200 })],
  ])('does not count %s against the host', (_, error) => {
    expect(isHostFailure(error)).toBe(false);
  });
});

describe('backoffDelay', () => {
  const backoff = { baseMs: 200, maxMs: 2_000 };

  it('waits nothing when the jitter draws 0', () => {
    for (const attempt of [1, 2, 3, 4, 5, 10]) expect(backoffDelay(attempt, backoff, () => 0)).toBe(0);
  });

  it('waits just under the ceiling when the jitter draws 0.999, the ceiling doubling 200, 400, 800…', () => {
    const delays = [1, 2, 3, 4].map((attempt) => backoffDelay(attempt, backoff, () => 0.999));
    expect(delays).toEqual([199, 399, 799, 1598]);
  });

  it('caps the ceiling at maxMs', () => {
    expect(backoffDelay(5, backoff, () => 0.999)).toBe(1998); // 200·2⁴ = 3200, capped to 2000
    expect(backoffDelay(30, backoff, () => 0.999)).toBe(1998);
    expect(backoffDelay(3, { baseMs: 200, maxMs: 500 }, () => 0.999)).toBe(499);
  });

  it('takes half the ceiling when the jitter draws 0.5', () => {
    expect([1, 2, 3].map((attempt) => backoffDelay(attempt, backoff, () => 0.5))).toEqual([100, 200, 400]);
  });

  it('is always a whole number of ms in [0, min(maxMs, base·2^(attempt-1)))', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, baseMs, maxMs, draw) => {
          const delay = backoffDelay(attempt, { baseMs, maxMs }, () => draw);
          const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
          return Number.isInteger(delay) && delay >= 0 && delay < ceiling;
        },
      ),
    );
  });

  it('stays within bounds with the default Math.random jitter', () => {
    for (let i = 0; i < 1_000; i += 1) {
      const delay = backoffDelay(3, backoff);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(800);
    }
  });
});
