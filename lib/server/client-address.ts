import { isIP } from 'node:net';

/**
 * Which address a request came from, from what the socket and our own proxies say. Pure: the
 * request hook (request-address.ts) gives it the socket's peer and the X-Forwarded-For header.
 */

/** An address as a socket or a proxy writes it, as the plain IP it is; null when it is not one. */
export function plainIp(raw: string | undefined): string | null {
  const candidate = raw?.trim() ?? '';
  // A dual-stack socket names an IPv4 peer ::ffff:a.b.c.d: the same client as a.b.c.d.
  const unmapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(candidate)?.[1] ?? candidate;
  return isIP(unmapped) ? unmapped.toLowerCase() : null;
}

/**
 * The client's address. The chain is "X-Forwarded-For entries…, the socket's peer"; each of our
 * own `trustedProxies` (0: clients connect to the app directly) appended the address it saw
 * connect, so the client is the entry that many hops to the right's left: with none, the peer;
 * behind one proxy, the right-most X-Forwarded-For entry. Entries further left are the client's to
 * write and are never read. Null when that entry is missing or not an IP.
 */
export function clientAddress(
  forwardedFor: string | undefined,
  peer: string | undefined,
  trustedProxies: number,
): string | null {
  if (trustedProxies === 0) return plainIp(peer);
  const hops = (forwardedFor ?? '').split(',');
  return plainIp(hops[hops.length - trustedProxies]);
}
