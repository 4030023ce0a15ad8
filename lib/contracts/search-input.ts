import * as v from 'valibot';
import { CONTRACTS_PATH } from '@/lib/paths';
import { readParams, type UrlParams, withParams } from '@/lib/url-state';
import { firstProblemPerField } from '@/lib/validation/field-problems';
import { plainObject, validate } from '@/lib/validation/validate';
import type messages from '@/messages/zh-CN.json';

/**
 * The one description of a contracts search. The URL parser, the search form and the server
 * action all validate through it, so a value the form accepts is a value the server accepts.
 *
 * Written with valibot because the search form and the URL parser take it to the browser: each
 * check is a function of its own, so the page carries only the checks these schemas use (zod's
 * classic API was 25.7 kB gzip of the page's first load, zod/mini still 13.3 kB, since Turbopack
 * kept zod's core modules whole). The other schemas the browser gets (lib/staff/account-input.ts,
 * lib/audit/filter.ts) are written with it too.
 */

export const CONTRACT_STATUSES = ['ALL', 'ADD', 'DELETE'] as const;
export const PAGE_SIZES = [10, 20, 40] as const;
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 40;
/** What WeChat's openids and plan ids are made of; anything else is a typo or a paste accident. */
export const SEARCH_ID_PATTERN = /^[A-Za-z0-9_-]+$/;
export const PLAN_ID_MAX = 32;

/**
 * What is wrong with a search, as a key of `validation` in the messages. The schema speaks no
 * language: the form and the page translate the key where they show it, in the reader's language.
 */
export type ContractsIssue = keyof (typeof messages)['validation'];
/** A message key, checked against the messages. */
const issue = (key: ContractsIssue) => key;

/** Whole numbers (safe integers) given as numbers, or as strings of digits (from a URL), nothing looser. */
const wholeNumber = (key: ContractsIssue) =>
  v.pipe(
    v.union([v.number(key), v.pipe(v.string(key), v.regex(/^\d{1,9}$/, key), v.transform(Number))], key),
    v.safeInteger(key),
  );

/** A 签约协议号 lands in a URL path like an openid: held to the same strictness. */
export const CONTRACT_ID_MAX = 64;
/** What a directory search may be: a name, pinyin, a student number, phone digits. */
export const DIRECTORY_TEXT_MAX = 64;

/** A required id, trimmed: missing or blank, too long, or not of id characters, each with its message. */
const idSchema = (max: number, required: ContractsIssue, tooLong: ContractsIssue, format: ContractsIssue) =>
  v.pipe(
    v.string(required),
    v.trim(),
    v.minLength(1, required),
    v.maxLength(max, tooLong),
    v.regex(SEARCH_ID_PATTERN, format),
  );

const openidSchema = idSchema(128, 'openidRequired', 'openidTooLong', 'openidFormat');

const statusSchema = v.optional(v.picklist(CONTRACT_STATUSES, issue('status')), 'ALL');

/** A school key as the school picker writes it; the server decides what it may reach. */
const schoolSchema = v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(64)));

const limitSchema = v.optional(
  v.pipe(wholeNumber('limit'), v.minValue(1, issue('limit')), v.maxValue(MAX_LIMIT, issue('limit'))),
  DEFAULT_LIMIT,
);

export const contractsQuerySchema = v.pipe(
  plainObject({
    openid: openidSchema,
    plan_id: idSchema(PLAN_ID_MAX, 'planIdRequired', 'planIdTooLong', 'planIdFormat'),
    contract_status: statusSchema,
    limit: limitSchema,
    offset: v.optional(v.pipe(wholeNumber('offset'), v.minValue(0, issue('offset'))), 0),
  }),
  // Judged only once the limit itself is valid: a refused limit is one message, not two.
  v.forward(
    v.check((query) => !(query.limit >= 1) || query.offset % query.limit === 0, issue('offsetMultiple')),
    ['offset'],
  ),
);

export type ContractsQuery = v.InferOutput<typeof contractsQuerySchema>;
export type ContractsQueryField = keyof ContractsQuery;
export type FieldErrors = Partial<Record<ContractsQueryField, ContractsIssue>>;

export type QueryParse = { ok: true; query: ContractsQuery } | { ok: false; fieldErrors: FieldErrors };

/** Validates anything (form values, action arguments, URL values) into a search or per-field issues. */
export function parseContractsQuery(input: unknown): QueryParse {
  const result = validate(contractsQuerySchema, input);
  if (result.success) return { ok: true, query: result.data };
  return { ok: false, fieldErrors: firstProblemPerField(result.problems) };
}

/**
 * A parent in every plan of one school (issue 12): the first page of each plan, with the status
 * filter applying to all. Which school is the server's to decide from the clerk's reach and the
 * school asked for (`school`, a school key, as the school picker writes it).
 */
export const allPlansQuerySchema = plainObject({
  openid: openidSchema,
  contract_status: statusSchema,
  limit: limitSchema,
  school: schoolSchema,
});
export type AllPlansQuery = v.InferOutput<typeof allPlansQuerySchema>;

/** One contract by its 签约协议号 (WeChat's contract_id). */
export const contractIdQuerySchema = plainObject({
  contract_id: idSchema(CONTRACT_ID_MAX, 'contractIdRequired', 'contractIdTooLong', 'contractIdFormat'),
});
export type ContractIdQuery = v.InferOutput<typeof contractIdQuerySchema>;

/** A search of the parent directory (家长名册) of the clerk's schools, or of the school asked for. */
export const directoryQuerySchema = plainObject({
  q: v.pipe(
    v.string(issue('directoryTextRequired')),
    v.trim(),
    v.minLength(1, issue('directoryTextRequired')),
    v.maxLength(DIRECTORY_TEXT_MAX, issue('directoryTextTooLong')),
  ),
  school: schoolSchema,
});
export type DirectoryQuery = v.InferOutput<typeof directoryQuerySchema>;

/** What a URL on the contracts page asks for: which of the four searches, by the fields it has. */
export type SearchKind = 'plan' | 'allPlans' | 'contract' | 'directory';

export function searchKindOf(input: Record<string, string>): SearchKind | null {
  if (input.contract_id !== undefined) return 'contract';
  if (input.q !== undefined) return 'directory';
  if (input.plan_id !== undefined) return 'plan';
  if (input.openid !== undefined) return 'allPlans';
  return null;
}

/** The search's fields as the URL names them. */
const SEARCH_FIELDS = ['openid', 'plan_id', 'contract_status', 'limit', 'offset', 'contract_id', 'q'] as const;

/** Picks our fields out of a URL's search params; absent and empty values count as not given. */
export function searchParamsInput(params: UrlParams): Record<string, string> {
  return readParams(params, SEARCH_FIELDS);
}

/** Whether the URL asks for a search at all (a first visit has none of the search fields). */
export function isSearchRequested(input: Record<string, string>): boolean {
  return searchKindOf(input) !== null;
}

/** The contracts page showing a search, fields in a fixed order so equal searches share a URL. */
export function searchPath(query: ContractsQuery): string {
  return withParams(CONTRACTS_PATH, searchValues(query));
}

function searchValues(query: ContractsQuery) {
  return {
    openid: query.openid,
    plan_id: query.plan_id,
    contract_status: query.contract_status,
    offset: query.offset,
    limit: query.limit,
  };
}

/** A parent in every plan of a school (the chosen one when `school` is not given). */
export function allPlansHref(openid: string, status = 'ALL', school?: string, limit = DEFAULT_LIMIT): string {
  return withParams(CONTRACTS_PATH, {
    openid,
    contract_status: status === 'ALL' ? undefined : status,
    limit: limit === DEFAULT_LIMIT ? undefined : limit,
    school,
  });
}

/** One contract by its 签约协议号. */
export function contractHref(contractId: string): string {
  return withParams(CONTRACTS_PATH, { contract_id: contractId });
}

/** The parent directory searched for `text`. */
export function directoryHref(text: string, school?: string): string {
  return withParams(CONTRACTS_PATH, { q: text, school });
}

/** A link to the first page of a search, with the default status filter unless another is given. */
export function contractsHref(openid: string, planId: string, status = 'ALL'): string {
  return withParams(CONTRACTS_PATH, {
    openid,
    plan_id: planId,
    contract_status: status === 'ALL' ? undefined : status,
  });
}
