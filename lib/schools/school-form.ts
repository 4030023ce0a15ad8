import type { SchoolIssue } from './names';

/**
 * The schools page's forms: which field a refusal belongs beside, and what every action answers
 * (in the admin's language, never a thrown error).
 */

export const SCHOOL_FORM_FIELDS = ['key', 'name', 'wechatSchoolId', 'planId'] as const;
export type SchoolFormField = (typeof SCHOOL_FORM_FIELDS)[number];

const FIELD_OF: Partial<Record<SchoolIssue, SchoolFormField>> = {
  key: 'key',
  keyTaken: 'key',
  schoolName: 'name',
  planName: 'name',
  planNameTaken: 'name',
  wechatSchoolId: 'wechatSchoolId',
  planId: 'planId',
  planTaken: 'planId',
};

/** The field a refusal is said beside; none for the form as a whole (not an admin, archived…). */
export function fieldOf(issue: SchoolIssue): SchoolFormField | undefined {
  return FIELD_OF[issue];
}

export type SchoolActionResult =
  | { ok: true; message: string }
  | {
      ok: false;
      error: string;
      field?: SchoolFormField;
      /** What was typed, kept for the form shown again (before hydration too). */
      values?: Partial<Record<SchoolFormField, string>>;
    };
