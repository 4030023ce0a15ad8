import 'server-only';
import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type NamedPlan, parsePlanList } from '@/lib/contracts/plans';
import { DEMO_PLANS } from '@/lib/sandbox/seed';
import { parseMerchantPrivateKey, parseWechatPayPublicKey } from '@/lib/wechatpay/keys';

/**
 * The only reader of the WECHATPAY_* environment. A misconfiguration becomes one ConfigError
 * naming the variable and the problem, so the server refuses to start with one clear line
 * instead of failing at the first search.
 */

export const DEFAULT_BASE_URL = 'https://api.mch.weixin.qq.com';
export const DEFAULT_BACKUP_BASE_URL = 'https://api2.mch.weixin.qq.com';

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

/** How long a clerk waits, and how the client spreads its attempts over the two hosts. */
export interface Resilience {
  attemptTimeoutMs: number;
  deadlineMs: number;
  failoverCooldownMs: number;
}

export const DEFAULT_RESILIENCE: Resilience = {
  // Three attempts of 4 s fit in a 12 s deadline: a page answers within ~15 s at worst.
  attemptTimeoutMs: 4_000,
  deadlineMs: 12_000,
  failoverCooldownMs: 60_000,
};

export interface MerchantConfig {
  mode: 'merchant';
  mchid: string;
  serialNo: string;
  privateKey: KeyObject;
  /** WeChat Pay public key mode: the key and its PUB_KEY_ID_…. */
  publicKey?: { id: string; key: KeyObject };
  /** Platform-certificate mode: the APIv3 key that decrypts downloaded certificates. */
  apiV3Key?: string;
  baseUrl: string;
  backupBaseUrl?: string;
}

export type AppConfig = ({ mode: 'sandbox' } | MerchantConfig) & { resilience: Resilience };

type Env = Record<string, string | undefined>;

const MERCHANT_VARIABLES = [
  'WECHATPAY_MERCHANT_SERIAL_NO',
  'WECHATPAY_PRIVATE_KEY_FILE',
  'WECHATPAY_PUBLIC_KEY_ID',
  'WECHATPAY_PUBLIC_KEY_FILE',
  'WECHATPAY_APIV3_KEY',
] as const;

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}

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

function milliseconds(env: Env, name: string, fallback: number): number {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d{1,7}$/.test(raw) || Number(raw) < 1)
    throw new ConfigError(name, `"${raw}" should be a whole number of milliseconds`);
  return Number(raw);
}

function parseResilience(env: Env): Resilience {
  const attemptTimeoutMs = milliseconds(env, 'WECHATPAY_ATTEMPT_TIMEOUT_MS', DEFAULT_RESILIENCE.attemptTimeoutMs);
  const deadlineMs = milliseconds(env, 'WECHATPAY_DEADLINE_MS', DEFAULT_RESILIENCE.deadlineMs);
  if (deadlineMs < attemptTimeoutMs) {
    throw new ConfigError('WECHATPAY_DEADLINE_MS', 'should be at least WECHATPAY_ATTEMPT_TIMEOUT_MS');
  }
  return {
    attemptTimeoutMs,
    deadlineMs,
    failoverCooldownMs: milliseconds(env, 'WECHATPAY_FAILOVER_COOLDOWN_MS', DEFAULT_RESILIENCE.failoverCooldownMs),
  };
}

export function parseConfig(env: Env): AppConfig {
  const resilience = parseResilience(env);
  const merchant = parseMerchant(env);
  return merchant ? { ...merchant, resilience } : { mode: 'sandbox', resilience };
}

function parseApiV3Key(env: Env): string | undefined {
  const key = env.WECHATPAY_APIV3_KEY;
  if (key === undefined || key === '') return undefined;
  const bytes = Buffer.byteLength(key, 'utf8');
  if (bytes !== 32) throw new ConfigError('WECHATPAY_APIV3_KEY', `should be 32 bytes, is ${bytes}`);
  return key;
}

function parseMerchant(env: Env): MerchantConfig | null {
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
  const privateKey = readKeyFile(
    'WECHATPAY_PRIVATE_KEY_FILE',
    required(env, 'WECHATPAY_PRIVATE_KEY_FILE'),
    parseMerchantPrivateKey,
  );

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
    mode: 'merchant',
    mchid,
    serialNo,
    privateKey,
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

/** Who may use the dashboard, and how much. */
export interface AccessSettings {
  /** A session ends after this many hours without use. */
  sessionIdleHours: number;
  /** Lookups one staff member may make per minute, across every instance. */
  lookupsPerMinute: number;
  /** Cookies are marked Secure when the dashboard is served over HTTPS (BETTER_AUTH_URL). */
  secureCookies: boolean;
  /** The first admin, created at start when no admin exists. */
  admin?: { username: string; password: string };
  /** Proxies of our own in front of the app that append to X-Forwarded-For, beyond the nearest one. */
  trustedProxies: number;
}

function positiveNumber(env: Env, name: string, fallback: number, max: number): number {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  const parsed = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || parsed <= 0 || parsed > max) {
    throw new ConfigError(name, `"${raw}" should be a number above 0 and at most ${max}`);
  }
  return parsed;
}

function proxyHops(env: Env): number {
  const raw = value(env, 'DASHBOARD_TRUSTED_PROXIES');
  if (raw === undefined) return 0;
  if (!/^\d$/.test(raw))
    throw new ConfigError('DASHBOARD_TRUSTED_PROXIES', `"${raw}" should be a whole number from 0 to 9`);
  return Number(raw);
}

export function parseAccessSettings(env: Env): AccessSettings {
  const adminUsername = value(env, 'DASHBOARD_ADMIN_USERNAME');
  const adminPassword = env.DASHBOARD_ADMIN_PASSWORD;
  if (Boolean(adminUsername) !== Boolean(adminPassword)) {
    throw new ConfigError(
      adminUsername ? 'DASHBOARD_ADMIN_PASSWORD' : 'DASHBOARD_ADMIN_USERNAME',
      'DASHBOARD_ADMIN_USERNAME and DASHBOARD_ADMIN_PASSWORD go together',
    );
  }
  if (adminUsername && !/^[A-Za-z0-9_.-]{2,32}$/.test(adminUsername)) {
    throw new ConfigError('DASHBOARD_ADMIN_USERNAME', 'should be 2–32 letters, digits, dots, dashes or underscores');
  }
  if (adminPassword !== undefined && (adminPassword.length < 8 || adminPassword.length > 128)) {
    throw new ConfigError('DASHBOARD_ADMIN_PASSWORD', 'should be 8 to 128 characters');
  }
  const publicUrl = value(env, 'BETTER_AUTH_URL');
  return {
    sessionIdleHours: positiveNumber(env, 'DASHBOARD_SESSION_IDLE_HOURS', 8, 24 * 30),
    lookupsPerMinute: Math.floor(positiveNumber(env, 'DASHBOARD_LOOKUPS_PER_MINUTE', 60, 100_000)),
    secureCookies: publicUrl?.startsWith('https:') ?? false,
    trustedProxies: proxyHops(env),
    admin: adminUsername && adminPassword ? { username: adminUsername, password: adminPassword } : undefined,
  };
}

/** Where SQLite and the session secret live when no DATABASE_URL is given (DATA_DIR, default ./data). */
export function dataDir(env: Env): string {
  // Chosen at run time, so the build must not trace it: the folder is data, not code.
  return resolve(/*turbopackIgnore: true*/ value(env, 'DATA_DIR') ?? 'data');
}

/**
 * The school's contract templates by name (WECHATPAY_PLANS), offered on the search form. The
 * sandbox offers its demo school's plans unless told otherwise; a merchant without the list
 * still works, staff then type the plan id.
 */
export function parsePlans(env: Env): NamedPlan[] {
  const raw = value(env, 'WECHATPAY_PLANS');
  if (raw === undefined) return isSandboxMode(env) ? DEMO_PLANS.map((plan) => ({ ...plan })) : [];
  try {
    return parsePlanList(raw);
  } catch (error) {
    throw new ConfigError('WECHATPAY_PLANS', (error as Error).message);
  }
}

/**
 * The plans WECHATPAY_PLANS lists, which make a single-school deployment's school at start; null
 * when it is not set (the sandbox's demo plans are no school's).
 */
export function parseSchoolPlans(env: Env): NamedPlan[] | null {
  return value(env, 'WECHATPAY_PLANS') === undefined ? null : parsePlans(env);
}

/** Whether the app runs against the built-in sandbox (no merchant configured). */
export function isSandboxMode(env: Env = process.env): boolean {
  return !value(env, 'WECHATPAY_MCHID');
}
