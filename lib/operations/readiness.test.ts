import { describe, expect, it } from 'vitest';
import { readinessAnswer } from './readiness';

describe('readinessAnswer', () => {
  it('is 200 when the database answers and the keys are loaded', () => {
    expect(readinessAnswer({ database: { ok: true }, keys: { ok: true } })).toEqual({
      status: 200,
      body: { ready: true, failing: [], reasons: {} },
    });
  });

  it('is 503 naming the failing part and why', () => {
    expect(readinessAnswer({ database: { ok: false, reason: 'timed out' }, keys: { ok: true } })).toEqual({
      status: 503,
      body: { ready: false, failing: ['database'], reasons: { database: 'timed out' } },
    });
  });

  it('names every failing part', () => {
    const answer = readinessAnswer({ database: { ok: false, reason: 'a' }, keys: { ok: false, reason: 'b' } });
    expect(answer.status).toBe(503);
    expect(answer.body.failing).toEqual(['database', 'keys']);
  });
});
