import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { requestIdFrom } from './request-id';
import { perProcess } from './singleton';

interface RequestContext {
  readonly reqId: string;
}

/** One store for the process: the logger (one bundle) must see what a page or action (another) set. */
const storage = perProcess('request-context', () => new AsyncLocalStorage<RequestContext>());

/**
 * Runs `work` as one request: every log line written while it runs, WeChat Pay's call lines
 * included, carries the same `reqId`. Inside a request already, its id is kept.
 */
export function runWithRequestId<T>(incoming: string | null | undefined, work: () => T): T {
  if (storage.getStore()) return work();
  return storage.run({ reqId: requestIdFrom(incoming) }, work);
}

/**
 * `fn` bound to the request it is made in: a response stream's callbacks run later, called by
 * whoever reads the stream, and would otherwise log without the id.
 */
export function boundToRequest<F extends (...args: never[]) => unknown>(fn: F): F {
  return AsyncLocalStorage.bind(fn);
}

/** The current request's fields for each log line; none outside a request (start-up, timers). */
export function requestLogFields(): { reqId?: string } {
  const context = storage.getStore();
  return context ? { reqId: context.reqId } : {};
}
