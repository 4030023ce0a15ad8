import { type NamedPlan, parsePlanList } from '@/lib/contracts/plans';
import { DEMO_PLANS } from '@/lib/sandbox';
import { type Env, value } from './env';
import { ConfigError } from './errors';
import { isSandboxMode } from './wechatpay';

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
