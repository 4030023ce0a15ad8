import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRequestUrl } from '@/lib/wechatpay/client';
import { contractsRequest } from './request';
import { type ContractsQuery, parseContractsQuery, searchParamsInput, searchPath } from './search-input';

const OPENID = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';
const PLAN = '101164396123311331';
const RUNS = { numRuns: 10_000 };

function accepted(input: unknown): ContractsQuery {
  const result = parseContractsQuery(input);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.fieldErrors)}`);
  return result.query;
}

function fieldErrors(input: unknown) {
  const result = parseContractsQuery(input);
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.query)}`);
  return result.fieldErrors;
}

describe('parseContractsQuery: examples', () => {
  it('fills in the defaults: all statuses, 20 per page, first page', () => {
    expect(accepted({ openid: OPENID, plan_id: PLAN })).toEqual({
      openid: OPENID,
      plan_id: PLAN,
      contract_status: 'ALL',
      limit: 20,
      offset: 0,
    });
  });

  it('trims a pasted openid and plan id', () => {
    expect(accepted({ openid: `  ${OPENID}\n`, plan_id: `\t${PLAN} ` })).toMatchObject({
      openid: OPENID,
      plan_id: PLAN,
    });
  });

  it.each([
    [
      { contract_status: 'ADD', limit: 40, offset: 80 },
      { contract_status: 'ADD', limit: 40, offset: 80 },
    ],
    [
      { contract_status: 'DELETE', limit: '10', offset: '30' },
      { contract_status: 'DELETE', limit: 10, offset: 30 },
    ],
    [
      { limit: '1', offset: '7' },
      { limit: 1, offset: 7 },
    ],
    [
      { limit: '040', offset: '0' },
      { limit: 40, offset: 0 },
    ],
    [
      { limit: 20, offset: 999_999_980 },
      { limit: 20, offset: 999_999_980 },
    ],
  ])('accepts %j', (extra, expected) => {
    expect(accepted({ openid: OPENID, plan_id: PLAN, ...extra })).toMatchObject(expected);
  });

  it.each([
    ['openid missing', { plan_id: PLAN }, 'openid', 'openidRequired'],
    ['openid empty', { openid: '', plan_id: PLAN }, 'openid', 'openidRequired'],
    ['openid only spaces', { openid: '   ', plan_id: PLAN }, 'openid', 'openidRequired'],
    ['openid a number', { openid: 12345, plan_id: PLAN }, 'openid', 'openidRequired'],
    ['openid 129 chars', { openid: 'o'.repeat(129), plan_id: PLAN }, 'openid', 'openidTooLong'],
    ['openid with a path', { openid: '../../v3/refund', plan_id: PLAN }, 'openid', 'openidFormat'],
    ['openid with a space inside', { openid: 'oUpF8 uMuAJO', plan_id: PLAN }, 'openid', 'openidFormat'],
    ['openid full-width', { openid: 'ｏＵｐＦ８', plan_id: PLAN }, 'openid', 'openidFormat'],
    ['plan_id missing', { openid: OPENID }, 'plan_id', 'planIdRequired'],
    ['plan_id 33 chars', { openid: OPENID, plan_id: '1'.repeat(33) }, 'plan_id', 'planIdTooLong'],
    ['plan_id with a query', { openid: OPENID, plan_id: '1011&limit=40' }, 'plan_id', 'planIdFormat'],
    ['status lower case', { openid: OPENID, plan_id: PLAN, contract_status: 'add' }, 'contract_status', 'status'],
    ['status unknown', { openid: OPENID, plan_id: PLAN, contract_status: 'PENDING' }, 'contract_status', 'status'],
    ['limit 41', { openid: OPENID, plan_id: PLAN, limit: 41 }, 'limit', 'limit'],
    ['limit "41"', { openid: OPENID, plan_id: PLAN, limit: '41' }, 'limit', 'limit'],
    ['limit 20.5', { openid: OPENID, plan_id: PLAN, limit: 20.5 }, 'limit', 'limit'],
    ['limit NaN', { openid: OPENID, plan_id: PLAN, limit: Number.NaN }, 'limit', 'limit'],
    ['limit Infinity', { openid: OPENID, plan_id: PLAN, limit: Number.POSITIVE_INFINITY }, 'limit', 'limit'],
    ['limit "1e1"', { openid: OPENID, plan_id: PLAN, limit: '1e1' }, 'limit', 'limit'],
    ['limit "-1"', { openid: OPENID, plan_id: PLAN, limit: '-1' }, 'limit', 'limit'],
    ['limit ""', { openid: OPENID, plan_id: PLAN, limit: '' }, 'limit', 'limit'],
    ['limit " 20"', { openid: OPENID, plan_id: PLAN, limit: ' 20' }, 'limit', 'limit'],
    ['limit "20.0"', { openid: OPENID, plan_id: PLAN, limit: '20.0' }, 'limit', 'limit'],
    ['limit "0x14"', { openid: OPENID, plan_id: PLAN, limit: '0x14' }, 'limit', 'limit'],
    ['offset -20', { openid: OPENID, plan_id: PLAN, offset: -20 }, 'offset', 'offset'],
    ['offset "1e1"', { openid: OPENID, plan_id: PLAN, offset: '1e1' }, 'offset', 'offset'],
    ['offset "-1"', { openid: OPENID, plan_id: PLAN, offset: '-1' }, 'offset', 'offset'],
    ['offset ""', { openid: OPENID, plan_id: PLAN, offset: '' }, 'offset', 'offset'],
    ['offset " 20"', { openid: OPENID, plan_id: PLAN, offset: ' 20' }, 'offset', 'offset'],
    ['offset "20.0"', { openid: OPENID, plan_id: PLAN, offset: '20.0' }, 'offset', 'offset'],
    [
      'offset not a multiple of limit',
      { openid: OPENID, plan_id: PLAN, offset: 30, limit: 20 },
      'offset',
      'offsetMultiple',
    ],
    [
      'offset not a multiple of the default limit',
      { openid: OPENID, plan_id: PLAN, offset: '10' },
      'offset',
      'offsetMultiple',
    ],
  ])('refuses %s, with the message on that field', (_, input, field, message) => {
    expect(fieldErrors(input)).toEqual({ [field]: message });
  });

  // The offset-multiple check must not run once limit is refused: 0 % 0 is NaN, so `?limit=0` would
  // also mark the untouched offset 0 as "not a multiple of the page size".
  it('refuses limit 0 with the message on limit only (offset 0 is fine)', () => {
    expect(fieldErrors({ openid: OPENID, plan_id: PLAN, limit: 0 })).toEqual({ limit: 'limit' });
    expect(fieldErrors({ openid: OPENID, plan_id: PLAN, limit: '0', offset: '0' })).toEqual({ limit: 'limit' });
  });

  it('refuses something that is not an object at all', () => {
    expect(parseContractsQuery(null).ok).toBe(false);
    expect(parseContractsQuery('openid=x').ok).toBe(false);
  });
});

describe('URL round trip', () => {
  it('reads a search from URL params and writes the same search back', () => {
    const query = accepted(
      searchParamsInput(
        new URLSearchParams({ openid: OPENID, plan_id: PLAN, contract_status: 'DELETE', offset: '40', limit: '20' }),
      ),
    );
    expect(query).toEqual({ openid: OPENID, plan_id: PLAN, contract_status: 'DELETE', offset: 40, limit: 20 });
    expect(searchPath(query)).toBe(
      `/contracts?openid=${OPENID}&plan_id=${PLAN}&contract_status=DELETE&offset=40&limit=20`,
    );
  });

  it('treats empty URL values as not given, so they take their defaults', () => {
    const input = searchParamsInput({
      openid: OPENID,
      plan_id: PLAN,
      limit: '',
      offset: undefined,
      contract_status: [''],
    });
    expect(accepted(input)).toMatchObject({ contract_status: 'ALL', limit: 20, offset: 0 });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties. The identifiers land in a URL path and query: the schema is the only gate.

const SAFE = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'];
const safeChar = fc.constantFrom(...SAFE);
const DANGEROUS = [
  '../',
  '..',
  '%2e%2e',
  '%2F',
  '/',
  '\\',
  '?',
  '#',
  '&',
  '=',
  '.',
  ' ',
  '\u0000',
  '\n',
  '\u00e9',
  '\u4e2d',
  '\u{1F600}',
  '\u200b',
  '\uff41',
];

/** Strings the schema must accept: allowed characters, any length it allows, maybe padded with whitespace. */
function acceptedIdentifier(maxLength: number) {
  const whitespace = fc.constantFrom('', ' ', '\t', '\n', '\u3000');
  return fc
    .tuple(whitespace, fc.string({ unit: safeChar, minLength: 1, maxLength }), whitespace)
    .map(([before, id, after]) => before + id + after);
}

/** Strings near the edge of the allowed set: mostly-good ids with dangerous pieces, padding and length extremes. */
function identifierCandidates(maxLength: number) {
  const good = fc.string({ unit: safeChar, minLength: 1, maxLength });
  const whitespace = fc.constantFrom('', ' ', '  ', '\t', '\n', '\u3000', '\u00a0');
  return fc.oneof(
    good,
    fc.tuple(whitespace, good, whitespace).map(([before, id, after]) => before + id + after),
    fc.string({ unit: safeChar, minLength: maxLength - 1, maxLength: maxLength + 40 }),
    fc
      .tuple(good, fc.constantFrom(...DANGEROUS), good, fc.nat())
      .map(([head, bad, tail, cut]) => (head + bad + tail).slice(0, Math.max(1, cut % (maxLength + 5)))),
    fc.tuple(good, fc.constantFrom(...DANGEROUS), good).map(([head, bad, tail]) => head + bad + tail),
    fc.constantFrom(...DANGEROUS),
    fc.string({ unit: 'binary', maxLength: maxLength + 10 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.string({ unit: 'binary-ascii', maxLength: 20 }),
    fc.string({ maxLength: 20 }),
  );
}

describe('parseContractsQuery: properties', () => {
  // Plain comparisons rather than expect(): 10 000 runs each, and fast-check prints the counterexample.
  it('accepts an openid exactly when, trimmed, it matches ^[A-Za-z0-9_-]{1,128}$, and keeps it trimmed', () => {
    fc.assert(
      fc.property(identifierCandidates(128), (openid) => {
        const result = parseContractsQuery({ openid, plan_id: PLAN });
        if (!/^[A-Za-z0-9_-]{1,128}$/.test(openid.trim())) {
          return !result.ok && Object.keys(result.fieldErrors).join() === 'openid';
        }
        return result.ok && result.query.openid === openid.trim();
      }),
      RUNS,
    );
  });

  it('accepts a plan_id exactly when, trimmed, it matches ^[A-Za-z0-9_-]{1,32}$, and keeps it trimmed', () => {
    fc.assert(
      fc.property(identifierCandidates(32), (planId) => {
        const result = parseContractsQuery({ openid: OPENID, plan_id: planId });
        if (!/^[A-Za-z0-9_-]{1,32}$/.test(planId.trim())) {
          return !result.ok && Object.keys(result.fieldErrors).join() === 'plan_id';
        }
        return result.ok && result.query.plan_id === planId.trim();
      }),
      RUNS,
    );
  });

  it('sends every accepted search to exactly /v3/eduschoolpay/users/{openid}/contracts on the configured host', () => {
    const search = fc.record({
      openid: acceptedIdentifier(128),
      plan_id: acceptedIdentifier(32),
      contract_status: fc.constantFrom('ALL', 'ADD', 'DELETE'),
      limit: fc.integer({ min: 1, max: 40 }),
      page: fc.nat({ max: 1000 }),
      asStrings: fc.boolean(),
    });
    const base = fc.constantFrom(
      'https://api.mch.weixin.qq.com',
      'https://api2.mch.weixin.qq.com',
      'http://127.0.0.1:48123',
    );
    fc.assert(
      fc.property(search, base, ({ page, asStrings, ...fields }, baseUrl) => {
        const offset = page * fields.limit;
        const query = accepted({
          ...fields,
          limit: asStrings ? String(fields.limit) : fields.limit,
          offset: asStrings ? String(offset) : offset,
        });
        const request = contractsRequest(query);
        const url = buildRequestUrl(baseUrl, request.path, request.params);
        const expectedSearch = new URLSearchParams({
          plan_id: fields.plan_id.trim(),
          contract_status: fields.contract_status,
          offset: String(offset),
          limit: String(fields.limit),
        });
        return (
          url.origin === new URL(baseUrl).origin &&
          url.pathname === `/v3/eduschoolpay/users/${fields.openid.trim()}/contracts` &&
          url.hash === '' &&
          url.search === `?${expectedSearch}`
        );
      }),
      RUNS,
    );
  });
});
