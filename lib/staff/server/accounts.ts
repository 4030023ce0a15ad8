import 'server-only';
import { headers } from 'next/headers';
import type { StaffAccount } from '@/lib/staff/account';
import { getAuth } from './auth';

const MAX_ACCOUNTS = 1000;

/**
 * Every account, by username. Through better-auth's admin API with the caller's own headers, so
 * better-auth checks again that the caller is an admin; call it only after currentAdmin().
 */
export async function listStaffAccounts(): Promise<StaffAccount[]> {
  const auth = await getAuth();
  const { users } = await auth.api.listUsers({
    query: { limit: MAX_ACCOUNTS, sortBy: 'username', sortDirection: 'asc' },
    headers: await headers(),
  });
  return users.map((user) => ({
    id: user.id,
    username: (user as { username?: string | null }).username ?? user.name,
    role: user.role ?? 'staff',
    banned: Boolean(user.banned),
    createdAt: new Date(user.createdAt).getTime(),
  }));
}
