import { randomUUID } from 'node:crypto';

/** What a proxy's id may look like to be kept: nginx's $request_id is 32 hex digits. */
const ACCEPTED = /^[A-Za-z0-9._:-]{8,64}$/;

/**
 * The id of one request in the operators' log: the proxy's X-Request-ID when it sent a sane one
 * (so nginx's access log and ours name the same request), else a fresh one. Anything else sent
 * is ignored, so a caller cannot write what it likes into the log.
 */
export function requestIdFrom(incoming: string | null | undefined): string {
  const given = incoming?.trim();
  return given && ACCEPTED.test(given) ? given : randomUUID();
}
