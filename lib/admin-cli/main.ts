import 'server-only';
import { getStore } from '@/lib/server/db/database';
import { ConfigError } from '@/lib/settings/errors';
import { getSettings } from '@/lib/settings/settings';
import { authTools } from '@/lib/staff/server/account-service';
import { backupDatabase } from './backup';
import { parseArgs, readsPassword } from './parse';
import { runCommand } from './run';
import { USAGE } from './usage';

/** Where the command line writes, and how it reads the password (standard input's first line). */
export interface CliIo {
  out(text: string): void;
  err(line: string): void;
  firstLine(): Promise<string | null>;
}

/**
 * `npm run admin -- …`: parses, opens the app's database with the app's configuration (through
 * the same modules as the server, so DATA_DIR / DATABASE_URL mean the same), runs the command and
 * returns the exit status. Any failure is one line on standard error, never a stack trace.
 */
export async function main(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if (!parsed.ok) {
    io.err(parsed.error);
    return 2;
  }
  const { command } = parsed;
  if (command.kind === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (command.kind === 'backup') {
    try {
      const outcome = await backupDatabase(getSettings().storage.database, command.file);
      if (outcome.code === 0) io.out(`${outcome.out}\n`);
      else io.err(outcome.error);
      return outcome.code;
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      io.err(`Configuration error: ${error.message}`);
      return 1;
    }
  }
  let password: string | null = null;
  if (readsPassword(command)) {
    password = await io.firstLine();
    if (!password) {
      io.err('no password: give it on the first line of standard input');
      return 2;
    }
  }
  try {
    const store = await getStore();
    try {
      const outcome = await runCommand(command, { store, auth: await authTools() }, async () => password ?? '');
      if (outcome.code !== 0) {
        io.err(outcome.error);
        return outcome.code;
      }
      if (outcome.out.length > 0) io.out(`${outcome.out.join('\n')}\n`);
      return 0;
    } finally {
      await store.db.destroy();
    }
  } catch (error) {
    if (error instanceof ConfigError) io.err(`Configuration error: ${error.message}`);
    else
      io.err(
        `Database error: ${error instanceof Error ? error.message : String(error)} (check DATABASE_URL or DATA_DIR)`,
      );
    return 1;
  }
}
