/**
 * A CSV file's bytes as text. Schools save rosters in one of two encodings: UTF-8 (with or
 * without the BOM Excel writes for "CSV UTF-8") or GB18030/GBK, what Excel on a Chinese Windows
 * writes for plain "CSV". Valid UTF-8 is taken as UTF-8 (GBK text is almost never valid UTF-8:
 * its two-byte characters break UTF-8's continuation rules); anything else is read as GB18030, a
 * superset of GBK and GB2312 that decodes every byte sequence, so the text is never mojibake of
 * the wrong guess.
 */
export type CsvEncoding = 'utf-8' | 'gb18030';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const bom = UTF8_BOM.every((byte, i) => bytes[i] === byte);
  const body = bom ? bytes.subarray(UTF8_BOM.length) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(body), encoding: 'gb18030' };
  }
}
