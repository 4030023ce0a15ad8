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
    ['a tab', '\t=1', "'\t=1"],
    ['a carriage return', '\r=1', `"'\r=1"`],
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
