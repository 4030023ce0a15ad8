import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { ContractsScreen } from '@/components/contracts/contracts-screen';
import { PageHeader } from '@/components/contracts/page-header';
import { SandboxBanner } from '@/components/contracts/sandbox-banner';
import { isSearchRequested, parseContractsQuery, searchParamsInput } from '@/lib/contracts/input';
import { contractsQueryKey } from '@/lib/contracts/query-key';
import { getQueryClient } from '@/lib/query-client';
import { isSandboxMode } from '@/lib/server/config';
import { lookupContracts } from '@/lib/server/contracts';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Opening a search URL renders its first page on the server: the rows are in the first HTML,
 * and React Query in the browser starts from the same answer instead of asking again.
 */
export default async function ContractsPage({ searchParams }: { searchParams: SearchParams }) {
  const input = searchParamsInput(await searchParams);
  const queryClient = getQueryClient();
  const requested = isSearchRequested(input);
  if (requested) {
    const parsed = parseContractsQuery(input);
    if (parsed.ok) {
      await queryClient.prefetchQuery({
        queryKey: contractsQueryKey(parsed.query),
        queryFn: () => lookupContracts(parsed.query),
      });
    }
  }
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-5 px-4 py-6 sm:px-6">
      <PageHeader />
      {isSandboxMode() && <SandboxBanner showDemos={!requested} />}
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ContractsScreen />
      </HydrationBoundary>
    </div>
  );
}
