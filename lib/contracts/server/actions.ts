'use server';

import type { ContractLookupResult } from '@/lib/contracts/contract-found';
import type { LookupResult } from '@/lib/contracts/failure';
import { inRequest } from '@/lib/server/in-request';
import { clientIp, currentStaff } from '@/lib/staff/server/session';
import { lookupContractAs } from './contract-lookup';
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

/**
 * The browser's way to look up one contract by its 签约协议号: the same checks as queryContracts,
 * and a contract outside the clerk's schools answered as none.
 */
export async function queryContract(input: unknown): Promise<ContractLookupResult> {
  return inRequest(async () => {
    const staff = await currentStaff();
    if (!staff) return { ok: false, error: { kind: 'unauthenticated' } };
    return lookupContractAs(staff, input, await clientIp());
  });
}
