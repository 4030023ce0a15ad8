import 'server-only';
import { SANDBOX } from '@/lib/schools/roles';
import { getStore } from '@/lib/server/db/database';
import { logger } from '@/lib/server/logger';
import type { AccessSettings } from '@/lib/settings/access';
import { DEMO_ACCOUNTS, DEMO_ADMIN } from '@/lib/staff/demo-account';
import { authTools, createAccount, enabledAdmins, findAccount, placeholderEmail } from './account-service';
import { getAuth } from './auth';

/** The sandbox's demo accounts are told apart by addresses no real account is given. */
export const DEMO_DOMAIN = '@sandbox.invalid';
export const DEMO_EMAIL = `${DEMO_ADMIN.username}${DEMO_DOMAIN}`;

/**
 * Whether an enabled admin other than the demo one exists. A disabled admin does not count: with
 * every admin disabled, DASHBOARD_ADMIN_* makes a new one, and the deployment is not locked out.
 */
async function adminExists(): Promise<boolean> {
  const { db, type } = await getStore();
  const row = await enabledAdmins(db, type).where('email', '!=', DEMO_EMAIL).executeTakeFirst();
  return row !== undefined;
}

/**
 * With a real merchant the demo accounts, whose password is public, must not exist: they are
 * removed (their sessions and schools with them).
 */
async function removeDemoAccounts(): Promise<void> {
  const { db } = await getStore();
  const removed = await db.deleteFrom('user').where('email', 'like', `%${DEMO_DOMAIN}`).executeTakeFirst();
  if (Number(removed.numDeletedRows) > 0) logger.warn('sandbox demo accounts removed: a merchant is configured');
}

/**
 * Beside the demo admin, the demo school admin and clerks, each made once (with its audit
 * record) and marked as a demo account. Refusals (the demo schools replaced by WECHATPAY_PLANS,
 * say) are logged, not fatal: the sandbox still works with the demo admin.
 */
async function ensureDemoStaff(): Promise<void> {
  const store = await getStore();
  const deps = { store, auth: await authTools() };
  for (const demo of DEMO_ACCOUNTS.filter((account) => account.role !== 'admin')) {
    if (await findAccount(store.db, { username: demo.username })) continue;
    const made = await createAccount(deps, SANDBOX, demo);
    if (!made.ok) {
      logger.warn({ username: demo.username, issue: made.issue }, 'sandbox demo account not created');
      continue;
    }
    await store.db
      .updateTable('user')
      .set({ email: `${made.account.username}${DEMO_DOMAIN}` })
      .where('id', '=', made.account.id)
      .execute();
    logger.warn({ username: demo.username, role: demo.role }, 'SANDBOX ONLY: demo account created');
  }
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
  if (!sandbox) await removeDemoAccounts();
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
  if (!settings.admin && sandbox && (await demoAdminExists())) return ensureDemoStaff();
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
  else {
    logger.warn({ username: credentials.username, password: credentials.password }, 'SANDBOX ONLY: demo admin created');
    await ensureDemoStaff();
  }
}
