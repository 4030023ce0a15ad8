import { FIELD_HEADERS, type RosterField } from './columns';

/**
 * What is wrong with a roster file, one problem per line of the file at fault (line 1 = the
 * header; null = the file as a whole). Values, not text: the command line says them in English
 * (problemLine), the admin page in the admin's language (messages: roster.import.problems).
 */
export type RosterProblem =
  | { line: null; kind: 'tooLarge' /** megabytes */; max: number }
  | { line: null; kind: 'unreadable' }
  | { line: null; kind: 'oldExcel' }
  | { line: null; kind: 'empty' }
  | { line: null; kind: 'noRows' }
  | { line: null; kind: 'tooManyRows'; max: number }
  | { line: number; kind: 'unclosedQuote' }
  | { line: 1; kind: 'missingColumn'; field: RosterField }
  | { line: 1; kind: 'duplicateColumn'; field: RosterField }
  | { line: number; kind: 'required'; field: RosterField }
  | { line: number; kind: 'tooLong'; field: RosterField; max: number }
  | { line: number; kind: 'badOpenid' }
  | { line: number; kind: 'badPhone' }
  | { line: number; kind: 'date'; field: RosterField }
  | { line: number; kind: 'rounded'; field: RosterField };

export type ProblemKind = RosterProblem['kind'];

const column = (field: RosterField) => `${FIELD_HEADERS[field].zh} (${FIELD_HEADERS[field].en})`;

function what(problem: RosterProblem): string {
  switch (problem.kind) {
    case 'tooLarge':
      return `the file is larger than ${problem.max} MB`;
    case 'unreadable':
      return 'not a CSV or XLSX file that can be read';
    case 'oldExcel':
      return 'an old Excel .xls file: save it as .xlsx or as CSV';
    case 'empty':
      return 'the file is empty: its first line must name the columns';
    case 'noRows':
      return 'the file has no rows under its header (to empty the roster, delete it instead)';
    case 'tooManyRows':
      return `more than ${problem.max} rows: a school's roster holds at most ${problem.max}`;
    case 'unclosedQuote':
      return 'a quoted cell starts here and is never closed';
    case 'missingColumn':
      return `no column ${column(problem.field)}`;
    case 'duplicateColumn':
      return `two columns are ${column(problem.field)}`;
    case 'required':
      return `${column(problem.field)} is empty`;
    case 'tooLong':
      return `${column(problem.field)} is longer than ${problem.max} characters`;
    case 'badOpenid':
      return 'openid must be 1–128 letters, digits, _ or -';
    case 'badPhone':
      return `${column('phone')} must be 7–20 digits (spaces, dashes and +86 are allowed)`;
    case 'date':
      return `${column(problem.field)} is a date in the spreadsheet: format the column as text and type it again`;
    case 'rounded':
      return `${column(problem.field)} is a number Excel has rounded: format the column as text and type it again`;
  }
}

/** `line N: what is wrong` (or `file: …` for the file as a whole), as the command line prints it. */
export function problemLine(problem: RosterProblem): string {
  return `${problem.line === null ? 'file' : `line ${problem.line}`}: ${what(problem)}`;
}
