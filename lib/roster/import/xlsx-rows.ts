import { readSheet } from 'read-excel-file/node';
import type { Cell, SheetRow } from './sheet-row';

/**
 * The first sheet of an XLSX workbook as rows of text. A number cell is read from the file's own
 * text, never through a JavaScript number, so a 学号 or a phone stored as a number keeps every
 * digit (13812345678, not 1.38e10). What Excel already changed when the number was typed cannot
 * be undone: leading zeros are gone (00123 was saved as 123 and is read as 123), and a number
 * of more than 15 digits was rounded and saved as 1.23456789012346E+17, which is refused rather
 * than guessed.
 */

/** A number as the file wrote it. */
interface RawNumber {
  raw: string;
}

function cellText(value: unknown): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return { unreadable: 'date' };
  const { raw } = value as RawNumber;
  return /e/i.test(raw) ? { unreadable: 'rounded' } : raw;
}

/** The rows of the first sheet (row 1 = line 1), or null when the bytes are no readable workbook. */
export async function xlsxRows(bytes: Uint8Array): Promise<SheetRow[] | null> {
  let data: unknown[][];
  try {
    data = await readSheet<RawNumber>(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 1, {
      parseNumber: (raw) => ({ raw }),
    });
  } catch {
    return null;
  }
  return data.map((cells, index) => ({ line: index + 1, cells: cells.map(cellText) }));
}
