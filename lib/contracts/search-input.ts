import { z } from 'zod';
import { CONTRACTS_PATH } from '@/lib/paths';
import { readParams, type UrlParams, withParams } from '@/lib/url-state';
import { firstProblemPerField } from '@/lib/validation/field-problems';
import type messages from '@/messages/zh-CN.json';

/**
 * The one description of a contracts search. The URL parser, the search form and the server
 * action all validate through it, so a value the form accepts is a value the server accepts.
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
  z
    .union(
      [
        z.number(),
        z
          .string()
          .regex(/^\d{1,9}$/, issue(key))
          .transform(Number),
      ],
      issue(key),
    )
    .pipe(z.number(issue(key)).int(issue(key)));

export const contractsQuerySchema = z
  .object({
    openid: z
      .string(issue('openidRequired'))
      .trim()
      .min(1, issue('openidRequired'))
      .max(128, issue('openidTooLong'))
      .regex(SEARCH_ID_PATTERN, issue('openidFormat')),
    plan_id: z
      .string(issue('planIdRequired'))
      .trim()
      .min(1, issue('planIdRequired'))
      .max(PLAN_ID_MAX, issue('planIdTooLong'))
      .regex(SEARCH_ID_PATTERN, issue('planIdFormat')),
    contract_status: z.enum(CONTRACT_STATUSES, issue('status')).default('ALL'),
    limit: wholeNumber('limit')
      .pipe(z.number().min(1, issue('limit')).max(MAX_LIMIT, issue('limit')))
      .default(DEFAULT_LIMIT),
    offset: wholeNumber('offset')
      .pipe(z.number().min(0, issue('offset')))
      .default(0),
  })
  // Judged only once the limit itself is valid: a refused limit is one message, not two.
  .refine((query) => !(query.limit >= 1) || query.offset % query.limit === 0, {
    ...issue('offsetMultiple'),
    path: ['offset'],
  });

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

/** The search's fields as the URL names them. */
const SEARCH_FIELDS = ['openid', 'plan_id', 'contract_status', 'limit', 'offset'] as const;

/** Picks our fields out of a URL's search params; absent and empty values count as not given. */
export function searchParamsInput(params: UrlParams): Record<string, string> {
  return readParams(params, SEARCH_FIELDS);
}

/** Whether the URL asks for a search at all (a first visit has neither openid nor plan). */
export function isSearchRequested(input: Record<string, string>): boolean {
  return input.openid !== undefined || input.plan_id !== undefined;
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

/** A link to the first page of a search, with the default status filter unless another is given. */
export function contractsHref(openid: string, planId: string, status = 'ALL'): string {
  return withParams(CONTRACTS_PATH, {
    openid,
    plan_id: planId,
    contract_status: status === 'ALL' ? undefined : status,
  });
}
