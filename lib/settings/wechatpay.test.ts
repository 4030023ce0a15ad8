import { sign, verify } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateEcPkcs8Pem,
  generateRsaKeys,
  makeTempDir,
  opensslCertificate,
  type RsaKeys,
  type TempDir,
} from '@/test-support/keys';
import { ConfigError } from './errors';
import { DEFAULT_RESILIENCE } from './resilience';
import { isSandboxMode, parseWechatPay } from './wechatpay';

let dir: TempDir;
let merchant: RsaKeys;
let wechat: RsaKeys;
/** Key files as an operator would have them on disk. */
let files: { privateKey: string; pkcs1: string; ec: string; publicKey: string };

beforeAll(() => {
  dir = makeTempDir();
  merchant = generateRsaKeys();
  wechat = generateRsaKeys();
  files = {
    privateKey: dir.write('apiclient_key.pem', merchant.pkcs8Pem),
    pkcs1: dir.write('rsa_key.pem', merchant.pkcs1Pem),
    ec: dir.write('ec_key.pem', generateEcPkcs8Pem()),
    publicKey: dir.write('pub_key.pem', wechat.publicPem),
  };
});

afterAll(() => dir.remove());

function goodEnv(): Record<string, string | undefined> {
  return {
    WECHATPAY_MCHID: '1900000001',
    WECHATPAY_MERCHANT_SERIAL_NO: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
    WECHATPAY_PRIVATE_KEY_FILE: files.privateKey,
    WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0119000000012025112700000000000001',
    WECHATPAY_PUBLIC_KEY_FILE: files.publicKey,
  };
}

/** The ConfigError parseWechatPay throws for this environment. */
function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    parseWechatPay(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw new Error(`expected a ConfigError, got ${String(error)}`);
  }
  throw new Error('expected a ConfigError, but the configuration parsed');
}

describe('parseWechatPay', () => {
  it('runs the sandbox when WECHATPAY_MCHID is unset, empty or blank', () => {
    const sandbox = { mode: 'sandbox', resilience: DEFAULT_RESILIENCE };
    expect(parseWechatPay({})).toEqual(sandbox);
    expect(parseWechatPay({ WECHATPAY_MCHID: '' })).toEqual(sandbox);
    expect(parseWechatPay({ WECHATPAY_MCHID: '   ', PATH: '/usr/bin' })).toEqual(sandbox);
    expect(isSandboxMode({})).toBe(true);
    expect(isSandboxMode(goodEnv())).toBe(false);
  });

  it.each([
    'WECHATPAY_MERCHANT_SERIAL_NO',
    'WECHATPAY_PRIVATE_KEY_FILE',
    'WECHATPAY_PUBLIC_KEY_ID',
    'WECHATPAY_PUBLIC_KEY_FILE',
    'WECHATPAY_APIV3_KEY',
  ])('refuses to fall back to the sandbox when %s is set without WECHATPAY_MCHID', (name) => {
    const error = configError({ [name]: 'something' });
    expect(error.variable).toBe('WECHATPAY_MCHID');
    expect(error.message).toMatch(/^WECHATPAY_MCHID: is not set/);
    expect(error.message).toContain(name);
  });

  it('parses a full merchant configuration into usable keys and default hosts', () => {
    const config = parseWechatPay(goodEnv());
    expect(config).toMatchObject({
      mode: 'merchant',
      mchid: '1900000001',
      serialNo: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
      publicKey: { id: 'PUB_KEY_ID_0119000000012025112700000000000001' },
      baseUrl: 'https://api.mch.weixin.qq.com',
      backupBaseUrl: 'https://api2.mch.weixin.qq.com',
      resilience: DEFAULT_RESILIENCE,
    });
    if (config.mode !== 'merchant') throw new Error('not merchant mode');
    // The private key read is the merchant's: what it signs, the merchant's public half verifies.
    const signature = sign('sha256', Buffer.from('probe'), config.privateKey);
    expect(verify('sha256', Buffer.from('probe'), merchant.publicKey, signature)).toBe(true);
    expect(config.publicKey?.key.equals(wechat.publicKey)).toBe(true);
    expect(config.apiV3Key).toBeUndefined();
    // Kept so that the start can warn when others may read it.
    expect(config.privateKeyFile).toBe(files.privateKey);
  });

  it('accepts platform-certificate mode alone, and both modes at once for a merchant migrating', () => {
    const apiV3Key = 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6';
    const certificateMode = parseWechatPay({
      ...goodEnv(),
      WECHATPAY_PUBLIC_KEY_ID: undefined,
      WECHATPAY_PUBLIC_KEY_FILE: undefined,
      WECHATPAY_APIV3_KEY: apiV3Key,
    });
    expect(certificateMode).toMatchObject({ mode: 'merchant', apiV3Key, publicKey: undefined });
    const both = parseWechatPay({ ...goodEnv(), WECHATPAY_APIV3_KEY: apiV3Key });
    expect(both).toMatchObject({
      mode: 'merchant',
      apiV3Key,
      publicKey: { id: 'PUB_KEY_ID_0119000000012025112700000000000001' },
    });
  });

  it('reads the time budgets and the bound on calls in flight, and refuses a deadline shorter than one attempt', () => {
    const config = parseWechatPay({
      WECHATPAY_ATTEMPT_TIMEOUT_MS: '1500',
      WECHATPAY_DEADLINE_MS: '5000',
      WECHATPAY_FAILOVER_COOLDOWN_MS: '30000',
      WECHATPAY_MAX_IN_FLIGHT: '8',
      WECHATPAY_QUEUE_WAIT_MS: '1000',
    });
    expect(config.resilience).toEqual({
      attemptTimeoutMs: 1500,
      deadlineMs: 5000,
      failoverCooldownMs: 30000,
      maxInFlight: 8,
      queueWaitMs: 1000,
    });
    expect(configError({ WECHATPAY_MAX_IN_FLIGHT: '0' }).message).toBe(
      'WECHATPAY_MAX_IN_FLIGHT: "0" should be a whole number from 1',
    );
    expect(configError({ WECHATPAY_ATTEMPT_TIMEOUT_MS: '4000', WECHATPAY_DEADLINE_MS: '3000' }).variable).toBe(
      'WECHATPAY_DEADLINE_MS',
    );
    expect(configError({ WECHATPAY_ATTEMPT_TIMEOUT_MS: '4s' }).message).toBe(
      'WECHATPAY_ATTEMPT_TIMEOUT_MS: "4s" should be a whole number of milliseconds',
    );
    expect(configError({ WECHATPAY_DEADLINE_MS: '0' }).variable).toBe('WECHATPAY_DEADLINE_MS');
  });

  it('trims values and reduces base URLs to their origin', () => {
    const env = Object.fromEntries(Object.entries(goodEnv()).map(([name, value]) => [name, ` ${value}\n`]));
    const config = parseWechatPay({
      ...env,
      WECHATPAY_BASE_URL: 'http://127.0.0.1:8080/ignored/path',
      WECHATPAY_BACKUP_BASE_URL: 'https://api2.mch.weixin.qq.com/',
    });
    expect(config).toMatchObject({
      mode: 'merchant',
      mchid: '1900000001',
      baseUrl: 'http://127.0.0.1:8080',
      backupBaseUrl: 'https://api2.mch.weixin.qq.com',
    });
  });

  it.each<[string, Record<string, string | undefined>, string, RegExp]>([
    ['a non-numeric merchant id', { WECHATPAY_MCHID: 'mch-1900' }, 'WECHATPAY_MCHID', /digits only/],
    ['no merchant serial', { WECHATPAY_MERCHANT_SERIAL_NO: undefined }, 'WECHATPAY_MERCHANT_SERIAL_NO', /is required/],
    [
      'a serial with punctuation',
      { WECHATPAY_MERCHANT_SERIAL_NO: '51:57:F0' },
      'WECHATPAY_MERCHANT_SERIAL_NO',
      /should be/,
    ],
    ['no private key file', { WECHATPAY_PRIVATE_KEY_FILE: undefined }, 'WECHATPAY_PRIVATE_KEY_FILE', /is required/],
    [
      'a public key id without its file',
      { WECHATPAY_PUBLIC_KEY_FILE: undefined },
      'WECHATPAY_PUBLIC_KEY_FILE',
      /is required/,
    ],
    [
      'a public key file without its id',
      { WECHATPAY_PUBLIC_KEY_ID: undefined },
      'WECHATPAY_PUBLIC_KEY_ID',
      /is required/,
    ],
    ['a public key id with spaces', { WECHATPAY_PUBLIC_KEY_ID: 'PUB KEY' }, 'WECHATPAY_PUBLIC_KEY_ID', /PUB_KEY_ID_/],
    [
      'neither public key id nor file',
      { WECHATPAY_PUBLIC_KEY_ID: undefined, WECHATPAY_PUBLIC_KEY_FILE: undefined },
      'WECHATPAY_PUBLIC_KEY_ID',
      /no way to verify WeChat Pay answers.*WECHATPAY_APIV3_KEY/,
    ],
    [
      'an APIv3 key that is not 32 bytes',
      { WECHATPAY_APIV3_KEY: 'k'.repeat(31) },
      'WECHATPAY_APIV3_KEY',
      /32 bytes, is 31/,
    ],
    [
      'an APIv3 key of 32 characters but more bytes',
      { WECHATPAY_APIV3_KEY: `${'k'.repeat(31)}钥` },
      'WECHATPAY_APIV3_KEY',
      /32 bytes, is 34/,
    ],
    [
      'a base URL that is not a URL',
      { WECHATPAY_BASE_URL: 'api.mch.weixin.qq.com' },
      'WECHATPAY_BASE_URL',
      /is not a URL/,
    ],
    [
      'a base URL that is not http(s)',
      { WECHATPAY_BASE_URL: 'ftp://api.mch.weixin.qq.com' },
      'WECHATPAY_BASE_URL',
      /http\(s\)/,
    ],
    ['a bad backup base URL', { WECHATPAY_BACKUP_BASE_URL: 'not a url' }, 'WECHATPAY_BACKUP_BASE_URL', /is not a URL/],
  ])('refuses %s, naming the variable and the problem', (_, change, variable, problem) => {
    const error = configError({ ...goodEnv(), ...change });
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable}: `)).toBe(true);
    expect(error.message).toMatch(problem);
  });

  it('reads the merchant certificate when one is given, and refuses a file that is not one', () => {
    const certificateFile = dir.write('apiclient_cert.pem', opensslCertificate(merchant.pkcs8Pem, 'ABCDEF01', 365));
    const config = parseWechatPay({ ...goodEnv(), WECHATPAY_MERCHANT_CERT_FILE: certificateFile });
    if (config.mode !== 'merchant') throw new Error('not merchant mode');
    expect(config.merchantCertificate?.serialNumber).toBe('ABCDEF01');
    expect(parseWechatPay(goodEnv())).not.toHaveProperty('merchantCertificate.serialNumber');

    const wrong = configError({ ...goodEnv(), WECHATPAY_MERCHANT_CERT_FILE: files.publicKey });
    expect(wrong.variable).toBe('WECHATPAY_MERCHANT_CERT_FILE');
    expect(wrong.message).toContain('not a PEM certificate');
  });

  it('refuses a private key file that does not exist, naming the path', () => {
    const missing = join(dir.path, 'no-such-key.pem');
    const error = configError({ ...goodEnv(), WECHATPAY_PRIVATE_KEY_FILE: missing });
    expect(error.variable).toBe('WECHATPAY_PRIVATE_KEY_FILE');
    expect(error.message).toBe(`WECHATPAY_PRIVATE_KEY_FILE: cannot read ${missing} (no such file)`);
  });

  it('refuses a PKCS#1 private key file ("BEGIN RSA PRIVATE KEY"), saying PKCS#8 is needed', () => {
    const error = configError({ ...goodEnv(), WECHATPAY_PRIVATE_KEY_FILE: files.pkcs1 });
    expect(error.variable).toBe('WECHATPAY_PRIVATE_KEY_FILE');
    expect(error.message).toContain(files.pkcs1);
    expect(error.message).toContain('PKCS#8');
  });

  it('refuses an EC private key file', () => {
    const error = configError({ ...goodEnv(), WECHATPAY_PRIVATE_KEY_FILE: files.ec });
    expect(error.variable).toBe('WECHATPAY_PRIVATE_KEY_FILE');
    expect(error.message).toContain('RSA');
  });

  it('refuses a public key file that does not exist or holds a private key', () => {
    const missing = join(dir.path, 'no-such-pub.pem');
    const absent = configError({ ...goodEnv(), WECHATPAY_PUBLIC_KEY_FILE: missing });
    expect(absent.variable).toBe('WECHATPAY_PUBLIC_KEY_FILE');
    expect(absent.message).toBe(`WECHATPAY_PUBLIC_KEY_FILE: cannot read ${missing} (no such file)`);

    const swapped = configError({ ...goodEnv(), WECHATPAY_PUBLIC_KEY_FILE: files.privateKey });
    expect(swapped.variable).toBe('WECHATPAY_PUBLIC_KEY_FILE');
    expect(swapped.message).toContain('BEGIN PUBLIC KEY');
  });
});
