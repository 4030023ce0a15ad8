import 'server-only';
import type { Kysely } from 'kysely';
import { getStore } from '@/lib/server/db/database';
import { logger } from '@/lib/server/logger';
import type { AccessSettings } from '@/lib/settings/access';
import { DEMO_ADMIN } from '@/lib/staff/demo-account';
import { getAuth } from './auth';

/** Staff have no e-mail here; better-auth wants one, so each account gets an address that cannot exist. */
export function placeholderEmail(username: string): string {
  return `${username.toLowerCase()}@staff.invalid`;
}

/** The sandbox's demo admin is told apart by an address no real account is given. */
export const DEMO_EMAIL = 'demo@sandbox.invalid';

// better-auth's tables are not in the project's Kysely types: these few queries name them plainly.
type AuthTables = { user: { id: string; role: string | null; email: string; username: string | null } };

async function authDb() {
  const { db } = await getStore();
  return db as unknown as Kysely<AuthTables>;
}

async function adminExists(): Promise<boolean> {
  const db = await authDb();
  const row = await db
    .selectFrom('user')
    .select('id')
    .where('role', '=', 'admin')
    .where('email', '!=', DEMO_EMAIL)
    .executeTakeFirst();
  return row !== undefined;
}

/** With a real merchant the demo admin, whose password is public, must not exist: it is removed. */
async function removeDemoAdmin(): Promise<void> {
  const db = await authDb();
  const removed = await db.deleteFrom('user').where('email', '=', DEMO_EMAIL).executeTakeFirst();
  if (Number(removed.numDeletedRows) > 0) logger.warn('sandbox demo admin removed: a merchant is configured');
}

async function demoAdminExists(): Promise<boolean> {
  const db = await authDb();
  return (await db.selectFrom('user').select('id').where('email', '=', DEMO_EMAIL).executeTakeFirst()) !== undefined;
}

/**
 * Creates the first admin when there is none, from DASHBOARD_ADMIN_*; never overwrites one. In
 * sandbox mode without them, a demo admin whose credentials the log and the login page show.
 */
export async function ensureFirstAdmin(settings: AccessSettings, sandbox: boolean): Promise<void> {
  if (!sandbox) await removeDemoAdmin();
  if (await adminExists()) {
    if (settings.admin) {
      logger.info(
        { username: settings.admin.username },
        'an admin already exists: DASHBOARD_ADMIN_USERNAME was not used (existing accounts are never overwritten)',
      );
    }
    return;
  }
  // In the sandbox with its demo admin already there, nothing more is needed.
  if (!settings.admin && sandbox && (await demoAdminExists())) return;
  const credentials = settings.admin ?? (sandbox ? DEMO_ADMIN : undefined);
  if (!credentials) {
    logger.warn('no admin account exists: set DASHBOARD_ADMIN_USERNAME and DASHBOARD_ADMIN_PASSWORD and restart');
    return;
  }
  const auth = await getAuth();
  try {
    await auth.api.createUser({
      body: {
        email: settings.admin ? placeholderEmail(credentials.username) : DEMO_EMAIL,
        password: credentials.password,
        name: credentials.username,
        role: 'admin',
        data: { username: credentials.username.toLowerCase(), displayUsername: credentials.username },
      },
    });
  } catch (error) {
    // Another instance starting at the same moment may have created it first.
    if ((await adminExists()) || (!settings.admin && (await demoAdminExists()))) return;
    throw error;
  }
  if (settings.admin)
    logger.info({ username: credentials.username }, 'first admin created from DASHBOARD_ADMIN_USERNAME');
  else
    logger.warn({ username: credentials.username, password: credentials.password }, 'SANDBOX ONLY: demo admin created');
}
