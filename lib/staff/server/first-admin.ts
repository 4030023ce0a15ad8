import 'server-only';
import { getStore } from '@/lib/server/db/database';
import { logger } from '@/lib/server/logger';
import type { AccessSettings } from '@/lib/settings/access';
import { DEMO_ADMIN } from '@/lib/staff/demo-account';
import { enabledAdmins, placeholderEmail } from './account-service';
import { getAuth } from './auth';

/** The sandbox's demo admin is told apart by an address no real account is given. */
const DEMO_EMAIL = 'demo@sandbox.invalid';

/**
 * Whether an enabled admin other than the demo one exists. A disabled admin does not count: with
 * every admin disabled, DASHBOARD_ADMIN_* makes a new one, and the deployment is not locked out.
 */
async function adminExists(): Promise<boolean> {
  const { db, type } = await getStore();
  const row = await enabledAdmins(db, type).where('email', '!=', DEMO_EMAIL).executeTakeFirst();
  return row !== undefined;
}

/** With a real merchant the demo admin, whose password is public, must not exist: it is removed. */
async function removeDemoAdmin(): Promise<void> {
  const { db } = await getStore();
  const removed = await db.deleteFrom('user').where('email', '=', DEMO_EMAIL).executeTakeFirst();
  if (Number(removed.numDeletedRows) > 0) logger.warn('sandbox demo admin removed: a merchant is configured');
}

async function demoAdminExists(): Promise<boolean> {
  const { db } = await getStore();
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
