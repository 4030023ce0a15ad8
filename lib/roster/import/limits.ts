/** How large a roster file may be: a school of a few thousand pupils fits with room to spare. */
export const MAX_ROSTER_BYTES = 10 * 1024 * 1024;
export const MAX_ROSTER_ROWS = 20_000;
/** Past this many, the problems of a file are counted, not listed: the first ones show what to fix. */
export const MAX_LISTED_PROBLEMS = 100;

/** The longest value each column may hold (an openid: WeChat's are 28; 128 leaves room). */
export const MAX_LENGTH = {
  studentName: 64,
  openid: 128,
  studentNo: 32,
  className: 64,
  guardianName: 64,
  phone: 32,
} as const;
