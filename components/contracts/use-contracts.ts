'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { contractsQueryKey } from '@/lib/contracts/query-key';
import type { ContractsQuery } from '@/lib/contracts/search-input';
import { queryContracts } from '@/lib/contracts/server/actions';

/**
 * One cache entry per search: an older, slower answer lands in its own entry and never replaces
 * the one on screen; the previous page stays visible while the next one loads. A lookup's own
 * failures come back as values (LookupResult); the query errs only when the server gave no answer.
 */
export function useContracts(query: ContractsQuery) {
  return useQuery({
    queryKey: contractsQueryKey(query),
    queryFn: () => queryContracts(query),
    placeholderData: keepPreviousData,
  });
}
