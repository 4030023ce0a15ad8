import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RosterEntry } from '../entry';
import { MAX_ROSTER_ROWS } from './limits';
import { parseRoster } from './parse-roster';
import { problemLine } from './problems';
import { normalisePhone } from './row-entry';

const fixture = (name: string) => new Uint8Array(readFileSync(`test-support/roster/${name}`));
const utf8 = (text: string) => new TextEncoder().encode(text);
const lines = async (bytes: Uint8Array) => (await parseRoster(bytes)).problems.map(problemLine);

const entry = (fields: Partial<RosterEntry> & Pick<RosterEntry, 'studentName' | 'openid'>): RosterEntry => ({
  studentNo: null,
  className: null,
  guardianName: null,
  phone: null,
  ...fields,
});

/** What test-support/roster/roster-gb18030.csv holds (made with iconv -t GB18030). */
const GB_ENTRIES = [
  entry({
    studentName: '李小明',
    className: '三年级（2）班',
    studentNo: '20230101',
    guardianName: '李建国',
    phone: '13812345678',
    openid: 'oLxm_father_0000000000001',
  }),
  entry({
    studentName: '李小明',
    className: '三年级（2）班',
    studentNo: '20230101',
    guardianName: '王芳',
    phone: '13987654321',
    openid: 'oLxm_mother_0000000000002',
  }),
  entry({
    studentName: '刘䶮',
    className: '五年级,1班',
    studentNo: '020235',
    guardianName: '刘"大"伟',
    openid: 'oLiuyan_00000000000000003',
  }),
];

describe('parseRoster: CSV', () => {
  it('reads a GB18030 file as Excel on a Chinese Windows saves it (a 4-byte character too), never as mojibake', async () => {
    const bytes = fixture('roster-gb18030.csv');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const parsed = await parseRoster(bytes);
    expect(parsed).toMatchObject({ format: 'csv', encoding: 'gb18030', rows: 3, problems: [], problemCount: 0 });
    expect(parsed.entries).toEqual(GB_ENTRIES);
  });

  it('reads the same roster as UTF-8 with and without a BOM, with CRLF or LF', async () => {
    const text = new TextDecoder('gb18030').decode(fixture('roster-gb18030.csv'));
    for (const variant of [text, `\uFEFF${text}`, text.replaceAll('\r\n', '\n')]) {
      const parsed = await parseRoster(utf8(variant));
      expect(parsed.encoding).toBe('utf-8');
      expect(parsed.entries).toEqual(GB_ENTRIES);
    }
  });

  it('matches headers loosely, in Chinese or English, and leaves other columns out', async () => {
    const csv = ' Student_Name ,ＯｐｅｎＩＤ,联系电话,备注,*班级\noA,o_1,138 0013 8000,x,1班\n';
    expect((await parseRoster(utf8(csv))).entries).toEqual([
      entry({ studentName: 'oA', openid: 'o_1', phone: '13800138000', className: '1班' }),
    ]);
  });

  it('names a missing required column once, on line 1', async () => {
    expect(await lines(utf8('姓名,班级\n李小明,1班\n'))).toEqual(['line 1: no column openid (openid)']);
    expect(await lines(utf8('openid,手机号,电话\no1,1,2\n'))).toEqual([
      'line 1: two columns are 手机号 (phone)',
      'line 1: no column 学生姓名 (student_name)',
    ]);
  });

  it('lists every bad row by the file’s own line: blank lines and line breaks in quotes count', async () => {
    const csv = [
      '学生姓名,openid,手机号',
      '"李\n小明",o1,13800138000',
      '',
      ',o2,',
      '王五,bad openid!,12',
      `${'长'.repeat(65)},o4,+86-138-0013-8000`,
    ].join('\r\n');
    const parsed = await parseRoster(utf8(csv));
    expect(parsed.problems.map(problemLine)).toEqual([
      'line 5: 学生姓名 (student_name) is empty',
      'line 6: openid must be 1–128 letters, digits, _ or -',
      'line 6: 手机号 (phone) must be 7–20 digits (spaces, dashes and +86 are allowed)',
      'line 7: 学生姓名 (student_name) is longer than 64 characters',
    ]);
    expect(parsed.rows).toBe(4);
    expect(parsed.entries).toEqual([entry({ studentName: '李\n小明', openid: 'o1', phone: '13800138000' })]);
    expect(parsed.lines).toEqual([2]);
  });

  it('says where a quoted cell is never closed', async () => {
    expect(await lines(utf8('学生姓名,openid\n李小明,o1\n"王五,o2\n'))).toEqual([
      'line 3: a quoted cell starts here and is never closed',
    ]);
  });

  it('refuses a file without rows, one too large, one with too many rows, and files that are no roster', async () => {
    expect(await lines(utf8(''))).toEqual(['file: the file is empty: its first line must name the columns']);
    expect(await lines(utf8('学生姓名,openid\r\n'))).toEqual([
      'file: the file has no rows under its header (to empty the roster, delete it instead)',
    ]);
    expect(await lines(new Uint8Array(10 * 1024 * 1024 + 1))).toEqual(['file: the file is larger than 10 MB']);
    const many = `学生姓名,openid\n${'李,o1\n'.repeat(MAX_ROSTER_ROWS + 1)}`;
    expect(await lines(utf8(many))).toEqual([
      `file: more than ${MAX_ROSTER_ROWS} rows: a school's roster holds at most ${MAX_ROSTER_ROWS}`,
    ]);
    expect(await lines(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).toEqual([
      'file: an old Excel .xls file: save it as .xlsx or as CSV',
    ]);
    expect(await lines(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toEqual([
      'file: not a CSV or XLSX file that can be read',
    ]);
  });

  it('lists the first 100 problems and counts them all', async () => {
    const parsed = await parseRoster(utf8(`学生姓名,openid\n${',o1\n'.repeat(150)}`));
    expect(parsed.problems).toHaveLength(100);
    expect(parsed.problemCount).toBe(150);
  });
});

describe('parseRoster: XLSX', () => {
  it('reads the first sheet, numbers in cells as text with every digit', async () => {
    const parsed = await parseRoster(fixture('roster.xlsx'));
    expect(parsed).toMatchObject({ format: 'xlsx', rows: 4, problems: [] });
    expect(parsed.entries).toEqual([
      entry({
        studentName: '张小红',
        className: '一年级1班',
        studentNo: '20240001',
        guardianName: '张伟',
        phone: '13812345678',
        openid: 'oZxh_father_000000000000001',
      }),
      entry({
        studentName: '张小红',
        className: '一年级1班',
        studentNo: '20240001',
        guardianName: '李娜',
        phone: '13987654321',
        openid: 'oZxh_mother_000000000000002',
      }),
      // Typed as text, the 学号 keeps its leading zeros; typed as a number, Excel saved 123.
      entry({ studentName: '陈一', className: '一年级2班', studentNo: '00123', openid: 'oChenyi_0000000000000000003' }),
      entry({
        studentName: '王二',
        className: '二年级1班',
        studentNo: '123',
        guardianName: '王五',
        phone: '13512345678',
        openid: 'oWanger_0000000000000000004',
      }),
    ]);
  });
});

/** RFC 4180 as a school system may write it: every cell quoted, quotes doubled. */
const toCsv = (entries: readonly RosterEntry[], eol: string) =>
  [
    '学号,学生姓名,班级,家长姓名,手机号,openid',
    ...entries.map((e) =>
      [e.studentNo, e.studentName, e.className, e.guardianName, e.phone, e.openid]
        .map((value) => `"${(value ?? '').replaceAll('"', '""')}"`)
        .join(','),
    ),
  ].join(eol);

const text = (max: number) =>
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: max })
    .filter((s) => s.trim() === s && s.length <= max && s !== '');
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const rosterEntry: fc.Arbitrary<RosterEntry> = fc.record({
  studentName: text(64),
  openid: fc.stringMatching(/^[A-Za-z0-9_-]{1,128}$/),
  studentNo: optional(fc.stringMatching(/^[A-Za-z0-9]{1,32}$/)),
  className: optional(text(64)),
  guardianName: optional(text(64)),
  // Phones as stored: digits that normalise to themselves.
  phone: optional(fc.stringMatching(/^\d{7,20}$/).filter((phone) => normalisePhone(phone) === phone)),
});

describe('parseRoster: any roster', () => {
  it('reads back exactly the entries written to a CSV', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rosterEntry, { minLength: 1, maxLength: 20 }),
        fc.constantFrom('\r\n', '\n'),
        fc.boolean(),
        async (entries, eol, bom) => {
          const parsed = await parseRoster(utf8(`${bom ? '\uFEFF' : ''}${toCsv(entries, eol)}${eol}`));
          expect(parsed.problems).toEqual([]);
          expect(parsed.entries).toEqual(entries);
        },
      ),
    );
  });
});
