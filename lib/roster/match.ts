/**
 * A parent found in the directory, as staff may see it: the phone masked (lib/roster/mask-phone.ts),
 * and the openid that opens their contracts in every plan of the school.
 */
export interface RosterMatch {
  /** The row's id: a key for the list, nothing more. */
  id: number;
  studentName: string;
  studentNo: string | null;
  className: string | null;
  guardianName: string | null;
  /** 138****5678; null when the roster has no phone. */
  phone: string | null;
  openid: string;
  schoolKey: string;
  schoolName: string;
}

/** The matches of a search; `more` when there were more than the limit (the clerk types more). */
export interface RosterSearch {
  matches: RosterMatch[];
  more: boolean;
}

/** Matches one directory search shows at most: a clerk narrows a longer list by typing more. */
export const DIRECTORY_LIMIT = 50;
