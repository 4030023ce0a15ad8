import { describe, expect, it } from 'vitest';
import { requestIdFrom } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('requestIdFrom', () => {
  it("keeps the proxy's id (nginx's $request_id)", () => {
    expect(requestIdFrom('0f1e2d3c4b5a69788796a5b4c3d2e1f0')).toBe('0f1e2d3c4b5a69788796a5b4c3d2e1f0');
    expect(requestIdFrom(' req-42.a:b ')).toBe('req-42.a:b');
  });

  it('makes a fresh one when none is sent, and a different one each time', () => {
    expect(requestIdFrom(null)).toMatch(UUID);
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });

  it.each([
    ['too short', 'abc'],
    ['too long', 'a'.repeat(65)],
    ['a line break', 'abcdefgh\n{"level":60}'],
    ['spaces', 'abcd efgh'],
  ])('replaces an id %s', (_, incoming) => {
    expect(requestIdFrom(incoming)).toMatch(UUID);
  });
});
