import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv';

describe('csvCell', () => {
  it.each([
    ['plain text as is', 'alice', 'alice'],
    ['Chinese as is', '成功，20 条', '成功，20 条'],
    ['nothing as an empty cell', null, ''],
    ['a comma quoted', 'a,b', '"a,b"'],
    ['quotes doubled and quoted', 'say "hi"', '"say ""hi"""'],
    ['a newline quoted', 'line1\nline2', '"line1\nline2"'],
    ['a CRLF quoted', 'line1\r\nline2', '"line1\r\nline2"'],
  ])('writes %s', (_, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ['=', '=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+', '+1+1', "'+1+1"],
    ['-', '-2+3', "'-2+3"],
    ['@', '@SUM(A1)', "'@SUM(A1)"],
    // A tab or CR also ends a field somewhere (pasted, or a line break): the = after it is defused too.
    ['a tab', '\t=1', `"'\t'=1"`],
    ['a carriage return', '\r=1', `"'\r'=1"`],
  ])('defuses a cell starting with %s', (_, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('leaves a formula character that is not first alone', () => {
    expect(csvCell('o=1')).toBe('o=1');
  });
});

describe('csvLine', () => {
  it('joins cells with commas and ends in CRLF', () => {
    expect(csvLine(['a', null, 'b,c'])).toBe('a,,"b,c"\r\n');
  });
});

describe('csvCell for identifiers', () => {
  it('writes an all-digit id as a text formula, so Excel keeps every digit', () => {
    expect(csvCell({ id: '101164396123311331' })).toBe('"=""101164396123311331"""');
    expect(csvCell({ id: '0012' })).toBe('"=""0012"""');
  });

  it('writes any other id as a plain cell, defused and quoted as usual', () => {
    expect(csvCell({ id: 'oUpF8uMu' })).toBe('oUpF8uMu');
    expect(csvCell({ id: '=1+1' })).toBe("'=1+1");
    expect(csvCell({ id: null })).toBe('');
  });
});

/**
 * How a spreadsheet splits CSV text with `separator` (the list separator of its locale: "," in
 * zh-CN and en-US, ";" in much of Europe, a tab when pasted): a field is quoted only when it starts
 * with a quote, and a CR or LF outside quotes ends the record.
 */
function spreadsheetRecords(text: string, separator: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let atStart = true;
  const endField = () => {
    record.push(field);
    field = '';
    atStart = true;
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (atStart && char === '"') {
      quoted = true;
      atStart = false;
    } else if (char === separator) endField();
    else if (char === '\r' || char === '\n') {
      endField();
      records.push(record);
      record = [];
      if (char === '\r' && text[i + 1] === '\n') i += 1;
    } else {
      field += char;
      atStart = false;
    }
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

/** A cell a spreadsheet would run: a formula character first, maybe after tabs and CRs it skips. */
const FORMULA = /^[\t\r]*[=+\-@]/;

const hostileCell = fc.oneof(
  fc.string(),
  fc
    .array(
      fc.constantFrom('x', ',', ';', '\t', '\r', '\n', '"', '=', '+', '-', '@', "'", ' ', 'HYPERLINK("http://evil")'),
      { maxLength: 8 },
    )
    .map((pieces) => pieces.join('')),
);
const hostileLine = fc.array(hostileCell, { minLength: 1, maxLength: 5 });

describe('csvLine, read by a spreadsheet of any locale', () => {
  it.each([[','], [';'], ['\t']])('with %j as the separator, gives no cell that starts a formula', (separator) => {
    fc.assert(
      fc.property(hostileLine, (cells) => {
        for (const record of spreadsheetRecords(csvLine(cells), separator)) {
          for (const field of record) expect(field).not.toMatch(FORMULA);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('with "," as the separator, gives back every cell, changed by nothing but defusing apostrophes', () => {
    const withoutApostrophes = (text: string) => text.replaceAll("'", '');
    fc.assert(
      fc.property(hostileLine, (cells) => {
        const records = spreadsheetRecords(csvLine(cells), ',');
        expect(records).toHaveLength(1);
        expect(records[0].map(withoutApostrophes)).toEqual(cells.map(withoutApostrophes));
      }),
    );
  });

  it.each([
    ['a ";"', 'x;y', '"x;y"'],
    ['a tab', 'x\ty', '"x\ty"'],
  ])('quotes a cell holding %s, a separator in some locales', (_, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  // In a ";" locale the "," between cells separates nothing, so a cell after the first is not at
  // the start of a spreadsheet field and its quotes are plain characters: quoting alone would leave
  // "=HYPERLINK(…" at the start of a field. A formula character after a separator is defused too.
  it.each([
    ['";"', 'x;=HYPERLINK(1)', `"x;'=HYPERLINK(1)"`],
    ['","', 'x,+1', `"x,'+1"`],
    ['a tab', 'x\t@SUM(A1)', `"x\t'@SUM(A1)"`],
    ['a line break', 'x\n-1', `"x\n'-1"`],
    ['a quote', 'x"=1', `"x""'=1"`],
  ])('defuses a formula character after %s inside a cell', (_, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});
