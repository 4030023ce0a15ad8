import { validate } from '@/lib/validation/validate';
import { type FindErrors, findErrorsOf } from './find-text';
import {
  type AllPlansQuery,
  allPlansQuerySchema,
  type ContractIdQuery,
  type ContractsIssue,
  type ContractsQuery,
  contractIdQuerySchema,
  contractsQuerySchema,
  type DirectoryQuery,
  directoryQuerySchema,
  type SearchKind,
  searchKindOf,
} from './search-input';

/** The search a contracts page URL asks for, validated by its kind's schema. */
export type UrlSearch =
  | { ok: true; kind: 'plan'; query: ContractsQuery }
  | { ok: true; kind: 'allPlans'; query: AllPlansQuery }
  | { ok: true; kind: 'contract'; query: ContractIdQuery }
  | { ok: true; kind: 'directory'; query: DirectoryQuery }
  | { ok: false; kind: SearchKind; errors: FindErrors; offset?: ContractsIssue };

/** The field of each kind that the form's first field stands for. */
const SEARCHED = { plan: 'openid', allPlans: 'openid', contract: 'contract_id', directory: 'q' } as const;

const SCHEMAS = {
  plan: contractsQuerySchema,
  allPlans: allPlansQuerySchema,
  contract: contractIdQuerySchema,
  directory: directoryQuerySchema,
} as const;

/**
 * The URL's search (its fields as searchParamsInput reads them, and the school chosen on the page),
 * or null when it asks for none. Refused values come back by the form's fields, so the form shows
 * each beside its field; a refused offset has no field and is said with the page's message.
 */
export function parseUrlSearch(input: Record<string, string>, school?: string): UrlSearch | null {
  const kind = searchKindOf(input);
  if (kind === null) return null;
  const parsed = validate(SCHEMAS[kind], { ...input, school });
  if (parsed.success) return { ok: true, kind, query: parsed.data } as UrlSearch;
  const offset = parsed.problems.find((problem) => problem.path[0] === 'offset')?.message as ContractsIssue | undefined;
  return { ok: false, kind, errors: findErrorsOf(parsed.problems, SEARCHED[kind]), offset };
}
