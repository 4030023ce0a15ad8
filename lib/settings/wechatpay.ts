import 'server-only';
import type { KeyObject, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseMerchantCertificate, parseMerchantPrivateKey, parseWechatPayPublicKey } from '@/lib/wechatpay/keys';
import { type Env, value } from './env';
import { ConfigError } from './errors';
import { parseResilience, type Resilience } from './resilience';

/**
 * The WECHATPAY_* settings: a real merchant, or the sandbox when WECHATPAY_MCHID is unset. Key
 * files are read here, so a missing or wrong key stops the start rather than the first search.
 */

export const DEFAULT_BASE_URL = 'https://api.mch.weixin.qq.com';
export const DEFAULT_BACKUP_BASE_URL = 'https://api2.mch.weixin.qq.com';

/** Who the dashboard is to WeChat Pay, and where WeChat Pay is. */
export interface MerchantSettings {
  readonly mchid: string;
  readonly serialNo: string;
  readonly privateKey: KeyObject;
  /** Where the private key was read from (the sandbox's is made in memory), for its permissions. */
  readonly privateKeyFile?: string;
  /** The merchant API certificate (optional): diagnostics checks it matches the key and serial. */
  readonly merchantCertificate?: X509Certificate;
  /** WeChat Pay public key mode: the key and its PUB_KEY_ID_…. */
  readonly publicKey?: { readonly id: string; readonly key: KeyObject };
  /** Platform-certificate mode: the APIv3 key that decrypts downloaded certificates. */
  readonly apiV3Key?: string;
  readonly baseUrl: string;
  readonly backupBaseUrl?: string;
}

export type WechatPaySettings = ({ readonly mode: 'sandbox' } | ({ readonly mode: 'merchant' } & MerchantSettings)) & {
  readonly resilience: Resilience;
};

const MERCHANT_VARIABLES = [
  'WECHATPAY_MERCHANT_SERIAL_NO',
  'WECHATPAY_PRIVATE_KEY_FILE',
  'WECHATPAY_MERCHANT_CERT_FILE',
  'WECHATPAY_PUBLIC_KEY_ID',
  'WECHATPAY_PUBLIC_KEY_FILE',
  'WECHATPAY_APIV3_KEY',
] as const;

function required(env: Env, name: string): string {
  const raw = value(env, name);
  if (!raw) throw new ConfigError(name, 'is required when WECHATPAY_MCHID is set');
  return raw;
}

function matching(env: Env, name: string, pattern: RegExp, shape: string): string {
  const raw = required(env, name);
  if (!pattern.test(raw)) throw new ConfigError(name, `should be ${shape}`);
  return raw;
}

function readKeyFile<T>(name: string, path: string, parse: (pem: string) => T): T {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(name, `cannot read ${path} (${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')})`);
  }
  try {
    return parse(pem);
  } catch (error) {
    throw new ConfigError(name, `${path} is ${(error as Error).message}`);
  }
}

function baseUrl(env: Env, name: string, fallback: string): string {
  const raw = value(env, name) ?? fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `"${raw}" is not a URL (expected e.g. ${fallback})`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(name, `"${raw}" should be an http(s) URL`);
  }
  return url.origin;
}

export function parseWechatPay(env: Env): WechatPaySettings {
  const resilience = parseResilience(env);
  const merchant = parseMerchant(env);
  return merchant ? { mode: 'merchant', ...merchant, resilience } : { mode: 'sandbox', resilience };
}

/** Whether the app runs against the built-in sandbox (no merchant configured). */
export function isSandboxMode(env: Env): boolean {
  return !value(env, 'WECHATPAY_MCHID');
}

function parseApiV3Key(env: Env): string | undefined {
  const key = env.WECHATPAY_APIV3_KEY;
  if (key === undefined || key === '') return undefined;
  const bytes = Buffer.byteLength(key, 'utf8');
  if (bytes !== 32) throw new ConfigError('WECHATPAY_APIV3_KEY', `should be 32 bytes, is ${bytes}`);
  return key;
}

function parseMerchant(env: Env): MerchantSettings | null {
  const mchid = value(env, 'WECHATPAY_MCHID');
  if (!mchid) {
    const stray = MERCHANT_VARIABLES.find((name) => value(env, name));
    if (stray) {
      throw new ConfigError(
        'WECHATPAY_MCHID',
        `is not set but ${stray} is: set WECHATPAY_MCHID for a real merchant, or unset the WECHATPAY_* variables to run the sandbox`,
      );
    }
    return null;
  }
  if (!/^\d{1,32}$/.test(mchid)) throw new ConfigError('WECHATPAY_MCHID', 'should be the merchant id, digits only');

  const serialNo = matching(
    env,
    'WECHATPAY_MERCHANT_SERIAL_NO',
    /^[A-Za-z0-9]{1,64}$/,
    'the merchant API certificate serial (letters and digits)',
  );
  const privateKeyFile = required(env, 'WECHATPAY_PRIVATE_KEY_FILE');
  const privateKey = readKeyFile('WECHATPAY_PRIVATE_KEY_FILE', privateKeyFile, parseMerchantPrivateKey);
  const certificateFile = value(env, 'WECHATPAY_MERCHANT_CERT_FILE');
  const merchantCertificate = certificateFile
    ? readKeyFile('WECHATPAY_MERCHANT_CERT_FILE', certificateFile, parseMerchantCertificate)
    : undefined;

  const apiV3Key = parseApiV3Key(env);
  const publicKeyGiven = Boolean(value(env, 'WECHATPAY_PUBLIC_KEY_ID') || value(env, 'WECHATPAY_PUBLIC_KEY_FILE'));
  if (!publicKeyGiven && !apiV3Key) {
    throw new ConfigError(
      'WECHATPAY_PUBLIC_KEY_ID',
      'no way to verify WeChat Pay answers is configured: set WECHATPAY_PUBLIC_KEY_ID and WECHATPAY_PUBLIC_KEY_FILE (public key mode) or WECHATPAY_APIV3_KEY (platform-certificate mode)',
    );
  }
  const publicKey = publicKeyGiven
    ? {
        id: matching(
          env,
          'WECHATPAY_PUBLIC_KEY_ID',
          /^[A-Za-z0-9_-]{1,64}$/,
          'the public key id, e.g. PUB_KEY_ID_0114…',
        ),
        key: readKeyFile(
          'WECHATPAY_PUBLIC_KEY_FILE',
          required(env, 'WECHATPAY_PUBLIC_KEY_FILE'),
          parseWechatPayPublicKey,
        ),
      }
    : undefined;

  return {
    mchid,
    serialNo,
    privateKey,
    privateKeyFile,
    merchantCertificate,
    publicKey,
    apiV3Key,
    baseUrl: baseUrl(env, 'WECHATPAY_BASE_URL', DEFAULT_BASE_URL),
    // WeChat's second region backs up WeChat's first; a primary of one's own has no backup unless given.
    backupBaseUrl:
      value(env, 'WECHATPAY_BACKUP_BASE_URL') || !value(env, 'WECHATPAY_BASE_URL')
        ? baseUrl(env, 'WECHATPAY_BACKUP_BASE_URL', DEFAULT_BACKUP_BASE_URL)
        : undefined,
  };
}
