import { describe, expect, it } from 'vitest';
import {
  certificateStatus,
  checkClock,
  checkConfiguration,
  checkDatabase,
  checkLastHour,
  checkMerchantKey,
  checkReachability,
  checkWechatKeys,
  worstOf,
} from './diagnostics';

const NOW = Date.UTC(2026, 11, 7);
const DAY = 24 * 60 * 60 * 1000;

describe('diagnostics checks', () => {
  it('configuration: a merchant without plans is amber; the sandbox says how to leave it', () => {
    expect(checkConfiguration({ mode: 'sandbox', schools: 1, plans: 3 })).toEqual({
      status: 'green',
      advice: 'sandbox',
    });
    expect(checkConfiguration({ mode: 'merchant', schools: 1, plans: 0 }).status).toBe('amber');
    expect(checkConfiguration({ mode: 'merchant', schools: 2, plans: 5 }).status).toBe('green');
  });

  it('merchant key: RSA of 2048 bits or more', () => {
    expect(checkMerchantKey({ type: 'rsa', bits: 2048 }, NOW).status).toBe('green');
    expect(checkMerchantKey({ type: 'rsa', bits: 1024 }, NOW)).toEqual({ status: 'red', advice: 'keyTooShort' });
    expect(checkMerchantKey({ type: 'ec', bits: undefined }, NOW)).toEqual({ status: 'red', advice: 'keyNotRsa' });
  });

  it('merchant key: with the merchant certificate given, it must pair with the key and the serial, and be in date', () => {
    const key = { type: 'rsa', bits: 2048 };
    const certificate = { serial: 'ABC', keyMatches: true, serialMatches: true, expire: NOW + 300 * DAY };
    const check = (change: Partial<typeof certificate>) =>
      checkMerchantKey({ ...key, certificate: { ...certificate, ...change } }, NOW);
    expect(check({})).toEqual({ status: 'green', advice: 'keyMatchesCertificate' });
    expect(check({ keyMatches: false })).toEqual({ status: 'red', advice: 'certificateKeyMismatch' });
    expect(check({ serialMatches: false })).toEqual({ status: 'red', advice: 'certificateSerialMismatch' });
    expect(check({ expire: NOW - 1 })).toEqual({ status: 'red', advice: 'merchantCertificateExpired' });
    expect(check({ expire: NOW + 29 * DAY })).toEqual({ status: 'amber', advice: 'merchantCertificateEnding' });
  });

  it("WeChat's keys: a failed last download is amber while the certificates held still verify", () => {
    const fresh = { serial: 'B', effective: NOW - DAY, expire: NOW + 300 * DAY };
    const failed = { at: NOW - 60_000, ok: false, error: 'connect ECONNREFUSED' };
    expect(checkWechatKeys({ certificates: [fresh], lastRefresh: failed }, NOW)).toEqual({
      status: 'amber',
      advice: 'certificateRefreshFailed',
    });
    expect(checkWechatKeys({ certificates: [fresh], lastRefresh: { at: NOW, ok: true } }, NOW).status).toBe('green');
    expect(checkWechatKeys({ certificates: [], lastRefresh: failed }, NOW).status).toBe('red');
  });

  it("WeChat's keys: amber under 30 days to the last certificate's end, red with none and no public key", () => {
    const ending = { serial: 'A', effective: NOW - DAY, expire: NOW + 29 * DAY };
    const fresh = { serial: 'B', effective: NOW - DAY, expire: NOW + 300 * DAY };
    expect(checkWechatKeys({ publicKeyId: 'PUB_KEY_ID_1' }, NOW).status).toBe('green');
    expect(checkWechatKeys({ certificates: [ending] }, NOW)).toEqual({ status: 'amber', advice: 'certificatesEnding' });
    // A newer certificate is held: the ending one is on its way out as it should be.
    expect(checkWechatKeys({ certificates: [ending, fresh] }, NOW).status).toBe('green');
    expect(checkWechatKeys({ certificates: [] }, NOW).status).toBe('red');
    expect(checkWechatKeys({ certificates: [], publicKeyId: 'PUB_KEY_ID_1' }, NOW).status).toBe('amber');
    expect(certificateStatus(ending, NOW)).toBe('amber');
    expect(certificateStatus(fresh, NOW)).toBe('green');
  });

  it('reachability: only a verified answer is green', () => {
    expect(checkReachability({ kind: 'verified' }).status).toBe('green');
    expect(checkReachability({ kind: 'unverified', reason: 'bad-signature' }).status).toBe('red');
    expect(checkReachability({ kind: 'http', status: 401, code: 'SIGN_ERROR' }).advice).toBe('signatureRefused');
    expect(checkReachability({ kind: 'http', status: 500, code: 'SYSTEM_ERROR' }).advice).toBe('httpError');
    expect(checkReachability({ kind: 'unreachable' }).advice).toBe('unreachable');
  });

  it('clock: amber past 60 s, red past 240 s, either way; amber without an answer to measure by', () => {
    expect(checkClock([])).toEqual({ status: 'amber', advice: 'clockUnknown' });
    expect(checkClock([3, -60]).status).toBe('green');
    expect(checkClock([2, -61]).status).toBe('amber');
    expect(checkClock([240]).status).toBe('amber');
    expect(checkClock([-241]).status).toBe('red');
  });

  it('database: red when it does not answer or the audit trail refuses a record', () => {
    expect(checkDatabase({ reachable: true, auditWritable: true }).status).toBe('green');
    expect(checkDatabase({ reachable: true, auditWritable: false }).advice).toBe('auditNotWritable');
    expect(checkDatabase({ reachable: false, auditWritable: false }).advice).toBe('databaseDown');
  });

  it("the last hour: amber when WeChat's or the network's failures are more than half", () => {
    expect(checkLastHour({}).advice).toBe('noLookups');
    expect(checkLastHour({ ok: 10, timeout: 2, invalid_input: 5 }).status).toBe('green');
    expect(checkLastHour({ ok: 2, sign_error: 3 }).status).toBe('amber');
  });

  it('the page is as bad as its worst check', () => {
    expect(worstOf(['green', 'amber', 'green'])).toBe('amber');
    expect(worstOf(['green', 'red', 'amber'])).toBe('red');
    expect(worstOf([])).toBe('green');
  });
});
