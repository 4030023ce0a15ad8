import { describe, expect, it } from 'vitest';
import { WechatPayError } from '@/lib/wechatpay/errors';
import { describeFailure, type LookupErrorKind } from './failure';

function httpError(status: number, code: string | undefined, message = 'WeChat says so') {
  return new WechatPayError(message, { kind: 'http', status, code, requestId: 'REQ-42' });
}

describe('describeFailure', () => {
  it.each<[number, string, LookupErrorKind]>([
    [400, 'PARAM_ERROR', 'param'],
    [401, 'SIGN_ERROR', 'sign_error'],
    [403, 'NO_AUTH', 'no_auth'],
    [404, 'NOT_FOUND', 'not_found'],
    [404, 'RESOURCE_NOT_EXISTS', 'not_found'],
    [429, 'RATELIMIT_EXCEEDED', 'rate_limited'],
    [429, 'FREQUENCY_LIMITED', 'rate_limited'],
    [500, 'SYSTEM_ERROR', 'unavailable'],
    [502, 'SYSTEM_ERROR', 'unavailable'],
    [503, 'SERVICE_UNAVAILABLE', 'unavailable'],
  ])('maps %i %s to %s and keeps the Request-ID and code', (status, code, kind) => {
    expect(describeFailure(httpError(status, code))).toMatchObject({ kind, status, code, requestId: 'REQ-42' });
  });

  it.each<[number, LookupErrorKind]>([
    [400, 'param'],
    [401, 'sign_error'],
    [403, 'no_auth'],
    [404, 'not_found'],
    [429, 'rate_limited'],
    [500, 'unavailable'],
    [502, 'unavailable'],
    [503, 'unavailable'],
    [504, 'unavailable'],
    [418, 'upstream'],
    [409, 'upstream'],
  ])('handles an unknown code by its HTTP status: %i is %s', (status, kind) => {
    expect(describeFailure(httpError(status, 'SOMETHING_NEW')).kind).toBe(kind);
    expect(describeFailure(httpError(status, undefined)).kind).toBe(kind);
  });

  it("shows WeChat's message only for PARAM_ERROR, where it tells staff which parameter", () => {
    expect(describeFailure(httpError(400, 'PARAM_ERROR', 'plan_id 不存在')).upstreamMessage).toBe('plan_id 不存在');
    expect(describeFailure(httpError(500, 'SYSTEM_ERROR', 'internal trace 0xdead')).upstreamMessage).toBeUndefined();
    expect(describeFailure(httpError(401, 'SIGN_ERROR', 'GET\\n/v3/…\\n')).upstreamMessage).toBeUndefined();
  });

  // INVALID_REQUEST means the request broke the API rules (a bug or misconfiguration for IT), not
  // that staff typed a wrong openid or plan id: it must not fall back to 'param' like other 400s,
  // but be 'upstream', the kind that sends staff to IT with the code and Request-ID.
  it('does not blame the staff member for 400 INVALID_REQUEST (a bug or misconfiguration)', () => {
    const described = describeFailure(httpError(400, 'INVALID_REQUEST', '请求头缺少 User-Agent'));
    expect(described).toMatchObject({ kind: 'upstream', status: 400, code: 'INVALID_REQUEST', requestId: 'REQ-42' });
    expect(described.upstreamMessage).toBeUndefined();
  });

  it.each(['unverified', 'malformed', 'timeout', 'network'] as const)(
    'passes a %s failure through with its Request-ID',
    (kind) => {
      const error = new WechatPayError('detail for logs', { kind, status: 200, requestId: 'REQ-7' });
      expect(describeFailure(error)).toEqual({ kind, status: 200, requestId: 'REQ-7' });
    },
  );

  it('says a cancelled call was cancelled, nothing more', () => {
    expect(describeFailure(new WechatPayError('cancelled by the caller', { kind: 'cancelled' }))).toEqual({
      kind: 'cancelled',
    });
  });

  it('recognises a WechatPayError made by another copy of the module (another Next.js bundle)', () => {
    // Not an instance of this module's class, but the same shape and name.
    const foreign = Object.assign(new Error('系统错误'), {
      name: 'WechatPayError',
      kind: 'http',
      status: 500,
      code: 'SYSTEM_ERROR',
      requestId: 'REQ-9',
    });
    expect(foreign instanceof WechatPayError).toBe(false);
    expect(describeFailure(foreign)).toMatchObject({ kind: 'unavailable', status: 500, requestId: 'REQ-9' });
  });

  it('turns anything else into "internal" without leaking its message or stack', () => {
    const secret = new Error('ENOENT: /etc/wechatpay/apiclient_key.pem');
    const described = describeFailure(secret);
    expect(described).toEqual({ kind: 'internal' });
    expect(JSON.stringify(described)).not.toContain('apiclient_key');
    expect(describeFailure('a string')).toEqual({ kind: 'internal' });
    expect(describeFailure(undefined)).toEqual({ kind: 'internal' });
  });
});
