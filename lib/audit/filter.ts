import { z } from 'zod';
import type { AuditFilter } from '@/lib/audit/server/store';
import { SCHOOL_KEY_PATTERN } from '@/lib/schools/names';
import { beijingDayRange, isIsoDate } from '@/lib/time/beijing';
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
const issue = (key: AuditIssue) => ({ error: key });

/** Optional text: trimmed, and blank counts as not given. */
const optionalText = (max: number, key: AuditIssue) =>
  z
    .string()
    .trim()
    .max(max, issue(key))
    .transform((value) => value || undefined)
    .optional();

const optionalDate = z
  .string()
  .trim()
  .refine((value) => value === '' || isIsoDate(value), issue('date'))
  .transform((value) => value || undefined)
  .optional();

export const auditSearchSchema = z
  .object({
    username: optionalText(64, 'staff'),
    openid: optionalText(200, 'openid'),
    from: optionalDate,
    to: optionalDate,
    school: optionalText(32, 'school').refine(
      (key) => key === undefined || SCHOOL_KEY_PATTERN.test(key),
      issue('school'),
    ),
    page: z
      .string()
      .regex(/^\d{1,7}$/, issue('page'))
      .transform(Number)
      .pipe(z.number().min(1, issue('page')).max(MAX_AUDIT_PAGE, issue('page')))
      .default(1),
  })
  // Judged only between two real dates: a refused date is one message, not two.
  .refine(({ from, to }) => !from || !to || !isIsoDate(from) || !isIsoDate(to) || from <= to, {
    ...issue('range'),
    path: ['to'],
  });

export type AuditSearch = z.output<typeof auditSearchSchema>;
export type AuditFieldErrors = Partial<Record<AuditSearchField, AuditIssue>>;
export type AuditSearchParse = { ok: true; search: AuditSearch } | { ok: false; fieldErrors: AuditFieldErrors };

type SearchParamsRecord = Record<string, string | string[] | undefined>;

/** Our fields out of a URL's search params (the first of repeated ones); empty values are not given. */
export function auditSearchInput(params: SearchParamsRecord | URLSearchParams): Record<string, string> {
  const input: Record<string, string> = {};
  for (const field of AUDIT_SEARCH_FIELDS) {
    const raw = params instanceof URLSearchParams ? params.get(field) : params[field];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined && value !== null && value !== '') input[field] = value;
  }
  return input;
}

/** Validates the URL's filters into a search, or one issue per refused field. */
export function parseAuditSearch(input: Record<string, string>): AuditSearchParse {
  const result = auditSearchSchema.safeParse(input);
  if (result.success) return { ok: true, search: result.data };
  const fieldErrors: AuditFieldErrors = {};
  for (const problem of result.error.issues) {
    const field = problem.path[0] as AuditSearchField | undefined;
    if (field && !fieldErrors[field]) fieldErrors[field] = problem.message as AuditIssue;
  }
  return { ok: false, fieldErrors };
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

/** The URL search string of the filters (fields in a fixed order, page only when past the first). */
export function auditSearchString(search: AuditSearch, page = search.page): string {
  const params = new URLSearchParams();
  for (const field of ['username', 'openid', 'from', 'to', 'school'] as const) {
    const value = search[field];
    if (value) params.set(field, value);
  }
  if (page > 1) params.set('page', String(page));
  return params.toString();
}

/** A path with the filters, e.g. auditHref('/admin/audit/export', search, 1). */
export function auditHref(path: string, search: AuditSearch, page = search.page): string {
  const query = auditSearchString(search, page);
  return query ? `${path}?${query}` : path;
}

/** Whether any filter (other than the page) narrows the records. */
export function isFiltered(search: AuditSearch): boolean {
  return Boolean(search.username || search.openid || search.from || search.to || search.school);
}
