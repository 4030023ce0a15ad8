import { QueryClient } from '@tanstack/react-query';

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A page rendered on the server must not be fetched again as soon as it hydrates; and a
        // lookup is an audited call to WeChat, so it is not repeated behind the clerk's back.
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        // Failures come back as values (LookupResult), so there is nothing for React Query to retry.
        retry: false,
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

/** A fresh client per server request (no data shared between users); one for the browser's life. */
export function getQueryClient(): QueryClient {
  if (typeof window === 'undefined') return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}
