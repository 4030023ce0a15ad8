'use server';

import type { LookupResult } from '@/lib/contracts/failure';
import { inRequest } from '@/lib/server/in-request';
import { clientIp, currentStaff } from '@/lib/staff/server/session';
import { lookupContractsAs } from './staff-lookup';

/**
 * The browser's way to look up a contracts page. A server action is a public POST endpoint: it
 * checks who is asking itself, before validation and before anything reaches WeChat.
 */
export async function queryContracts(input: unknown): Promise<LookupResult> {
  return inRequest(async () => {
    const staff = await currentStaff();
    if (!staff) return { ok: false, error: { kind: 'unauthenticated' } };
    return lookupContractsAs(staff, input, await clientIp());
  });
}
