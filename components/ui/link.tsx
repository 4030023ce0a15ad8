// biome-ignore lint/style/noRestrictedImports: the one place next/link is used, to set its prefetch once.
import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * next/link that does not prefetch. Every page here is rendered per request (the session, the
 * clerk's schools), so Next.js's viewport prefetch asked the server for each visible link's route
 * after every page view: 13 requests after one view of a search, which doubled the server's CPU for
 * that view (about 80 to 160 ms), for pages a clerk seldom opens next. A click still navigates
 * without reloading the page; it asks the server then.
 */
export function Link(props: Omit<ComponentProps<typeof NextLink>, 'prefetch'>) {
  return <NextLink {...props} prefetch={false} />;
}
