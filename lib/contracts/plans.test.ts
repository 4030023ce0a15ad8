import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlanList, planName } from './plans';

describe('parsePlanList', () => {
  it('reads name=plan_id pairs separated by semicolons or new lines, in the order given', () => {
    expect(parsePlanList('午餐费=101164396123311331; 校车费 = 101164396123311332\n课后服务费=P_3-x')).toEqual([
      { name: '午餐费', planId: '101164396123311331' },
      { name: '校车费', planId: '101164396123311332' },
      { name: '课后服务费', planId: 'P_3-x' },
    ]);
  });

  it('accepts the full-width ； and ＝ a Chinese keyboard types, and ignores empty entries', () => {
    expect(parsePlanList('；午餐费＝101;;校车费=102；')).toEqual([
      { name: '午餐费', planId: '101' },
      { name: '校车费', planId: '102' },
    ]);
  });

  it('keeps a name that itself holds spaces', () => {
    expect(parsePlanList('初一 午餐费=101')).toEqual([{ name: '初一 午餐费', planId: '101' }]);
  });

  it.each([
    ['午餐费', /should be 名称=plan_id/],
    ['=101', /should be 名称=plan_id/],
    ['午餐费=', /should be 名称=plan_id/],
    ['午餐费=10 11', /should be 名称=plan_id/],
    ['午餐费=101!', /not a plan id/],
    [`午餐费=${'1'.repeat(33)}`, /not a plan id/],
    [`${'名'.repeat(41)}=101`, /longer than 40/],
    ['午餐费=101;校车费=101', /101 is listed twice/],
    ['午餐费=101;午餐费=102', /"午餐费" is used twice/],
  ])('refuses %j with a message naming the problem', (text, problem) => {
    expect(() => parsePlanList(text)).toThrow(problem);
  });

  it('reads back any list it could have been given', () => {
    const plan = fc.record({
      name: fc.stringMatching(/^[\u4e00-\u9fa5A-Za-z0-9]{1,20}$/),
      planId: fc.stringMatching(/^[A-Za-z0-9_-]{1,32}$/),
    });
    const lists = fc
      .uniqueArray(plan, { selector: (p) => p.planId, maxLength: 8 })
      .filter((plans) => new Set(plans.map((p) => p.name)).size === plans.length);
    fc.assert(
      fc.property(lists, fc.constantFrom(';', '\n', '；'), (plans, separator) => {
        const text = plans.map((p) => `${p.name}=${p.planId}`).join(separator);
        expect(parsePlanList(text)).toEqual(plans);
      }),
    );
  });
});

describe('planName', () => {
  const plans = [{ name: '午餐费', planId: '101' }];
  it('names a listed plan and nothing else', () => {
    expect(planName(plans, '101')).toBe('午餐费');
    expect(planName(plans, '102')).toBeUndefined();
    expect(planName(plans, null)).toBeUndefined();
  });
});
