import { CONTRACTS_PATH } from '@/lib/paths';
import { withParams } from '@/lib/url-state';
import { firstProblemPerField } from '@/lib/validation/field-problems';
import { validate } from '@/lib/validation/validate';
import {
  allPlansHref,
  allPlansQuerySchema,
  type ContractsIssue,
  contractHref,
  contractIdQuerySchema,
  contractsQuerySchema,
  directoryHref,
  directoryQuerySchema,
  searchPath,
} from './search-input';

/**
 * The search form's first field takes whatever the parent gave: an openid copied from another
 * system, a 签约协议号 read from a WeChat notice, or what they say (a child's name, its pinyin, a
 * student number, a phone's last four digits). Which one it is follows from its shape alone, the
 * same in the form and on the server (a plain GET of the form before its script has loaded).
 */
export type FindKind = 'openid' | 'contract' | 'directory';

/** WeChat's contract ids are long runs of digits; a phone (11) or a student number is shorter. */
const CONTRACT_DIGITS = /^\d{16,}$/;
/**
 * An openid: o and at least 19 more characters of plain ASCII (real ones are 28), or a shorter id
 * of o and id characters that a name never has (capitals, digits, _ or -): pinyin is typed in
 * lower case.
 */
const OPENID_SHAPE = /^o[\x21-\x7e]{19,}$/;
const SHORT_OPENID_SHAPE = /^o(?=.*[A-Z0-9_-])[A-Za-z0-9_-]{9,}$/;

/**
 * What the text is taken for, or null when there is nothing to search. Spaces inside do not change
 * the kind (an id pasted with a stray space is still that id, and is then refused as malformed
 * rather than searched for as a name).
 */
export function findKindOf(text: string): FindKind | null {
  const compact = text.replace(/\s+/g, '');
  if (compact === '') return null;
  if (CONTRACT_DIGITS.test(compact)) return 'contract';
  if (OPENID_SHAPE.test(compact) || SHORT_OPENID_SHAPE.test(compact)) return 'openid';
  return 'directory';
}

/** The search form's values, as typed. */
export interface FindDraft {
  find: string;
  plan_id: string;
  contract_status: string;
  limit: string;
  /** The school chosen on the page (its key), for the searches that cover a school. */
  school?: string;
  /**
   * What the text was taken for by the search on screen, kept while the text is unchanged: an id
   * that reads otherwise (a sandbox demo id, an unusual openid) stays what it was searched as.
   */
  kind?: FindKind;
}

/** What a contracts URL's search took its first field for, if it has one. */
export function urlFindKind(input: Record<string, string>): FindKind | undefined {
  if (input.contract_id !== undefined) return 'contract';
  if (input.q !== undefined) return 'directory';
  if (input.openid !== undefined) return 'openid';
  return undefined;
}

/** What is wrong, by the form's field: the first field takes the openid's, contract's or text's problems. */
export type FindErrors = Partial<Record<'find' | 'plan_id' | 'contract_status' | 'limit', ContractsIssue>>;

/**
 * Where the form leads, or what is wrong with it and the page that shows so: the values as typed
 * in the fields of their kind, which the page refuses beside the same fields (a plain GET of the
 * form goes there).
 */
export type FindTarget = { ok: true; kind: FindKind; path: string } | { ok: false; errors: FindErrors; path: string };

type Issues = readonly { path: readonly PropertyKey[]; message: string }[];

/** Problems keyed by the form's fields: the searched field's (openid, contract_id, q) become the first field's. */
export function findErrorsOf(issues: Issues, searched: string): FindErrors {
  const byField = firstProblemPerField<string, ContractsIssue>(issues);
  const errors: FindErrors = {};
  for (const [field, problem] of Object.entries(byField)) {
    const name = field === searched ? 'find' : field;
    if (name === 'find' || name === 'plan_id' || name === 'contract_status' || name === 'limit') {
      errors[name] ??= problem;
    }
  }
  return errors;
}

/** The values as typed, in the URL fields of their kind. */
function asTypedPath(kind: FindKind | null, draft: FindDraft): string {
  const { find, plan_id, contract_status, limit, school } = draft;
  if (kind === 'contract') return withParams(CONTRACTS_PATH, { contract_id: find });
  if (kind === 'directory') return withParams(CONTRACTS_PATH, { q: find, school });
  if (kind === 'openid') return withParams(CONTRACTS_PATH, { openid: find, plan_id, contract_status, limit, school });
  return CONTRACTS_PATH;
}

const refused = (issues: Issues, searched: string, kind: FindKind, draft: FindDraft): FindTarget => ({
  ok: false,
  errors: findErrorsOf(issues, searched),
  path: asTypedPath(kind, draft),
});

/**
 * Where the form leads: an openid with a plan to that plan's first page, an openid alone to every
 * plan of the school, a contract number to that contract, anything else to the parent directory.
 * The plan, status and page size matter to the openid searches only.
 */
export function findTarget(draft: FindDraft): FindTarget {
  const kind = findKindOf(draft.find) === null ? null : (draft.kind ?? findKindOf(draft.find));
  if (kind === null) return { ok: false, errors: { find: 'findRequired' }, path: asTypedPath(kind, draft) };
  if (kind === 'contract') {
    const parsed = validate(contractIdQuerySchema, { contract_id: draft.find });
    if (!parsed.success) return refused(parsed.problems, 'contract_id', kind, draft);
    return { ok: true, kind, path: contractHref(parsed.data.contract_id) };
  }
  if (kind === 'directory') {
    const parsed = validate(directoryQuerySchema, { q: draft.find, school: draft.school });
    if (!parsed.success) return refused(parsed.problems, 'q', kind, draft);
    return { ok: true, kind, path: directoryHref(parsed.data.q, parsed.data.school) };
  }
  const common = { openid: draft.find, contract_status: draft.contract_status, limit: draft.limit };
  if (draft.plan_id.trim() !== '') {
    const parsed = validate(contractsQuerySchema, { ...common, plan_id: draft.plan_id, offset: 0 });
    if (!parsed.success) return refused(parsed.problems, 'openid', kind, draft);
    return { ok: true, kind, path: searchPath(parsed.data) };
  }
  const parsed = validate(allPlansQuerySchema, { ...common, school: draft.school });
  if (!parsed.success) return refused(parsed.problems, 'openid', kind, draft);
  const { openid, contract_status, school, limit } = parsed.data;
  return { ok: true, kind, path: allPlansHref(openid, contract_status, school, limit) };
}
