import 'server-only';
import { getGateway } from '@/lib/gateway/gateway';
import { getStore } from '@/lib/server/db/database';
import { ConfigError } from '@/lib/settings/errors';
import { getSettings, type Settings } from '@/lib/settings/settings';
import { getAuth } from '@/lib/staff/server/auth';
import { ensureFirstAdmin } from '@/lib/staff/server/first-admin';
import { settleSandboxAccounts } from '@/lib/staff/server/sandbox-accounts';
import { logger } from './logger';

function stop(message: string): never {
  console.error(message);
  process.exit(1);
}

/**
 * The settings are parsed first, all of them: a misconfiguration stops the start here with one
 * line naming the variable, rather than a stack trace at the first search. Then the database is
 * migrated, auth made (with the session secret kept in DATA_DIR, made on first start), a real
 * merchant's start stopped the same way while accounts from a sandbox trial are undecided, the
 * first admin made if there is none, and in sandbox mode the simulated WeChat Pay started.
 */
export async function startServer(): Promise<void> {
  let settings: Settings;
  try {
    settings = getSettings();
  } catch (error) {
    if (error instanceof ConfigError) stop(`Configuration error: ${error.message}`);
    throw error;
  }
  try {
    const store = await getStore();
    logger.info({ database: store.where }, 'database ready');
  } catch (error) {
    stop(`Database error: ${error instanceof Error ? error.message : String(error)} (check DATABASE_URL or DATA_DIR)`);
  }
  await getAuth();
  if (settings.wechatpay.mode === 'merchant') {
    try {
      await settleSandboxAccounts(await getStore(), settings.access.sandboxAccounts);
    } catch (error) {
      if (error instanceof ConfigError) stop(`Configuration error: ${error.message}`);
      throw error;
    }
  }
  try {
    await ensureFirstAdmin(settings.access, settings.wechatpay.mode === 'sandbox');
  } catch (error) {
    const reason = (error as { body?: { message?: string } }).body?.message ?? String(error);
    stop(`Configuration error: DASHBOARD_ADMIN_USERNAME: the first admin could not be created (${reason})`);
  }
  await getGateway();
}
