import fc from 'fast-check';
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

  // Each resolves, against this site, to a path that starts with "//": the browser would read the
  // redirect to it as another host.
  it.each([
    ['/.//evil.example/x'],
    ['/%2e//evil.example/x'],
    ['/%2E//evil.example'],
    ['/a/..//evil.example/x'],
    ['/./\\evil.example'],
    ['/.\\/evil.example'],
    ['/a/%2e%2e//evil.example'],
    ['/.//\tevil.example'],
    ['/./\n/evil.example'],
    ['/.///evil.example'],
  ])('sends %j home: once normalised it would lead elsewhere', (next) => {
    expect(safeReturnPath(next)).toBe('/contracts');
  });

  it('keeps a path that only looks odd but stays here', () => {
    expect(safeReturnPath('/contracts/../admin/audit?x=//evil.example')).toBe('/admin/audit?x=//evil.example');
    expect(safeReturnPath('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
  });
});

/** Pieces from which paths that a browser might resolve elsewhere are built. */
const PIECES = [
  '/',
  '//',
  '\\',
  '.',
  '..',
  '%2e',
  '%2E',
  '%2e%2e',
  '%2f',
  '%5c',
  '\t',
  '\n',
  '\r',
  ' ',
  '@',
  ':',
  '?',
  '#',
  'evil.example',
  'a',
  'https:',
  'javascript:',
  '\u3002', // ideographic full stop, a dot to some host parsers
  '\uff0f', // fullwidth solidus
];

const hostileNext = fc.oneof(
  fc.string(),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }).map((pieces) => pieces.join('')),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }).map((pieces) => `/${pieces.join('')}`),
);

describe('safeReturnPath, whatever it is given', () => {
  const SITE = 'https://school.example';

  it('returns a path that a browser on this site resolves to this site', () => {
    fc.assert(
      fc.property(hostileNext, (next) => {
        const path = safeReturnPath(next);
        // The redirect is resolved against the login page the browser is on.
        expect(new URL(path, `${SITE}/login?next=x`).origin).toBe(SITE);
        expect(new URL(path, SITE).origin).toBe(SITE);
      }),
      { numRuns: 5000 },
    );
  });
});
