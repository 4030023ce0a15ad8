import { PLAN_ID_MAX, SEARCH_ID_PATTERN } from './search-input';

/** One of the school's contract templates, by the name finance staff know it by. */
export interface NamedPlan {
  name: string;
  planId: string;
}

const NAME_MAX = 40;

/**
 * Reads WECHATPAY_PLANS: `名称=plan_id` pairs separated by `;` or new lines, e.g.
 * `午餐费=101164396123311331;校车费=101164396123311332`. Full-width `；` and `＝` are accepted too,
 * because the person typing it is likely to be on a Chinese keyboard. Throws an Error whose message
 * names the problem (the caller adds the variable name).
 */
export function parsePlanList(text: string): NamedPlan[] {
  const plans: NamedPlan[] = [];
  const entries = text
    .split(/[;；\r\n]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const match = /^(.+?)\s*[=＝]\s*(\S+)$/.exec(entry);
    if (!match) throw new Error(`"${entry}" should be 名称=plan_id`);
    const [, name, planId] = match as unknown as [string, string, string];
    if (name.length > NAME_MAX) throw new Error(`the name "${name}" is longer than ${NAME_MAX} characters`);
    if (planId.length > PLAN_ID_MAX || !SEARCH_ID_PATTERN.test(planId)) {
      throw new Error(`"${planId}" (${name}) is not a plan id: letters, digits, _ or -, at most ${PLAN_ID_MAX}`);
    }
    if (plans.some((plan) => plan.planId === planId)) throw new Error(`the plan id ${planId} is listed twice`);
    if (plans.some((plan) => plan.name === name)) throw new Error(`the name "${name}" is used twice`);
    plans.push({ name, planId });
  }
  return plans;
}

/** The name staff know a plan id by, if the school listed it. */
export function planName(plans: readonly NamedPlan[], planId: string | null | undefined): string | undefined {
  return plans.find((plan) => plan.planId === planId)?.name;
}
