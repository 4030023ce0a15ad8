import 'server-only';
import { getGateway } from '@/lib/gateway/gateway';
import { seedDemoRoster } from '@/lib/roster/server/demo-roster';
import { seedDemoSchools } from '@/lib/schools/server/demo-schools';
import { applySchoolSettings } from '@/lib/schools/server/seed';
import { getStore, type Store } from '@/lib/server/db/database';
import { ConfigError } from '@/lib/settings/errors';
import { getSettings, type Settings } from '@/lib/settings/settings';
import { getAuth } from '@/lib/staff/server/auth';
import { ensureFirstAdmin } from '@/lib/staff/server/first-admin';
import { settleSandboxAccounts } from '@/lib/staff/server/sandbox-accounts';
import { readableByOthers } from './file-permissions';
import { logger } from './logger';
import { installRequestAddress } from './request-address';

function stop(message: string): never {
  console.error(message);
  process.exit(1);
}

/**
 * The merchant's private key signs for the school's money: anyone else on the machine who can read
 * it can act as the merchant. The key works, so this is a warning, not a stop.
 */
function warnIfKeyExposed({ wechatpay }: Settings): void {
  const file = wechatpay.mode === 'merchant' ? wechatpay.privateKeyFile : undefined;
  if (file && readableByOthers(file)) {
    logger.warn({ file }, 'WECHATPAY_PRIVATE_KEY_FILE is readable by group or others: chmod 600 it');
  }
}

/**
 * The settings are parsed first, all of them: a misconfiguration stops the start here with one
 * line naming the variable, rather than a stack trace at the first search (and a merchant key that
 * others may read is warned about). Then the hook that finds each request's client address is
 * installed (request-address.ts), the database migrated, WECHATPAY_PLANS's school (or in the
 * sandbox its demo schools) seeded, auth made (with the session secret kept in DATA_DIR, made on
 * first start), a real merchant's start stopped the same way while accounts from a sandbox trial
 * are undecided, the first admin made if there is none, and in sandbox mode the simulated WeChat
 * Pay started.
 */
export async function startServer(): Promise<void> {
  let settings: Settings;
  try {
    settings = getSettings();
  } catch (error) {
    if (error instanceof ConfigError) stop(`Configuration error: ${error.message}`);
    throw error;
  }
  // First: every request from now on is told apart by the address that connected.
  installRequestAddress(settings.access.trustedProxies);
  warnIfKeyExposed(settings);
  let store: Store;
  try {
    store = await getStore();
    logger.info({ database: store.where }, 'database ready');
  } catch (error) {
    stop(`Database error: ${error instanceof Error ? error.message : String(error)} (check DATABASE_URL or DATA_DIR)`);
  }
  await applySchoolSettings(store, settings.schoolPlans);
  // The sandbox's demo plans belong to its demo schools, unless WECHATPAY_PLANS says otherwise.
  const sandbox = settings.wechatpay.mode === 'sandbox';
  if (sandbox && !settings.schoolPlans) {
    await seedDemoSchools(store);
    await seedDemoRoster(store);
  }
  await getAuth();
  if (settings.wechatpay.mode === 'merchant') {
    try {
      await settleSandboxAccounts(store, settings.access.sandboxAccounts);
    } catch (error) {
      if (error instanceof ConfigError) stop(`Configuration error: ${error.message}`);
      throw error;
    }
  }
  try {
    await ensureFirstAdmin(settings.access, sandbox);
  } catch (error) {
    const reason = (error as { body?: { message?: string } }).body?.message ?? String(error);
    stop(`Configuration error: DASHBOARD_ADMIN_USERNAME: the first admin could not be created (${reason})`);
  }
  await getGateway();
}
