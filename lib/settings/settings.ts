import 'server-only';
import type { NamedPlan } from '@/lib/contracts/plans';
import { perProcess } from '@/lib/server/singleton';
import { type AccessSettings, parseAccess } from './access';
import type { Env } from './env';
import { type OperationsSettings, parseOperations } from './operations';
import { parsePlans, parseSchoolPlans } from './plans';
import { parseStorage, type StorageSettings } from './storage';
import { parseWechatPay, type WechatPaySettings } from './wechatpay';

/** Everything the environment configures, checked once at start and the same for every request. */
export interface Settings {
  readonly wechatpay: WechatPaySettings;
  readonly access: AccessSettings;
  /** The school's plans by name (WECHATPAY_PLANS, or the demo school's in the sandbox). */
  readonly plans: readonly NamedPlan[];
  /** The plans of a single-school deployment's school, seeded at start (WECHATPAY_PLANS); null without it. */
  readonly schoolPlans: readonly NamedPlan[] | null;
  readonly storage: StorageSettings;
  readonly operations: OperationsSettings;
}

/**
 * Frozen through its plain objects and arrays. Keys (KeyObject) are left as they are: Node caches
 * a key's details on the object itself, and a frozen key throws when asked for them.
 */
function frozen<T>(value: T): T {
  const plain =
    Array.isArray(value) ||
    (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype);
  if (plain) {
    for (const inner of Object.values(value)) frozen(inner);
    Object.freeze(value);
  }
  return value;
}

/** Every setting, or the ConfigError of the first problem (WeChat Pay, access, plans, storage, operations, in that order). */
export function parseSettings(env: Env): Settings {
  return frozen({
    wechatpay: parseWechatPay(env),
    access: parseAccess(env),
    plans: parsePlans(env),
    schoolPlans: parseSchoolPlans(env),
    storage: parseStorage(env),
    operations: parseOperations(env),
  });
}

/**
 * This process's settings, parsed from its environment on first use (at start, by
 * lib/server/startup.ts, which turns a ConfigError into one line and exit 1). The only reader of
 * process.env in the app: everything else takes its part from here.
 */
export function getSettings(): Settings {
  return perProcess('settings', () => parseSettings(process.env));
}
