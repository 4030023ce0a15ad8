/**
 * One row of a school's parent directory (家长名册), as imported from the roster the school's own
 * system exports: a student and one guardian's WeChat openid. Several rows may share a student
 * (two guardians). Everything is text as the school wrote it (a 学号 keeps its leading zeros).
 */
export interface RosterEntry {
  studentName: string;
  openid: string;
  studentNo: string | null;
  className: string | null;
  guardianName: string | null;
  phone: string | null;
}
