import 'server-only';
import { DEMO_ADMIN } from '@/lib/sandbox/demo-admin';
import { getAuth } from './auth';
import type { AccessSettings } from './config';
import { getStore } from './db/database';
import { logger } from './logger';

/** Staff have no e-mail here; better-auth wants one, so each account gets an address that cannot exist. */
export function placeholderEmail(username: string): string {
  return `${username.toLowerCase()}@staff.invalid`;
}

async function adminExists(): Promise<boolean> {
  const { db } = await getStore();
  const row = await db
    .selectFrom('user' as never)
    .select('id' as never)
    .where('role' as never, '=', 'admin' as never)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Creates the first admin when there is none, from DASHBOARD_ADMIN_*; never overwrites one. In
 * sandbox mode without them, a demo admin whose credentials the log and the login page show.
 */
export async function ensureFirstAdmin(settings: AccessSettings, sandbox: boolean): Promise<void> {
  if (await adminExists()) return;
  const credentials = settings.admin ?? (sandbox ? DEMO_ADMIN : undefined);
  if (!credentials) {
    logger.warn('no admin account exists: set DASHBOARD_ADMIN_USERNAME and DASHBOARD_ADMIN_PASSWORD and restart');
    return;
  }
  const auth = await getAuth();
  try {
    await auth.api.createUser({
      body: {
        email: placeholderEmail(credentials.username),
        password: credentials.password,
        name: credentials.username,
        role: 'admin',
        data: { username: credentials.username.toLowerCase(), displayUsername: credentials.username },
      },
    });
  } catch (error) {
    // Another instance starting at the same moment may have created it first.
    if (await adminExists()) return;
    throw error;
  }
  if (settings.admin)
    logger.info({ username: credentials.username }, 'first admin created from DASHBOARD_ADMIN_USERNAME');
  else
    logger.warn({ username: credentials.username, password: credentials.password }, 'SANDBOX ONLY: demo admin created');
}
