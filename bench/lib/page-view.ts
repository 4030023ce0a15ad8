import type { Browser } from 'playwright-core';
import { DEMO_SEARCH } from './demo';
import type { NextServer } from './next-server';
import type { SignedIn } from './session';

export interface PageViewCost {
  views: number;
  /** The server's CPU per view, from the navigation until the page has been quiet for a second, ms. */
  cpuMsPerView: number;
  /** Requests per view other than the build's static files (which the browser keeps), e.g. prefetches. */
  requestsPerView: number;
}

/**
 * What one view of the demo search costs the server, with everything the open page asks for after
 * it (a link prefetching its page is a request the server renders), as a returning clerk's browser
 * makes it: one tab, the HTTP cache on. Views one after another, after one unmeasured.
 */
export async function measurePageView(
  browser: Browser,
  signedIn: SignedIn,
  server: NextServer,
  views = 10,
): Promise<PageViewCost> {
  const context = await browser.newContext({ storageState: signedIn });
  try {
    const page = await context.newPage();
    let requests = 0;
    page.on('request', (request) => {
      if (!new URL(request.url()).pathname.startsWith('/_next/static/')) requests += 1;
    });
    const view = async () => {
      await page.goto(`${server.url}${DEMO_SEARCH}`, { waitUntil: 'networkidle' });
      await page.waitForTimeout(1_000);
    };
    await view();
    requests = 0;
    const cpuBefore = server.cpuMs();
    for (let i = 0; i < views; i += 1) await view();
    return { views, cpuMsPerView: (server.cpuMs() - cpuBefore) / views, requestsPerView: requests / views };
  } finally {
    await context.close();
  }
}
