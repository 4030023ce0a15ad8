import 'server-only';
import { COMMAND_LINE } from '@/lib/schools/roles';
import { listPlans, listSchools } from '@/lib/schools/server/directory';
import {
  addPlan,
  addSchool,
  archivePlan,
  archiveSchool,
  renamePlan,
  renameSchool,
  type SchoolResult,
} from '@/lib/schools/server/school-service';
import {
  type Account,
  type AccountDeps,
  type AccountResult,
  changeRole,
  createAccount,
  disableAccount,
  enableAccount,
  listAccounts,
  resetPassword,
  setAccountSchools,
} from '@/lib/staff/server/account-service';
import { explainAccountIssue, explainSchoolIssue } from './explain';
import type { Command } from './parse';
import { rosterDeleteCommand, rosterImportCommand } from './roster';

/**
 * What a command printed and how it ended: lines for standard output, or what is wrong for standard
 * error (one line; a roster file's problems one a line).
 */
export type CliOutcome = { code: 0; out: string[] } | { code: 1; error: string };

const done = (...out: string[]): CliOutcome => ({ code: 0, out });

function school<T>(result: SchoolResult<T>, line: (value: T) => string): CliOutcome {
  return result.ok ? done(line(result.value)) : { code: 1, error: explainSchoolIssue(result.issue, result.values) };
}

function account(result: AccountResult, line: (changed: Account) => string): CliOutcome {
  return result.ok ? done(line(result.account)) : { code: 1, error: explainAccountIssue(result.issue, result.subject) };
}

/** "staff of north, south", or "admin". */
const roleLine = (person: Account) =>
  person.schools.length > 0 ? `${person.role} of ${person.schools.join(', ')}` : person.role;

const when = (at: number | null) => (at === null ? 'in use' : `archived ${new Date(at).toISOString().slice(0, 10)}`);

/**
 * Runs one parsed command as the command line (a provider admin recorded as 'cli'). The password,
 * when the command needs one, comes from `password()` (standard input's first line).
 */
export async function runCommand(
  command: Exclude<Command, { kind: 'help' } | { kind: 'backup' }>,
  deps: AccountDeps,
  password: () => Promise<string>,
): Promise<CliOutcome> {
  const { store } = deps;
  const origin = COMMAND_LINE;
  switch (command.kind) {
    case 'school-add':
      return school(await addSchool(store, origin, command), (added) => `school ${added.key} added: ${added.name}`);
    case 'school-list':
      return done(
        ...(await listSchools(store.db)).map((row) =>
          [row.key, row.name, row.wechatSchoolId ?? '-', when(row.archivedAt)].join('\t'),
        ),
      );
    case 'school-rename':
      return school(
        await renameSchool(store, origin, command.key, command.name),
        (renamed) => `school ${renamed.key} renamed: ${renamed.name}`,
      );
    case 'school-archive':
      return school(await archiveSchool(store, origin, command.key), (archived) => `school ${archived.key} archived`);
    case 'plan-add':
      return school(
        await addPlan(store, origin, command),
        (added) => `plan ${added.planId} added to school ${added.schoolKey}: ${added.name}`,
      );
    case 'plan-list':
      return done(
        ...(await listPlans(store.db, command.schoolKey)).map((row) =>
          [row.planId, row.schoolKey, row.name, when(row.archivedAt)].join('\t'),
        ),
      );
    case 'plan-rename':
      return school(
        await renamePlan(store, origin, command.planId, command.name),
        (renamed) => `plan ${renamed.planId} renamed: ${renamed.name}`,
      );
    case 'plan-archive':
      return school(await archivePlan(store, origin, command.planId), (archived) => `plan ${archived.planId} archived`);
    case 'user-add': {
      const input = { ...command, password: await password() };
      return account(
        await createAccount(deps, origin, input),
        (added) => `user ${added.username} added: ${roleLine(added)}`,
      );
    }
    case 'user-list':
      return done(
        ...(await listAccounts(store.db, origin.actor)).map((row) =>
          [row.username, row.role, row.banned ? 'disabled' : 'enabled', row.schools.join(',') || '-'].join('\t'),
        ),
      );
    case 'user-reset-password': {
      const ref = { username: command.username };
      const result = await resetPassword(deps, origin, ref, await password());
      return account(result, (changed) => `password of ${changed.username} reset; their sessions are ended`);
    }
    case 'user-enable':
      return account(
        await enableAccount(deps, origin, { username: command.username }),
        (changed) => `user ${changed.username} enabled`,
      );
    case 'user-disable':
      return account(
        await disableAccount(deps, origin, { username: command.username }),
        (changed) => `user ${changed.username} disabled; their sessions are ended`,
      );
    case 'user-role':
      return account(
        await changeRole(deps, origin, { username: command.username }, command.role),
        (changed) => `user ${changed.username}: ${roleLine(changed)}`,
      );
    case 'user-schools':
      return account(
        await setAccountSchools(deps, origin, { username: command.username }, command.schools),
        (changed) => `user ${changed.username}: ${roleLine(changed)}`,
      );
    case 'roster-import':
      return rosterImportCommand(store, origin, command.schoolKey, command.file);
    case 'roster-delete':
      return rosterDeleteCommand(store, origin, command.schoolKey);
  }
}
