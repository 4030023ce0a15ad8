import { PLAN_ID_MAX, SEARCH_ID_PATTERN } from '@/lib/contracts/search-input';
import type messages from '@/messages/zh-CN.json';

/**
 * What a school key, a school's or plan's name and a plan id may be. The admin pages and the
 * command line both check through these, and the services check again before writing.
 */

/** What is wrong, as a key of `schools.errors` in the messages; the caller puts it into words. */
export type SchoolIssue = keyof (typeof messages)['schools']['errors'];

export const SCHOOL_KEY_PATTERN = /^[a-z0-9-]{2,32}$/;
export const SCHOOL_NAME_MAX = 60;
/** As in WECHATPAY_PLANS (lib/contracts/plans.ts). */
export const PLAN_NAME_MAX = 40;
export const WECHAT_SCHOOL_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

type Checked<T> = { ok: true; value: T } | { ok: false; issue: SchoolIssue };

const CONTROL = /\p{Cc}/u;

/** A name as shown on screen: trimmed, neither empty nor too long, on one line. */
function displayName(raw: string, max: number, issue: SchoolIssue): Checked<string> {
  const value = raw.trim();
  if (value.length === 0 || [...value].length > max || CONTROL.test(value)) return { ok: false, issue };
  return { ok: true, value };
}

export function checkSchoolKey(raw: string): Checked<string> {
  return SCHOOL_KEY_PATTERN.test(raw) ? { ok: true, value: raw } : { ok: false, issue: 'key' };
}

export function checkSchoolName(raw: string): Checked<string> {
  return displayName(raw, SCHOOL_NAME_MAX, 'schoolName');
}

export function checkPlanName(raw: string): Checked<string> {
  return displayName(raw, PLAN_NAME_MAX, 'planName');
}

export function checkPlanId(raw: string): Checked<string> {
  const value = raw.trim();
  return value.length <= PLAN_ID_MAX && SEARCH_ID_PATTERN.test(value)
    ? { ok: true, value }
    : { ok: false, issue: 'planId' };
}

/** Optional: blank means none. */
export function checkWechatSchoolId(raw: string | null | undefined): Checked<string | null> {
  const value = raw?.trim() ?? '';
  if (value === '') return { ok: true, value: null };
  return WECHAT_SCHOOL_ID_PATTERN.test(value) ? { ok: true, value } : { ok: false, issue: 'wechatSchoolId' };
}
