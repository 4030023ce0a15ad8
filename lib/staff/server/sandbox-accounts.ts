import 'server-only';
import type { Kysely } from 'kysely';
import type { Store } from '@/lib/server/db/database';
import { logger } from '@/lib/server/logger';
import type { SandboxAccountsDecision } from '@/lib/settings/access';
import { ConfigError } from '@/lib/settings/errors';
import { DEMO_DOMAIN } from './first-admin';

/**
 * Accounts made while the dashboard ran the sandbox (auth.ts marks each one madeInSandbox): a
 * trial, where the demo admin's password is printed on the sign-in page and anyone on the network
 * may have used it. A real merchant on the same database must not inherit them unseen, nor have
 * them stand in for the admin DASHBOARD_ADMIN_* would make. The demo accounts themselves are left
 * out here: they are always removed (first-admin.ts).
 */

// better-auth's tables are not in the project's Kysely types: these few queries name them plainly.
interface SandboxAccountTables {
  // A boolean in PostgreSQL, 0 or 1 in SQLite (as better-auth writes it there).
  user: { id: string; username: string | null; name: string; email: string; madeInSandbox: boolean | number | null };
  session: { userId: string };
}

const NAMES_SHOWN = 10;

function namesOf(accounts: { username: string | null; name: string }[]): string {
  const names = accounts.map((account) => account.username ?? account.name);
  return names.length > NAMES_SHOWN ? `${names.slice(0, NAMES_SHOWN).join(', ')}, …` : names.join(', ');
}

/**
 * With a real merchant, before the first admin is looked for: the operator's decision on the
 * sandbox's accounts is applied (remove: deleted, their sessions with them; keep: real accounts
 * from now on, their sessions ended), or, with none given while there are some, the start stops
 * with a ConfigError saying what there is and what to do.
 */
export async function settleSandboxAccounts(
  store: Pick<Store, 'db' | 'type'>,
  decision: SandboxAccountsDecision | undefined,
): Promise<void> {
  const db = store.db as unknown as Kysely<SandboxAccountTables>;
  const [yes, no] = store.type === 'sqlite' ? [1, 0] : [true, false];
  const accounts = await db
    .selectFrom('user')
    .select(['id', 'username', 'name'])
    .where('madeInSandbox', '=', yes)
    .where('email', 'not like', `%${DEMO_DOMAIN}`)
    .orderBy('username')
    .execute();
  if (accounts.length === 0) return;
  const names = namesOf(accounts);
  const ids = accounts.map((account) => account.id);
  if (decision === undefined) {
    throw new ConfigError(
      'DASHBOARD_SANDBOX_ACCOUNTS',
      `the database holds ${accounts.length} account${accounts.length === 1 ? '' : 's'} made in sandbox mode (${names}), and a real merchant is configured: set DASHBOARD_SANDBOX_ACCOUNTS=remove to delete them, or =keep to keep them as real accounts once you have checked each; or start on a new database`,
    );
  }
  if (decision === 'remove') {
    await db.deleteFrom('user').where('id', 'in', ids).execute();
    logger.warn({ usernames: names }, 'accounts made in sandbox mode removed (DASHBOARD_SANDBOX_ACCOUNTS=remove)');
  } else {
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('session').where('userId', 'in', ids).execute();
      await trx.updateTable('user').set({ madeInSandbox: no }).where('id', 'in', ids).execute();
    });
    logger.warn(
      { usernames: names },
      'accounts made in sandbox mode kept as real accounts, their sessions ended (DASHBOARD_SANDBOX_ACCOUNTS=keep)',
    );
  }
}
