/**
 * The Content-Security-Policy of every page, for one response's nonce (proxy.ts makes one per
 * request; Next.js reads it back from the request's policy and stamps its own script tags with it).
 *
 * Scripts: only those the page's own HTML vouches for with the nonce, and ('strict-dynamic') what
 * they load in turn, so neither an injected inline script nor an inline event handler runs;
 * never 'unsafe-inline' or 'unsafe-eval'. `next dev` alone needs eval (React rebuilds server
 * stacks with it), so only a development build allows it.
 *
 * Styles keep 'unsafe-inline': React writes style attributes (the table skeleton's grid, for one),
 * which no nonce can cover, and a style cannot run code. Listing a nonce there would make browsers
 * ignore 'unsafe-inline' and refuse those attributes.
 */
export function contentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A fresh nonce: 128 random bits, base64 (what a CSP nonce source allows). */
export function makeNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
