import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FindDraft, findKindOf, findTarget } from './find-text';

const OPENID = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';
const PLAN = '101164396123300001';
const CONTRACT = '20260000000000530001';

const draft = (find: string, more: Partial<FindDraft> = {}): FindDraft => ({
  find,
  plan_id: '',
  contract_status: 'ALL',
  limit: '20',
  ...more,
});

/** What the form would say, by field; null when it leads somewhere. */
function errorsOf(values: FindDraft) {
  const target = findTarget(values);
  return target.ok ? null : target.errors;
}

const ID_CHAR = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-');

describe('what the first field is taken for', () => {
  it.each([
    [OPENID, 'openid'],
    [`  ${OPENID}  `, 'openid'],
    [CONTRACT, 'contract'],
    ['李小明', 'directory'],
    ['lxm', 'directory'],
    ['lixiaoming', 'directory'],
    ['5678', 'directory'],
    ['13800138000', 'directory'],
    ['20230101', 'directory'],
    ['三年级2班', 'directory'],
    ['omar', 'directory'],
    ['ouyangxiaoming', 'directory'],
    ['oSchools1a2b3c', 'openid'],
  ] as const)('%s is searched as %s', (text, kind) => {
    expect(findKindOf(text)).toBe(kind);
  });

  it('nothing but spaces is nothing to search', () => {
    expect(findKindOf('')).toBeNull();
    expect(findKindOf(' \t ')).toBeNull();
    expect(errorsOf(draft('   '))).toEqual({ find: 'findRequired' });
  });

  it('an id pasted with a stray space keeps its kind, and is refused as malformed rather than searched as a name', () => {
    expect(errorsOf(draft('oUpF8uMuAJO _M2pxb1Q9zNjWeS6o'))).toEqual({ find: 'openidFormat' });
    expect(errorsOf(draft('2026 0000 0000 0053 0001'))).toEqual({ find: 'contractIdFormat' });
  });

  it('any openid-shaped id is an openid: with a plan that plan, without one every plan of the school', () => {
    fc.assert(
      fc.property(fc.array(ID_CHAR, { minLength: 19, maxLength: 60 }), (rest) => {
        const openid = `o${rest.join('')}`;
        fc.pre(!/^\d+$/.test(openid));
        const one = findTarget(draft(openid, { plan_id: PLAN }));
        expect(one).toEqual({
          ok: true,
          kind: 'openid',
          path: `/contracts?openid=${openid}&plan_id=${PLAN}&contract_status=ALL&offset=0&limit=20`,
        });
        expect(findTarget(draft(openid, { school: 'north' }))).toEqual({
          ok: true,
          kind: 'openid',
          path: `/contracts?openid=${openid}&school=north`,
        });
      }),
    );
  });

  it('any run of 16 to 64 digits is a contract number, whatever the plan field holds', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{16,64}$/), (digits) => {
        expect(findTarget(draft(digits, { plan_id: PLAN }))).toEqual({
          ok: true,
          kind: 'contract',
          path: `/contracts?contract_id=${digits}`,
        });
      }),
    );
  });

  it('anything else is looked for in the directory of the chosen school, exactly as typed', () => {
    expect(findTarget(draft(' 李小明 ', { school: 'north', plan_id: PLAN }))).toEqual({
      ok: true,
      kind: 'directory',
      path: `/contracts?q=${encodeURIComponent('李小明')}&school=north`,
    });
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 64 }), (text) => {
        fc.pre(findKindOf(text) === 'directory');
        const target = findTarget(draft(text));
        expect(target.ok).toBe(true);
        if (target.ok) expect(new URL(target.path, 'http://x').searchParams.get('q')).toBe(text.trim());
      }),
    );
  });

  it('refuses what is too long for its kind, on the first field', () => {
    expect(errorsOf(draft('张'.repeat(65)))).toEqual({ find: 'directoryTextTooLong' });
    expect(errorsOf(draft('1'.repeat(65)))).toEqual({ find: 'contractIdTooLong' });
    expect(errorsOf(draft(`o${'a'.repeat(128)}`))).toEqual({ find: 'openidTooLong' });
  });

  it('keeps a plan, status or page size problem on its own field', () => {
    expect(errorsOf(draft(OPENID, { plan_id: '1011&limit=40' }))).toEqual({ plan_id: 'planIdFormat' });
    expect(errorsOf(draft(OPENID, { limit: '41' }))).toEqual({ limit: 'limit' });
    expect(errorsOf(draft(OPENID, { contract_status: 'PENDING' }))).toEqual({ contract_status: 'status' });
  });

  it('leads a refused search to the page that shows the same refusal, with the values as typed', () => {
    const target = findTarget(draft('张'.repeat(65), { school: 'north' }));
    expect(target.path).toBe(`/contracts?q=${encodeURIComponent('张'.repeat(65))}&school=north`);
    expect(findTarget(draft('2026 0000 0000 0053 0001')).path).toBe('/contracts?contract_id=2026+0000+0000+0053+0001');
    expect(findTarget(draft('')).path).toBe('/contracts');
  });

  it('keeps the kind the search on screen took the text for, while the text is unchanged', () => {
    expect(findTarget(draft('sandbox_fault_slow', { kind: 'openid', school: 'north' }))).toEqual({
      ok: true,
      kind: 'openid',
      path: '/contracts?openid=sandbox_fault_slow&school=north',
    });
    expect(findTarget(draft('', { kind: 'openid' }))).toMatchObject({ ok: false, errors: { find: 'findRequired' } });
  });

  it('carries the status and a page size other than the default into the all-plans link', () => {
    expect(findTarget(draft(OPENID, { contract_status: 'DELETE', limit: '40' }))).toEqual({
      ok: true,
      kind: 'openid',
      path: `/contracts?openid=${OPENID}&contract_status=DELETE&limit=40`,
    });
  });
});
