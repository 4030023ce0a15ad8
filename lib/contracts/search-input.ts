import * as z from 'zod/mini';
import { CONTRACTS_PATH } from '@/lib/paths';
import { readParams, type UrlParams, withParams } from '@/lib/url-state';
import { firstProblemPerField } from '@/lib/validation/field-problems';
import type messages from '@/messages/zh-CN.json';

/**
 * The one description of a contracts search. The URL parser, the search form and the server
 * action all validate through it, so a value the form accepts is a value the server accepts.
 *
 * Written with zod's functional API (zod/mini) because the search form and the URL parser take it
 * to the browser: schemas built with methods (`z.string().min()`) carry every method's code, used or
 * not (zod's classic API was 25.7 kB gzip of the page's first load). Same checks, same issues; the
 * other schemas the browser gets (lib/staff/account-input.ts, lib/audit/filter.ts) are written
 * the same way, since zod's core is one chunk shared by every page and keeps what any page uses.
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
const issue = (key: ContractsIssue) => ({ error: key });

/** Whole numbers given as numbers, or as strings of digits (from a URL), nothing looser. */
const wholeNumber = (key: ContractsIssue) =>
  z.pipe(
    z.union([z.number(), z.pipe(z.string().check(z.regex(/^\d{1,9}$/, issue(key))), z.transform(Number))], issue(key)),
    z.number(issue(key)).check(z.int(issue(key))),
  );

/** A 签约协议号 lands in a URL path like an openid: held to the same strictness. */
export const CONTRACT_ID_MAX = 64;
/** What a directory search may be: a name, pinyin, a student number, phone digits. */
export const DIRECTORY_TEXT_MAX = 64;

const openidSchema = z
  .string(issue('openidRequired'))
  .check(
    z.trim(),
    z.minLength(1, issue('openidRequired')),
    z.maxLength(128, issue('openidTooLong')),
    z.regex(SEARCH_ID_PATTERN, issue('openidFormat')),
  );

const statusSchema = z._default(z.enum(CONTRACT_STATUSES, issue('status')), 'ALL');

/** A school key as the school picker writes it; the server decides what it may reach. */
const schoolSchema = z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(64)));

const limitSchema = z._default(
  z.pipe(wholeNumber('limit'), z.number().check(z.gte(1, issue('limit')), z.lte(MAX_LIMIT, issue('limit')))),
  DEFAULT_LIMIT,
);

export const contractsQuerySchema = z
  .object({
    openid: openidSchema,
    plan_id: z
      .string(issue('planIdRequired'))
      .check(
        z.trim(),
        z.minLength(1, issue('planIdRequired')),
        z.maxLength(PLAN_ID_MAX, issue('planIdTooLong')),
        z.regex(SEARCH_ID_PATTERN, issue('planIdFormat')),
      ),
    contract_status: statusSchema,
    limit: limitSchema,
    offset: z._default(z.pipe(wholeNumber('offset'), z.number().check(z.gte(0, issue('offset')))), 0),
  })
  // Judged only once the limit itself is valid: a refused limit is one message, not two.
  .check(
    z.refine((query) => !(query.limit >= 1) || query.offset % query.limit === 0, {
      ...issue('offsetMultiple'),
      path: ['offset'],
    }),
  );

export type ContractsQuery = z.output<typeof contractsQuerySchema>;
export type ContractsQueryField = keyof ContractsQuery;
export type FieldErrors = Partial<Record<ContractsQueryField, ContractsIssue>>;

export type QueryParse = { ok: true; query: ContractsQuery } | { ok: false; fieldErrors: FieldErrors };

/** Validates anything (form values, action arguments, URL values) into a search or per-field issues. */
export function parseContractsQuery(input: unknown): QueryParse {
  const result = contractsQuerySchema.safeParse(input);
  if (result.success) return { ok: true, query: result.data };
  return { ok: false, fieldErrors: firstProblemPerField(result.error.issues) };
}

/**
 * A parent in every plan of one school (issue 12): the first page of each plan, with the status
 * filter applying to all. Which school is the server's to decide from the clerk's reach and the
 * school asked for (`school`, a school key, as the school picker writes it).
 */
export const allPlansQuerySchema = z.object({
  openid: openidSchema,
  contract_status: statusSchema,
  limit: limitSchema,
  school: schoolSchema,
});
export type AllPlansQuery = z.output<typeof allPlansQuerySchema>;

/** One contract by its 签约协议号 (WeChat's contract_id). */
export const contractIdQuerySchema = z.object({
  contract_id: z
    .string(issue('contractIdRequired'))
    .check(
      z.trim(),
      z.minLength(1, issue('contractIdRequired')),
      z.maxLength(CONTRACT_ID_MAX, issue('contractIdTooLong')),
      z.regex(SEARCH_ID_PATTERN, issue('contractIdFormat')),
    ),
});
export type ContractIdQuery = z.output<typeof contractIdQuerySchema>;

/** A search of the parent directory (家长名册) of the clerk's schools, or of the school asked for. */
export const directoryQuerySchema = z.object({
  q: z
    .string(issue('directoryTextRequired'))
    .check(
      z.trim(),
      z.minLength(1, issue('directoryTextRequired')),
      z.maxLength(DIRECTORY_TEXT_MAX, issue('directoryTextTooLong')),
    ),
  school: schoolSchema,
});
export type DirectoryQuery = z.output<typeof directoryQuerySchema>;

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
