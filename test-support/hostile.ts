/**
 * Test-only fast-check generators for what a search form, a URL or a forged server-action call can
 * send for a contracts search: valid values, near-misses and plainly hostile values, mixed.
 * Never imported by product code.
 */
import fc from 'fast-check';

const SAFE = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'];
export const safeChar = fc.constantFrom(...SAFE);

/** Pieces that would move a request elsewhere if they reached a URL unescaped, or look alike. */
export const DANGEROUS_PIECES = [
  '../',
  '..',
  '..%2f',
  '..%2F',
  '%2e%2e',
  '%2e%2e%2f',
  '.%2e/',
  '/',
  '//',
  '\\',
  '..\\',
  '?',
  '#',
  '&',
  '=',
  '%',
  '%00',
  '%20',
  '@',
  ':',
  ';',
  '.',
  '\u0000',
  '\u0001',
  '\u007f',
  '\r\n',
  '\n',
  '\t',
  ' ',
  '\u00a0',
  '\u3000',
  '\u200b',
  '\ufeff',
  '\u2028',
  '\u00e9',
  '\u4e2d',
  '\u{1F600}',
  '\uff0f', // fullwidth solidus
  '\u2215', // division slash
  '\uff41', // fullwidth a
  '\ud800', // lone surrogate
  '//evil.example/',
  'http://evil.example/',
  '?limit=40',
  '#frag',
  '&limit=9999',
];

const WHITESPACE = ['', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u3000', '\ufeff', '\u2028'];
export const whitespace = fc.constantFrom(...WHITESPACE);

/** Numbers and numeric-looking strings that are not plain whole numbers, or are out of range. */
export const NUMBER_LIKE_STRINGS = [
  '',
  ' ',
  '-1',
  '-0',
  '+5',
  '1.5',
  '20.0',
  '1e1',
  '1e3',
  '2e1',
  '0x10',
  '0b1',
  '0o7',
  'Infinity',
  '-Infinity',
  'NaN',
  '20 ',
  ' 20',
  '2 0',
  '20\u0000',
  '\uff12\uff10', // fullwidth 20
  '\u0662\u0660', // Arabic-Indic 20
  '9999999999',
  '41',
  '0000000000020',
  '1,000',
  '20;',
  '20&limit=40',
];

export const HOSTILE_NUMBERS = [
  -1,
  -20,
  -0.5,
  0.5,
  1.5,
  20.000001,
  1e21,
  1e300,
  -1e21,
  2 ** 53,
  2 ** 53 + 2,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.EPSILON,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  41,
  1000,
];

/** A value that is never a string: numbers, objects, arrays, null, undefined… */
export const nonString: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, true, false, [], {}, [''], ['ALL'], { toString: () => 'ALL' }),
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.integer(),
  fc.double(),
  fc.bigInt(),
  fc.date({ noInvalidDate: false }),
  fc.object(),
  fc.array(fc.anything(), { maxLength: 4 }),
  fc.anything(),
);

/** An identifier the schema must accept: allowed characters, 1..maxLength, maybe padded with whitespace. */
export function validIdentifier(maxLength: number): fc.Arbitrary<string> {
  return fc
    .tuple(whitespace, fc.string({ unit: safeChar, minLength: 1, maxLength }), whitespace)
    .map(([before, id, after]) => before + id + after);
}

/** Strings of every hostile shape, sized around a field whose limit is maxLength. */
export function hostileString(maxLength: number): fc.Arbitrary<string> {
  const good = fc.string({ unit: safeChar, minLength: 1, maxLength: Math.min(maxLength, 40) });
  const piece = fc.constantFrom(...DANGEROUS_PIECES);
  return fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme', maxLength: maxLength + 10 }),
    fc.string({ unit: 'binary', maxLength: maxLength + 10 }),
    fc.string({ unit: 'grapheme-composite', maxLength: 20 }),
    piece,
    fc.tuple(good, piece, good).map(([head, bad, tail]) => head + bad + tail),
    fc.tuple(piece, good).map(([bad, tail]) => bad + tail),
    fc.tuple(good, piece).map(([head, bad]) => head + bad),
    fc.array(piece, { minLength: 1, maxLength: 6 }).map((pieces) => pieces.join('')),
    fc.array(whitespace, { minLength: 1, maxLength: 4 }).map((spaces) => spaces.join('')),
    // Overlong: maxLength+1 allowed characters and more, maybe padded.
    fc.string({ unit: safeChar, minLength: maxLength + 1, maxLength: maxLength + 300 }),
    fc
      .tuple(whitespace, fc.string({ unit: safeChar, minLength: maxLength + 1, maxLength: maxLength + 3 }), whitespace)
      .map(([before, id, after]) => before + id + after),
    fc.constantFrom(...NUMBER_LIKE_STRINGS),
    fc.integer().map(String),
    fc.double().map(String),
  );
}

/** Anything at all that could arrive for a string field. */
export function hostileValue(maxLength: number): fc.Arbitrary<unknown> {
  return fc.oneof(hostileString(maxLength), nonString);
}

export const validStatus = fc.constantFrom('ALL', 'ADD', 'DELETE');
export const hostileStatus: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    'all',
    'Add',
    'delete',
    ' ALL',
    'ALL ',
    'ALL\u0000',
    'DELETE\n',
    'ALL&limit=40',
    'ADD,DELETE',
    'ＡＬＬ',
  ),
  hostileValue(8),
);

/** A limit the schema must accept, as a number or as a URL's digit string. */
export const validLimit: fc.Arbitrary<number | string> = fc.oneof(
  fc.constantFrom(10, 20, 40),
  fc.integer({ min: 1, max: 40 }),
  fc.integer({ min: 1, max: 40 }).map(String),
  fc.constantFrom('010', '20', '040'),
);

/** Offsets that are multiples of every page size (0 and multiples of 40), as numbers or strings. */
export const validOffset: fc.Arbitrary<number | string> = fc.oneof(
  fc.constantFrom(0, '0', '000'),
  fc.integer({ min: 0, max: 1_000 }).map((page) => page * 40),
  fc.integer({ min: 0, max: 1_000 }).map((page) => String(page * 40)),
);

export const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.constantFrom(...NUMBER_LIKE_STRINGS),
  fc.integer({ max: -1 }),
  fc.double({ noInteger: true }),
  fc.integer({ min: 41 }),
  fc.integer({ min: 1_000_000_000 }).map(String),
  hostileValue(9),
);

/** Picks the valid generator `validWeight` times out of `validWeight + 1`. */
function mixed<T>(valid: fc.Arbitrary<T>, hostile: fc.Arbitrary<unknown>, validWeight: number): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: valid, weight: validWeight }, { arbitrary: hostile, weight: 1 });
}

export const contractsFields = (validWeight = 1) => ({
  openid: mixed(validIdentifier(128), hostileValue(128), validWeight),
  plan_id: mixed(validIdentifier(32), hostileValue(32), validWeight),
  contract_status: mixed(validStatus, hostileStatus, validWeight),
  offset: mixed(validOffset, hostileNumber, validWeight),
  limit: mixed(validLimit, hostileNumber, validWeight),
});

/**
 * A whole search input as a form, a URL or a forged action call could send it: every field drawn
 * from valid and hostile values (`validWeight` to 1), and sometimes fields missing.
 */
export function contractsInput(validWeight = 1): fc.Arbitrary<Record<string, unknown>> {
  return fc.oneof(
    { arbitrary: fc.record(contractsFields(validWeight)), weight: validWeight },
    { arbitrary: fc.record(contractsFields(1), { requiredKeys: [] }), weight: 1 },
  );
}
