import 'server-only';
import { ConfigError } from '@/lib/settings/errors';
import { getSettings } from '@/lib/settings/settings';
import type { AccountDeps } from '@/lib/staff/server/account-service';
import { backupDatabase } from './backup';
import { parseArgs, readsPassword } from './parse';
import { type CliOutcome, runCommand } from './run';
import { USAGE } from './usage';

/** Where the command line writes, and how it reads the password (standard input's first line). */
export interface CliIo {
  out(text: string): void;
  err(line: string): void;
  firstLine(): Promise<string | null>;
}

/**
 * Runs `command` on a store and better-auth's tools, and returns its outcome: main opens the app's
 * own (and closes it after); the tests hand in a test store, so they run the command line in
 * process. Called only for a command that needs the database (not for --help or a bad argument).
 */
export type WithDeps = (command: (deps: AccountDeps) => Promise<CliOutcome>) => Promise<CliOutcome>;

/**
 * The command line without its process: parses, reads the password when the command takes one,
 * runs the command on what `withDeps` gives and returns the exit status. Any failure is one line
 * on standard error, never a stack trace.
 */
export async function runCli(args: readonly string[], io: CliIo, withDeps: WithDeps): Promise<number> {
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
  if (command.kind === 'backup') return backup(command.file, io);
  let password: string | null = null;
  if (readsPassword(command)) {
    password = await io.firstLine();
    if (!password) {
      io.err('no password: give it on the first line of standard input');
      return 2;
    }
  }
  try {
    const outcome = await withDeps((deps) => runCommand(command, deps, async () => password ?? ''));
    if (outcome.code !== 0) {
      io.err(outcome.error);
      return outcome.code;
    }
    if (outcome.out.length > 0) io.out(`${outcome.out.join('\n')}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) io.err(`Configuration error: ${error.message}`);
    else
      io.err(
        `Database error: ${error instanceof Error ? error.message : String(error)} (check DATABASE_URL or DATA_DIR)`,
      );
    return 1;
  }
}

/** `backup FILE`: needs no migrated store or auth, only where the database is. */
async function backup(file: string, io: CliIo): Promise<number> {
  try {
    const outcome = await backupDatabase(getSettings().storage.database, file);
    if (outcome.code === 0) io.out(`${outcome.out}\n`);
    else io.err(outcome.error);
    return outcome.code;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(`Configuration error: ${error.message}`);
    return 1;
  }
}
