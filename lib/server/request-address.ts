import 'server-only';
import { randomBytes } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { clientAddress } from './client-address';
import { logger } from './logger';
import { perProcess } from './singleton';

/**
 * The client's address, as the socket saw it. Next.js fills X-Forwarded-For from the socket only
 * when the request has none, so a client that reaches the app directly writes its own; and no
 * page, action or route handler can see the socket. So a hook on Node's own "request start" (run
 * before Next.js sees the request) works out the address from the socket's peer and the declared
 * proxies' hops (client-address.ts) and writes it into a header of ours, with a stamp made at
 * start that no client can know: a request that arrived before the hook was installed (in the
 * first moments after start) carries no stamp, and its address is unknown rather than its own say.
 */

const ADDRESS_HEADER = 'x-dashboard-client-address';
const UNKNOWN = '-';

/** This process's stamp: the address header is ours only when it starts with it. */
const processStamp = () => perProcess('client-address-stamp', () => randomBytes(16).toString('hex'));

interface RequestStart {
  request: IncomingMessage;
  socket: Socket;
}

/**
 * What the hook does to each request. With no proxy declared, the client's X-Forwarded-For and
 * X-Real-IP are also dropped and X-Forwarded-For set to the peer, so nothing downstream (better-auth
 * records it with each session) reads the client's own say either.
 */
export function addressRequests(trustedProxies: number, stamp: string) {
  let toldOperator = false;
  return (message: unknown) => {
    const { request, socket } = message as RequestStart;
    const forwarded = request.headers['x-forwarded-for'];
    const forwardedFor = Array.isArray(forwarded) ? forwarded.join(',') : forwarded;
    const address = clientAddress(forwardedFor, socket.remoteAddress, trustedProxies);
    request.headers[ADDRESS_HEADER] = `${stamp} ${address ?? UNKNOWN}`;
    if (trustedProxies > 0) return;
    if (forwardedFor && !toldOperator) {
      toldOperator = true;
      logger.warn(
        'a request came with X-Forwarded-For, but DASHBOARD_TRUSTED_PROXIES is 0: the socket’s peer is recorded. Behind a proxy of your own, set DASHBOARD_TRUSTED_PROXIES to the number of proxies',
      );
    }
    delete request.headers['x-real-ip'];
    if (socket.remoteAddress) request.headers['x-forwarded-for'] = socket.remoteAddress;
    else delete request.headers['x-forwarded-for'];
  };
}

/** Installs the hook once in this process; call it as early as the settings are known. */
export function installRequestAddress(trustedProxies: number): void {
  perProcess('client-address-hook', () => {
    subscribe('http.server.request.start', addressRequests(trustedProxies, processStamp()));
    return true;
  });
}

/** The address the hook found for this request; null when unknown (no stamp, or no IP). */
export function requestAddress(headers: Headers, stamp = processStamp()): string | null {
  const [given, address] = (headers.get(ADDRESS_HEADER) ?? '').split(' ');
  return given === stamp && address && address !== UNKNOWN ? address : null;
}
