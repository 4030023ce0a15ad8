import 'server-only';
import { getStore } from '@/lib/server/db/database';
import { authTools } from '@/lib/staff/server/account-service';
import { type CliIo, runCli } from './cli';

/**
 * `npm run admin -- …`: the command line on the app's database, opened with the app's
 * configuration (through the same modules as the server, so DATA_DIR / DATABASE_URL mean the
 * same) and closed when the command is done. Returns the exit status.
 */
export function main(args: readonly string[], io: CliIo): Promise<number> {
  return runCli(args, io, async (command) => {
    const store = await getStore();
    try {
      return await command({ store, auth: await authTools() });
    } finally {
      await store.db.destroy();
    }
  });
}
