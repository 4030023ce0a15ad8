import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startUntilExit } from './start-until-exit';

const dir = mkdtempSync(join(tmpdir(), 'startup-e2e-'));
const pkcs1 = join(dir, 'pkcs1.pem');
const pkcs8 = join(dir, 'pkcs8.pem');
const publicKey = join(dir, 'pub_key.pem');
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
writeFileSync(pkcs1, keys.privateKey.export({ type: 'pkcs1', format: 'pem' }));
writeFileSync(pkcs8, keys.privateKey.export({ type: 'pkcs8', format: 'pem' }));
writeFileSync(publicKey, keys.publicKey.export({ type: 'spki', format: 'pem' }));
const merchant = { WECHATPAY_MCHID: '1230000109', WECHATPAY_MERCHANT_SERIAL_NO: '5157F09EFDC096DE' };

const cases: [string, Record<string, string>, RegExp][] = [
  [
    'a missing private key file',
    { ...merchant, WECHATPAY_PRIVATE_KEY_FILE: join(dir, 'nope.pem') },
    /WECHATPAY_PRIVATE_KEY_FILE: cannot read .*nope\.pem \(no such file\)/,
  ],
  [
    'a PKCS#1 private key',
    { ...merchant, WECHATPAY_PRIVATE_KEY_FILE: pkcs1 },
    /WECHATPAY_PRIVATE_KEY_FILE: .*not a PKCS#8/,
  ],
  [
    'no way to verify answers',
    { ...merchant, WECHATPAY_PRIVATE_KEY_FILE: pkcs8 },
    /WECHATPAY_PUBLIC_KEY_ID: no way to verify/,
  ],
  [
    'a base URL that is not a URL',
    {
      ...merchant,
      WECHATPAY_PRIVATE_KEY_FILE: pkcs8,
      WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_01',
      WECHATPAY_PUBLIC_KEY_FILE: publicKey,
      WECHATPAY_BASE_URL: 'api.mch.weixin.qq.com',
    },
    /WECHATPAY_BASE_URL: "api\.mch\.weixin\.qq\.com" is not a URL/,
  ],
  [
    'a plan list that cannot be read',
    { WECHATPAY_PLANS: '午餐费=101;校车费' },
    /WECHATPAY_PLANS: "校车费" should be 名称=plan_id/,
  ],
];

cases.forEach(([what, env, line], index) => {
  test(`the server refuses to start with ${what}, in one line`, async () => {
    const { code, stderr } = await startUntilExit(env, 3150 + index);
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`^Configuration error: ${line.source}.*$`, 'm'));
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});
