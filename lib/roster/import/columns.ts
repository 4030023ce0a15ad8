import type { RosterEntry } from '../entry';

/**
 * The roster's columns and the headers that name them. Schools' systems and hand-made sheets
 * spell headers many ways, so a header is matched loosely: full-width letters as half-width,
 * case, spaces, '_', '-' and a '*' marking a required column do not matter. Columns no field
 * names (a school's export has many) are left out.
 */
export type RosterField = keyof RosterEntry;

export const ROSTER_FIELDS = [
  'studentName',
  'openid',
  'studentNo',
  'className',
  'guardianName',
  'phone',
] as const satisfies readonly RosterField[];

export const REQUIRED_FIELDS: readonly RosterField[] = ['studentName', 'openid'];

/** The header each field is written with in a template and named by in a problem. */
export const FIELD_HEADERS: Record<RosterField, { zh: string; en: string }> = {
  studentName: { zh: '学生姓名', en: 'student_name' },
  openid: { zh: 'openid', en: 'openid' },
  studentNo: { zh: '学号', en: 'student_no' },
  className: { zh: '班级', en: 'class' },
  guardianName: { zh: '家长姓名', en: 'guardian_name' },
  phone: { zh: '手机号', en: 'phone' },
};

const SYNONYMS: Record<RosterField, readonly string[]> = {
  studentName: ['学生姓名', '学生', '姓名', '学生名字', 'studentname', 'student', 'name'],
  openid: ['openid', '微信openid', '家长openid', 'wechatopenid', 'wxopenid'],
  studentNo: ['学号', '学籍号', '学生编号', 'studentno', 'studentnumber', 'studentid'],
  className: ['班级', '班级名称', '班', 'class', 'classname'],
  guardianName: ['家长姓名', '家长', '监护人', '监护人姓名', 'guardianname', 'guardian', 'parentname', 'parent'],
  phone: [
    '手机号',
    '手机',
    '手机号码',
    '联系电话',
    '电话',
    '家长手机',
    '家长电话',
    'phone',
    'mobile',
    'tel',
    'phonenumber',
  ],
};

/** A header as compared: half-width, lower case, without spaces, '_', '-' or '*'. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-*]/g, '');
}

const FIELD_BY_KEY = new Map<string, RosterField>(
  ROSTER_FIELDS.flatMap((field) => SYNONYMS[field].map((name) => [headerKey(name), field] as const)),
);

/** The field a header names, if any. */
export function fieldOfHeader(header: string): RosterField | undefined {
  return FIELD_BY_KEY.get(headerKey(header));
}
