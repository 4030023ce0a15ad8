/**
 * Whether the browser says a request began on the app itself (Sec-Fetch-Site: same-origin) or
 * with the user (none: typed, a bookmark, a link opened from outside the browser). Anything else
 * (cross-site, same-site: another port or subdomain) was started by another page, and session
 * cookies (SameSite=Lax) go with its top-level navigations: such a request must not act in the
 * clerk's name. Every browser the dashboard runs in sends the header; a request without it comes
 * from a tool (curl, a script), which sends only its own cookies, so it counts as the user's own.
 */
export function isOwnRequest(headers: Headers): boolean {
  const site = headers.get('sec-fetch-site');
  return site === null || site === 'same-origin' || site === 'none';
}
