import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it('keeps a path on this site with its query', () => {
    expect(safeReturnPath('/contracts?openid=oA&plan_id=1')).toBe('/contracts?openid=oA&plan_id=1');
    expect(safeReturnPath('/admin/audit')).toBe('/admin/audit');
  });

  it.each([
    ['//evil.example'],
    ['/\\evil.example'],
    ['/\t/evil.example'],
    ['/\n/evil.example'],
    ['https://evil.example/'],
    ['javascript:alert(1)'],
    [''],
    [undefined],
    [null],
  ])('sends %j home instead of elsewhere', (next) => {
    expect(safeReturnPath(next)).toBe('/contracts');
  });
});
