/**
 * One row of a roster file before its columns mean anything: the file's line it starts on (1 =
 * the header) and its cells as text. A spreadsheet cell whose text cannot be trusted says why
 * instead: a date (Excel turned what was typed into one) or a number Excel has already rounded
 * (more than 15 digits typed into a number cell, kept as 1.23E+17).
 */
export type Cell = string | { unreadable: 'date' | 'rounded' };

export interface SheetRow {
  line: number;
  cells: Cell[];
}
