import 'server-only';
import { headers } from 'next/headers';
import { runWithRequestId } from './request-context';

/**
 * Runs `work` as this Next.js request (page, server action or route handler), by its
 * X-Request-ID. Apart from request-context.ts so that the logger, which the admin command line
 * uses too, never loads Next.js.
 */
export async function inRequest<T>(work: () => Promise<T>): Promise<T> {
  return runWithRequestId((await headers()).get('x-request-id'), work);
}
