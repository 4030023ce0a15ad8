import type { AccessSettings } from '@/lib/settings/access';

/**
 * Whether the browser reached the dashboard over https. `next start` itself speaks plain http, so
 * https means a TLS proxy in front: BETTER_AUTH_URL says so for every request when it is set;
 * unset, a request says so by the X-Forwarded-Proto of a proxy declared with
 * DASHBOARD_TRUSTED_PROXIES. A client reaching the app directly cannot choose (its own header is
 * not read), and an undeclared proxy's is not either: plain http is assumed, so cookies that a
 * browser would refuse over http are never asked for.
 */
export function isHttpsRequest(
  headers: Headers,
  access: Pick<AccessSettings, 'publicHttps' | 'trustedProxies'>,
): boolean {
  if (access.publicHttps !== undefined) return access.publicHttps;
  if (access.trustedProxies === 0) return false;
  const protocols = (headers.get('x-forwarded-proto') ?? '')
    .split(',')
    .map((protocol) => protocol.trim().toLowerCase())
    .filter(Boolean);
  // A proxy that appends rather than replaces: the one nearest the browser wrote that many from the right.
  return protocols[Math.max(0, protocols.length - access.trustedProxies)] === 'https';
}

/**
 * Strict-Transport-Security for responses to https requests: browsers then use https only, for a
 * year. Not for subdomains (a school's other hosts are not ours to decide), never over plain http.
 */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';
