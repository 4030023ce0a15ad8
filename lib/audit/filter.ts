import * as v from 'valibot';
import type { AuditFilter } from '@/lib/audit/record';
import { SCHOOL_KEY_PATTERN } from '@/lib/schools/names';
import { beijingDayRange, isIsoDate } from '@/lib/time/beijing';
import { readParams, type UrlParams, withParams, writeParams } from '@/lib/url-state';
import { firstProblemPerField } from '@/lib/validation/field-problems';
import { validate } from '@/lib/validation/validate';
import type messages from '@/messages/zh-CN.json';

/**
 * The audit page's filters, as the URL carries them (?username=&openid=&from=&to=&school=&page=). The
 * page, the pagination links and the CSV export all read them through this one schema.
 */

export const AUDIT_PAGE_SIZE = 50;
export const MAX_AUDIT_PAGE = 1_000_000;
export const AUDIT_SEARCH_FIELDS = ['username', 'openid', 'from', 'to', 'school', 'page'] as const;
export type AuditSearchField = (typeof AUDIT_SEARCH_FIELDS)[number];

/** What is wrong with a filter, as a key of `audit.validation` in the messages (translated where shown). */
export type AuditIssue = Exclude<keyof (typeof messages)['audit']['validation'], 'invalid'>;
/** A message key, checked against the messages. */
const issue = (key: AuditIssue) => key;

/** Optional text: trimmed, and blank counts as not given. */
const blankAsAbsent = v.transform((value: string) => value || undefined);

const optionalText = (max: number, key: AuditIssue) =>
  v.optional(v.pipe(v.string(issue(key)), v.trim(), v.maxLength(max, issue(key)), blankAsAbsent));

const optionalDate = v.optional(
  v.pipe(
    v.string(issue('date')),
    v.trim(),
    v.check((value) => value === '' || isIsoDate(value), issue('date')),
    blankAsAbsent,
  ),
);

export const auditSearchSchema = v.pipe(
  v.object({
    username: optionalText(64, 'staff'),
    openid: optionalText(200, 'openid'),
    from: optionalDate,
    to: optionalDate,
    school: v.pipe(
      optionalText(32, 'school'),
      v.check((key) => key === undefined || SCHOOL_KEY_PATTERN.test(key), issue('school')),
    ),
    // The default is the URL's text for page 1: valibot judges a default like a given value.
    page: v.optional(
      v.pipe(
        v.string(issue('page')),
        v.regex(/^\d{1,7}$/, issue('page')),
        v.transform(Number),
        v.minValue(1, issue('page')),
        v.maxValue(MAX_AUDIT_PAGE, issue('page')),
      ),
      '1',
    ),
  }),
  // Judged only between two real dates: a refused date is one message, not two.
  v.forward(
    v.check(({ from, to }) => !from || !to || !isIsoDate(from) || !isIsoDate(to) || from <= to, issue('range')),
    ['to'],
  ),
);

export type AuditSearch = v.InferOutput<typeof auditSearchSchema>;
export type AuditFieldErrors = Partial<Record<AuditSearchField, AuditIssue>>;
export type AuditSearchParse = { ok: true; search: AuditSearch } | { ok: false; fieldErrors: AuditFieldErrors };

/** Our fields out of a URL's search params (the first of repeated ones); empty values are not given. */
export function auditSearchInput(params: UrlParams): Record<string, string> {
  return readParams(params, AUDIT_SEARCH_FIELDS);
}

/** Validates the URL's filters into a search, or one issue per refused field. */
export function parseAuditSearch(input: Record<string, string>): AuditSearchParse {
  const result = validate(auditSearchSchema, input);
  if (result.success) return { ok: true, search: result.data };
  return { ok: false, fieldErrors: firstProblemPerField(result.problems) };
}

/**
 * The database filter: Beijing days become epoch bounds (from inclusive, to exclusive). The school
 * asked for is not in it: which schools a reader sees is the page's to decide (auditSchools).
 */
export function toAuditFilter(search: AuditSearch): AuditFilter {
  return { username: search.username, openid: search.openid, ...beijingDayRange(search.from, search.to) };
}

/** Which rows a page holds. */
export function auditPageWindow(page: number): { offset: number; limit: number } {
  return { offset: (page - 1) * AUDIT_PAGE_SIZE, limit: AUDIT_PAGE_SIZE };
}

/** The filters as URL values, in a fixed order, the page only when past the first. */
function auditParams(search: AuditSearch, page: number) {
  const { username, openid, from, to, school } = search;
  return { username, openid, from, to, school, page: page > 1 ? page : undefined };
}

/** The URL search string of the filters (fields in a fixed order, page only when past the first). */
export function auditSearchString(search: AuditSearch, page = search.page): string {
  return writeParams(auditParams(search, page));
}

/** A path with the filters, e.g. auditHref('/admin/audit/export', search, 1). */
export function auditHref(path: string, search: AuditSearch, page = search.page): string {
  return withParams(path, auditParams(search, page));
}

/** Whether any filter (other than the page) narrows the records. */
export function isFiltered(search: AuditSearch): boolean {
  return Boolean(search.username || search.openid || search.from || search.to || search.school);
}
