import { createHash, timingSafeEqual } from 'node:crypto';

/** Who may read /metrics: nobody while no token is set (404), else only with that bearer token (401). */
export type MetricsAccess = 'off' | 'refused' | 'allowed';

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * Compares digests of equal length in constant time, so neither the token's length nor how much
 * of it a guess got right shows in the answer's timing.
 */
export function metricsAccess(token: string | undefined, authorization: string | null): MetricsAccess {
  if (token === undefined) return 'off';
  const given = /^Bearer (.+)$/i.exec(authorization?.trim() ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(token)) && given !== '' ? 'allowed' : 'refused';
}
