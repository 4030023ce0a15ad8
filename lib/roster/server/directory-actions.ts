'use server';

import { inRequest } from '@/lib/server/in-request';
import { clientIp, currentStaff } from '@/lib/staff/server/session';
import type { DirectoryResult } from '../directory-result';
import { searchDirectoryAs } from './directory-search';

/**
 * The browser's way to search the parent directory. A server action is a public POST endpoint:
 * it checks who is asking itself, before validation and before any row is read.
 */
export async function searchDirectory(input: unknown): Promise<DirectoryResult> {
  return inRequest(async () => {
    const staff = await currentStaff();
    if (!staff) return { ok: false, error: { kind: 'unauthenticated' } };
    return searchDirectoryAs(staff, input, await clientIp());
  });
}
