import { type NextRequest, NextResponse } from 'next/server';
import { contentSecurityPolicy, makeNonce } from '@/lib/server/content-security-policy';
import { isHttpsRequest, STRICT_TRANSPORT_SECURITY } from '@/lib/server/transport';
import { getSettings } from '@/lib/settings/settings';

/**
 * Runs before every page, action and route handler (not the build's static files). Each response
 * gets its own script nonce: the policy goes on the request too, where Next.js reads the nonce
 * back and puts it on the scripts it writes into the page (so every page renders per request).
 * What came over https is told to keep to https (Strict-Transport-Security).
 *
 * Not the roster upload: for a request the proxy runs on, Next.js reads the whole body first (to
 * hand the proxy a copy), before the route can check who is asking, and cuts it at 10 MB. That
 * route answers JSON only, so it needs no script nonce, and checks everything itself.
 *
 * Not a server action called from a page (its request carries Next-Action): it answers React's
 * data, never HTML, so a nonce has nothing to mark, and the proxy's pass (a copy of the request
 * and its body) was a quarter of a lookup's CPU (BENCHMARKS.md). Each action checks who is asking
 * itself. A form posted before the page's script runs has no such header: it gets the policy.
 */
export function proxy(request: NextRequest) {
  // NODE_ENV here is the build's kind, written in at build time: not a setting read at run time.
  const policy = contentSecurityPolicy(makeNonce(), { development: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  if (isHttpsRequest(request.headers, getSettings().access)) {
    response.headers.set('strict-transport-security', STRICT_TRANSPORT_SECURITY);
  }
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!_next/static|_next/image|icon.svg|admin/roster/upload).*)',
      missing: [{ type: 'header', key: 'next-action' }],
    },
  ],
};
