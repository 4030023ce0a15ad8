import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_PLANS_CONCURRENCY, allPlansSchool, mapBounded, planGroups, planQuery } from './all-plans';
import type { LookupResult } from './failure';

const two = ['mingde', 'sunshine'];

describe('allPlansSchool', () => {
  it("takes the school asked for when it is within the clerk's reach", () => {
    expect(allPlansSchool('staff', two, 'sunshine')).toEqual({ ok: true, school: 'sunshine' });
    expect(allPlansSchool('admin', two, 'mingde')).toEqual({ ok: true, school: 'mingde' });
  });

  it("takes a clerk's only school, even when the URL names another", () => {
    expect(allPlansSchool('staff', ['mingde'], undefined)).toEqual({ ok: true, school: 'mingde' });
    expect(allPlansSchool('school_admin', ['mingde'], 'sunshine')).toEqual({ ok: true, school: 'mingde' });
  });

  it('asks a clerk of several schools, and a provider admin, to choose one rather than guess', () => {
    expect(allPlansSchool('staff', two, undefined)).toEqual({ ok: false, refusal: 'choose_school' });
    expect(allPlansSchool('staff', two, 'elsewhere')).toEqual({ ok: false, refusal: 'choose_school' });
    expect(allPlansSchool('admin', two, undefined)).toEqual({ ok: false, refusal: 'choose_school' });
    expect(allPlansSchool('admin', ['mingde'], undefined)).toEqual({ ok: false, refusal: 'choose_school' });
    expect(allPlansSchool('admin', [], undefined)).toEqual({ ok: false, refusal: 'choose_school' });
  });

  it('says a clerk with no school has none', () => {
    expect(allPlansSchool('staff', [], 'sunshine')).toEqual({ ok: false, refusal: 'no_school' });
  });
});

describe('planQuery', () => {
  it("asks one plan with the search's status filter and page size, from the first page", () => {
    const query = { openid: 'oParent', contract_status: 'DELETE' as const, limit: 10, school: 'north' };
    expect(planQuery(query, '2001')).toEqual({
      openid: 'oParent',
      plan_id: '2001',
      contract_status: 'DELETE',
      limit: 10,
      offset: 0,
    });
    expect(planQuery(query, '2001', 30).offset).toBe(30);
  });
});

describe('planGroups', () => {
  it("keeps the school's plan order, each plan with its own answer", () => {
    const plans = [
      { planId: '2', name: '午餐费' },
      { planId: '1', name: '校车费' },
    ];
    const failed: LookupResult = { ok: false, error: { kind: 'timeout', requestId: 'REQ-9' } };
    const empty = { ok: true, page: { rows: [] } } as unknown as LookupResult;
    expect(planGroups(plans, [failed, empty])).toEqual([
      { plan: plans[0], result: failed },
      { plan: plans[1], result: empty },
    ]);
    expect(() => planGroups(plans, [failed])).toThrow();
  });
});

describe('mapBounded', () => {
  it(`asks at most ${ALL_PLANS_CONCURRENCY} (or the bound given) at once, every item exactly once, results in order`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(5), { maxLength: 30 }),
        fc.integer({ min: 1, max: 8 }),
        fc.scheduler(),
        async (delays, bound, scheduler) => {
          let inFlight = 0;
          let most = 0;
          const asked: number[] = [];
          const done = mapBounded(delays, bound, async (delay, index) => {
            asked.push(index);
            inFlight += 1;
            most = Math.max(most, inFlight);
            await scheduler.schedule(Promise.resolve(delay), `item ${index}`);
            inFlight -= 1;
            return index * 10;
          });
          await scheduler.waitFor(done);
          const results = await done;
          expect(most).toBeLessThanOrEqual(bound);
          expect(most).toBe(Math.min(bound, delays.length));
          expect([...asked].sort((a, b) => a - b)).toEqual(delays.map((_, index) => index));
          expect(results).toEqual(delays.map((_, index) => index * 10));
        },
      ),
    );
  });

  it('refuses a bound that would ask nothing', async () => {
    await expect(mapBounded([1], 0, async (x) => x)).rejects.toThrow(RangeError);
  });
});
