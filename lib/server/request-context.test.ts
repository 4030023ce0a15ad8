import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { callLogger } from '@/lib/gateway/call-log';
import { boundToRequest, requestLogFields, runWithRequestId } from './request-context';

/** A logger like the app's (lib/server/logger.ts), writing its lines into an array. */
function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { mixin: requestLogFields },
    { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return { logger, lines };
}

describe('request context', () => {
  it("gives every line of one request its id, and WeChat's Request-ID beside it on call lines", async () => {
    const { logger, lines } = capturingLogger();
    await runWithRequestId('nginx-0123456789abcdef', async () => {
      logger.info('lookup asked');
      await new Promise((resolve) => setTimeout(resolve, 1));
      callLogger(logger)({
        attempt: 1,
        method: 'GET',
        host: 'api.mch.weixin.qq.com',
        path: '/v3/eduschoolpay/users/oPARENT/contracts',
        status: 200,
        requestId: 'WX-REQ-1',
        durationMs: 12,
        outcome: 'ok',
      });
    });
    logger.info('outside any request');
    expect(lines.map((line) => line.reqId)).toEqual(['nginx-0123456789abcdef', 'nginx-0123456789abcdef', undefined]);
    expect(lines[1]).toMatchObject({ reqId: 'nginx-0123456789abcdef', requestId: 'WX-REQ-1' });
  });

  it('keeps the id of the request it is already in', () => {
    const ids = runWithRequestId('outer-request-id', () => runWithRequestId('inner-request-id', requestLogFields));
    expect(ids).toEqual({ reqId: 'outer-request-id' });
  });

  it("carries the id into a callback bound to the request, called later from outside it (a response stream's pull)", () => {
    const later = runWithRequestId('stream-request-id', () => boundToRequest(() => requestLogFields().reqId));
    expect(requestLogFields()).toEqual({});
    expect(later()).toBe('stream-request-id');
  });
});
