import type { ContractsQuery } from './search-input';

/** One cache entry per validated search, on the server (prefetch) and in the browser alike. */
export function contractsQueryKey(query: ContractsQuery) {
  return ['contracts', query] as const;
}
