'use server';

import type { AllPlansResult } from '@/lib/contracts/all-plans';
import { allPlansQuerySchema } from '@/lib/contracts/search-input';
import { inRequest } from '@/lib/server/in-request';
import { clientIp, currentStaff } from '@/lib/staff/server/session';
import { firstProblemPerField } from '@/lib/validation/field-problems';
import { validate } from '@/lib/validation/validate';
import { lookupAllPlansAs } from './all-plans-lookup';

/**
 * The browser's way to look a parent up in every plan of a school. A public POST endpoint like
 * every server action: it checks who is asking before reading the input, and a refused input
 * reaches neither the database's plans nor WeChat.
 */
export async function queryAllPlans(input: unknown): Promise<AllPlansResult> {
  return inRequest(async () => {
    const staff = await currentStaff();
    if (!staff) return { ok: false, error: { kind: 'unauthenticated' } };
    const parsed = validate(allPlansQuerySchema, input);
    if (!parsed.success) {
      return { ok: false, error: { kind: 'invalid_input', fieldErrors: firstProblemPerField(parsed.problems) } };
    }
    return lookupAllPlansAs(staff, parsed.data, await clientIp());
  });
}
