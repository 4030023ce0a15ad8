'use server';

import type { LookupResult } from '@/lib/contracts/lookup';
import { lookupContracts } from '@/lib/server/contracts';

/** The browser's way to look up a contracts page; validation happens inside the data layer. */
export async function queryContracts(input: unknown): Promise<LookupResult> {
  return lookupContracts(input);
}
