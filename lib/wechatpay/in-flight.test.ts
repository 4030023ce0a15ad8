import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInFlightGate } from './in-flight';
import { createRetryBudget } from './retry-budget';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the bound on calls in flight', () => {
  it('lets a call past the bound wait its turn, and hands it the first place given back', async () => {
    const gate = createInFlightGate(2, 10_000);
    const first = await gate.enter();
    await gate.enter();
    let third = false;
    const waiting = gate.enter().then((release) => {
      third = true;
      return release;
    });
    await tick();
    expect(third).toBe(false);
    expect(gate.load()).toEqual({ inFlight: 2, waiting: 1 });
    first();
    first(); // given back twice: still one place
    (await waiting)();
    expect(third).toBe(true);
    expect(gate.load()).toEqual({ inFlight: 1, waiting: 0 });
  });

  it('refuses as busy a call that cannot start within its wait, and keeps no trace of it', async () => {
    const gate = createInFlightGate(1, 20);
    const release = await gate.enter();
    await expect(gate.enter()).rejects.toMatchObject({ name: 'WechatPayError', kind: 'busy' });
    expect(gate.load()).toEqual({ inFlight: 1, waiting: 0 });
    release();
    expect(gate.load()).toEqual({ inFlight: 0, waiting: 0 });
  });

  it('lets a waiting call be cancelled by its caller, without losing a place', async () => {
    const gate = createInFlightGate(1, 10_000);
    const release = await gate.enter();
    const controller = new AbortController();
    const waiting = gate.enter(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ kind: 'cancelled' });
    release();
    const again = await gate.enter();
    expect(gate.load()).toEqual({ inFlight: 1, waiting: 0 });
    again();
    await expect(gate.enter(AbortSignal.abort())).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it('never has more calls in flight than its bound, and starts every call in the end', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 24 }),
        async (limit, durations) => {
          const gate = createInFlightGate(limit, 60_000);
          let running = 0;
          let most = 0;
          await Promise.all(
            durations.map(async (ms) => {
              const release = await gate.enter();
              running += 1;
              most = Math.max(most, running);
              await new Promise((resolve) => setTimeout(resolve, ms));
              running -= 1;
              release();
            }),
          );
          expect(most).toBeLessThanOrEqual(limit);
          expect(gate.load()).toEqual({ inFlight: 0, waiting: 0 });
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('the retry budget', () => {
  it('allows its saved retries, then only the share that calls earn', () => {
    const budget = createRetryBudget(0.25, 2);
    expect([budget.withdraw(), budget.withdraw(), budget.withdraw()]).toEqual([true, true, false]);
    for (let call = 0; call < 8; call += 1) budget.deposit();
    expect([budget.withdraw(), budget.withdraw(), budget.withdraw()]).toEqual([true, true, false]);
  });

  it('never saves more than its maximum, however many calls succeed', () => {
    const budget = createRetryBudget(1, 3);
    for (let call = 0; call < 100; call += 1) budget.deposit();
    expect(Array.from({ length: 5 }, () => budget.withdraw())).toEqual([true, true, true, false, false]);
  });
});
