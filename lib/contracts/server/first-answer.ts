import 'server-only';
import { allPlansQueryKey } from '@/lib/contracts/all-plans';
import { contractQueryKey } from '@/lib/contracts/contract-found';
import { contractsQueryKey } from '@/lib/contracts/query-key';
import type { UrlSearch } from '@/lib/contracts/url-search';
import { directoryQueryKey } from '@/lib/roster/directory-result';
import { searchDirectoryAs } from '@/lib/roster/server/directory-search';
import type { Actor } from '@/lib/schools/roles';
import { lookupAllPlansAs } from './all-plans-lookup';
import { lookupContractAs } from './contract-lookup';
import { lookupContractsAs } from './staff-lookup';

interface FirstAnswer {
  queryKey: readonly unknown[];
  queryFn: () => Promise<unknown>;
}

/**
 * The server's answer to the search a URL asks for, under the key the browser's screen asks for
 * it by: the contracts page renders it into its first HTML, and React Query in the browser starts
 * from it instead of asking again. Each is the same audited, limited lookup the screen's actions make.
 */
export function firstAnswer(
  search: Extract<UrlSearch, { ok: true }>,
  staff: Actor,
  clientIp: string | null,
): FirstAnswer {
  switch (search.kind) {
    case 'plan':
      return {
        queryKey: contractsQueryKey(search.query),
        queryFn: () => lookupContractsAs(staff, search.query, clientIp),
      };
    case 'contract':
      return {
        queryKey: contractQueryKey(search.query),
        queryFn: () => lookupContractAs(staff, search.query, clientIp),
      };
    case 'directory':
      return {
        queryKey: directoryQueryKey(search.query),
        queryFn: () => searchDirectoryAs(staff, search.query, clientIp),
      };
    case 'allPlans':
      return {
        queryKey: allPlansQueryKey(search.query),
        queryFn: () => lookupAllPlansAs(staff, search.query, clientIp),
      };
  }
}
