import { cancelled } from './attempt';
import { WechatPayError } from './errors';

/**
 * A bound on the calls in flight to WeChat Pay. On a saturated process every call in flight slows
 * every other: past the bound a call waits its turn, and one that cannot start within `maxWaitMs`
 * is not sent at all, so the clerk hears "busy" in a moment instead of a timeout much later, and
 * the process keeps its best throughput instead of multiplying its work.
 */
export interface InFlightGate {
  /** Waits for a place; resolves with the function that gives it back (once). */
  enter(signal?: AbortSignal): Promise<() => void>;
  /** Calls in flight and calls waiting now, for operators. */
  load(): { inFlight: number; waiting: number };
}

export const busy = () => new WechatPayError('too many calls to WeChat Pay in flight: not sent', { kind: 'busy' });

interface Waiter {
  admit: () => void;
  refuse: (error: WechatPayError) => void;
}

export function createInFlightGate(limit: number, maxWaitMs: number): InFlightGate {
  let inFlight = 0;
  const waiting: Waiter[] = [];

  const releaser = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // The place passes straight to the longest waiter, or is freed.
      const next = waiting.shift();
      if (next) next.admit();
      else inFlight -= 1;
    };
  };

  return {
    enter(signal) {
      if (signal?.aborted) return Promise.reject(cancelled());
      if (inFlight < limit) {
        inFlight += 1;
        return Promise.resolve(releaser());
      }
      return new Promise((resolve, reject) => {
        const leave = (error: WechatPayError) => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          const index = waiting.indexOf(waiter);
          if (index >= 0) waiting.splice(index, 1);
          reject(error);
        };
        const onAbort = () => leave(cancelled());
        const waiter: Waiter = {
          admit: () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            resolve(releaser());
          },
          refuse: leave,
        };
        const timer = setTimeout(() => leave(busy()), maxWaitMs);
        signal?.addEventListener('abort', onAbort, { once: true });
        waiting.push(waiter);
      });
    },
    load: () => ({ inFlight, waiting: waiting.length }),
  };
}
