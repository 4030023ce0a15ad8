import type { LookupErrorKind } from '@/lib/contracts/failure';
import type { DirectoryQuery } from '@/lib/contracts/search-input';
import type { RosterSearch } from './match';

/** Why a directory search was refused, in the words lookups already use (messages `errors.*`). */
export type DirectoryErrorKind = Extract<
  LookupErrorKind,
  'unauthenticated' | 'staff_rate_limited' | 'out_of_scope' | 'no_school' | 'invalid_input' | 'internal'
>;

/**
 * A directory search's answer: the matches (phones masked), and whether the clerk searched several
 * schools (the list then names each match's school); or why nothing was searched.
 */
export type DirectoryResult =
  | ({ ok: true; severalSchools: boolean } & RosterSearch)
  | { ok: false; error: { kind: DirectoryErrorKind } };

/** One cache entry per text and school, on the server (prefetch) and in the browser alike. */
export function directoryQueryKey(query: DirectoryQuery) {
  return ['directory', query.q, query.school ?? null] as const;
}
