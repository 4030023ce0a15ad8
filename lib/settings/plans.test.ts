import { describe, expect, it } from 'vitest';
import { ConfigError } from './errors';
import { parsePlans } from './plans';

describe('parsePlans', () => {
  it('offers the demo school’s plans in the sandbox unless WECHATPAY_PLANS is given', () => {
    expect(parsePlans({}).map((plan) => plan.name)).toEqual(['午餐费', '校车费', '课后服务费']);
    expect(parsePlans({ WECHATPAY_PLANS: '住宿费=201' })).toEqual([{ name: '住宿费', planId: '201' }]);
  });

  it('offers nothing for a merchant without a list: staff type the plan id', () => {
    expect(parsePlans({ WECHATPAY_MCHID: '1230000109' })).toEqual([]);
  });

  it('names the variable when the list cannot be read', () => {
    expect(() => parsePlans({ WECHATPAY_PLANS: '午餐费' })).toThrow(ConfigError);
    expect(() => parsePlans({ WECHATPAY_PLANS: '午餐费' })).toThrow(
      /^WECHATPAY_PLANS: "午餐费" should be 名称=plan_id$/,
    );
  });
});
