import { sign } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PLANS } from '@/lib/sandbox';
import { generateRsaKeys, makeTempDir } from '@/test-support/keys';
import { parseSettings } from './settings';

const dir = makeTempDir();
afterAll(() => dir.remove());

describe('parseSettings', () => {
  it('is frozen all the way down, yet its keys still sign', () => {
    const keys = generateRsaKeys();
    const settings = parseSettings({
      WECHATPAY_MCHID: '1900000001',
      WECHATPAY_MERCHANT_SERIAL_NO: '5157F09EFDC096DE',
      WECHATPAY_PRIVATE_KEY_FILE: dir.write('apiclient_key.pem', keys.pkcs8Pem),
      WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_01',
      WECHATPAY_PUBLIC_KEY_FILE: dir.write('pub_key.pem', keys.publicPem),
      WECHATPAY_PLANS: '午餐费=101',
    });
    expect(Object.isFrozen(settings)).toBe(true);
    expect(Object.isFrozen(settings.wechatpay.resilience)).toBe(true);
    expect(Object.isFrozen(settings.plans[0])).toBe(true);
    expect(Object.isFrozen(settings.storage.database)).toBe(true);
    if (settings.wechatpay.mode !== 'merchant') throw new Error('not merchant mode');
    expect(Object.isFrozen(settings.wechatpay.publicKey)).toBe(true);
    expect(sign('sha256', Buffer.from('probe'), settings.wechatpay.privateKey)).toHaveLength(256);
  });

  it('freezes its own copy of the demo plans, not the sandbox’s', () => {
    expect(parseSettings({}).plans).toEqual(DEMO_PLANS);
    expect(Object.isFrozen(DEMO_PLANS[0])).toBe(false);
  });

  it('reports the first problem: WeChat Pay, then access, then plans, then storage, then operations', () => {
    const problems: [string, string][] = [
      ['WECHATPAY_MCHID', 'mch'],
      ['DASHBOARD_TRUSTED_PROXIES', 'many'],
      ['WECHATPAY_PLANS', '午餐费'],
      ['BETTER_AUTH_SECRET', 'short'],
      ['DASHBOARD_METRICS_TOKEN', 'short'],
    ];
    problems.forEach(([variable], first) => {
      const env = Object.fromEntries(problems.slice(first));
      expect(() => parseSettings(env)).toThrow(expect.objectContaining({ name: 'ConfigError', variable }));
    });
  });
});
