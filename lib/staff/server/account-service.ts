import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { actRecord, type PrivilegedAct } from '@/lib/audit/acts';
import { appendAudit } from '@/lib/audit/server/store';
import { type Actor, isRole, type Origin, type Role, roleOf } from '@/lib/schools/roles';
import { type AccountReach, mayManageAccount } from '@/lib/schools/scope';
import { findSchool } from '@/lib/schools/server/directory';
import type { Store } from '@/lib/server/db/database';
import { exclusively } from '@/lib/server/db/exclusive';
import type { Database, DatabaseType, UserTable } from '@/lib/server/db/schema';
import { getSettings } from '@/lib/settings/settings';
import type { StaffAccount } from '@/lib/staff/account';
import { createUserSchema, type UserIssue } from '@/lib/staff/account-input';
import { validate } from '@/lib/validation/validate';
import { getAuth } from './auth';

/**
 * Every change to an account — create, disable, enable, reset the password, change the role or
 * the schools — for the admin pages and the command line alike, with no HTTP session needed.
 * Each is checked (who may, is it allowed, would it leave no enabled provider admin) and made in
 * one exclusive transaction with its audit record, so two admins at the same moment cannot both
 * remove the last admin. better-auth's own tables are written here with better-auth's password
 * hashing and ids: its endpoints each run their own transaction, which the check could not share.
 * Ending sessions is deleting their rows: better-auth reads the session from the database on
 * every request (no cookie cache), so the person is signed out at their next request.
 */

/** What better-auth contributes: its password hash (scrypt, as sign-in checks it) and its ids. */
export interface AuthTools {
  hashPassword(password: string): Promise<string>;
  newId(model: 'user' | 'account'): string;
}

export interface AccountDeps {
  store: Store;
  auth: AuthTools;
}

/** Staff have no e-mail here; better-auth wants one, so each account gets an address that cannot exist. */
export function placeholderEmail(username: string): string {
  return `${username.toLowerCase()}@staff.invalid`;
}

/** The tools of this process's better-auth. */
export async function authTools(): Promise<AuthTools> {
  const context = await (await getAuth()).$context;
  return {
    hashPassword: (password) => context.password.hash(password),
    newId: (model) => context.generateId({ model }) || randomUUID(),
  };
}

/** An account as the pages and the command line show it: never the password or the e-mail. */
export interface Account {
  id: string;
  username: string;
  role: Role;
  banned: boolean;
  /** Epoch milliseconds. */
  createdAt: number;
  schools: string[];
}

/** An account by id (the pages) or by username (the command line). */
export type AccountRef = { id: string } | { username: string };

export type AccountRefusal = { ok: false; issue: UserIssue; subject?: string };
export type AccountResult = { ok: true; account: Account } | AccountRefusal;

const refuse = (issue: UserIssue, subject?: string): AccountRefusal => ({
  ok: false,
  issue,
  ...(subject !== undefined && { subject }),
});

/** SQLite keeps booleans as 0/1 and dates as ISO text, as better-auth writes them there. */
function encoding(type: DatabaseType) {
  return {
    flag: (value: boolean) => (type === 'sqlite' ? (value ? 1 : 0) : value),
    time: (value: Date) => (type === 'sqlite' ? value.toISOString() : value),
  };
}

const isTrue = (value: boolean | number | null) => value === true || value === 1;

function toAccount(row: Selectable<UserTable>, schools: string[]): Account {
  return {
    id: row.id,
    username: row.username ?? row.name,
    role: roleOf(row.role),
    banned: isTrue(row.banned),
    createdAt: new Date(row.createdAt).getTime(),
    schools,
  };
}

async function schoolsOf(db: Kysely<Database>, userIds: string[]): Promise<Map<string, string[]>> {
  const bySchool = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return bySchool;
  const rows = await db
    .selectFrom('staff_school')
    .select(['user_id', 'school_key'])
    .where('user_id', 'in', userIds)
    .orderBy('school_key')
    .execute();
  for (const row of rows) bySchool.get(row.user_id)?.push(row.school_key);
  return bySchool;
}

export async function findAccount(db: Kysely<Database>, ref: AccountRef): Promise<Account | undefined> {
  const query = db.selectFrom('user').selectAll();
  const row = await ('id' in ref
    ? query.where('id', '=', ref.id)
    : query.where('username', '=', ref.username.toLowerCase())
  ).executeTakeFirst();
  if (!row) return undefined;
  return toAccount(row, (await schoolsOf(db, [row.id])).get(row.id) ?? []);
}

/**
 * The accounts an actor may see, by username: a provider admin every one; a school admin those
 * who work for one of their schools (with only those schools listed); staff none.
 */
export async function listAccounts(db: Kysely<Database>, actor: Actor): Promise<StaffAccount[]> {
  if (actor.role === 'staff') return [];
  const rows = await db.selectFrom('user').selectAll().orderBy('username').execute();
  const schools = await schoolsOf(
    db,
    rows.map((row) => row.id),
  );
  const accounts = rows.map((row) => toAccount(row, schools.get(row.id) ?? []));
  if (actor.role === 'admin') return accounts.map((account) => ({ ...account, manageable: true }));
  return accounts
    .map((account) => ({
      ...account,
      manageable: mayManageAccount(actor, account),
      schools: account.schools.filter((key) => actor.schools.includes(key)),
    }))
    .filter((account) => account.schools.length > 0);
}

/**
 * The enabled provider admins (besides one, if given): a disabled admin cannot sign in, so does
 * not count. None besides the one about to be disabled or demoted means it must stay.
 */
export function enabledAdmins(db: Kysely<Database>, type: DatabaseType, besides?: string) {
  let query = db
    .selectFrom('user')
    .select('id')
    .where('role', '=', 'admin')
    .where((eb) => eb.or([eb('banned', 'is', null), eb('banned', '=', encoding(type).flag(false))]));
  if (besides !== undefined) query = query.where('id', '!=', besides);
  return query;
}

const isLastAdmin = async (trx: Kysely<Database>, type: DatabaseType, account: Account) =>
  account.role === 'admin' &&
  !account.banned &&
  (await enabledAdmins(trx, type, account.id).executeTakeFirst()) === undefined;

/** Schools to give an account: each must exist, and be in use unless the account has it already. */
async function checkSchools(
  trx: Kysely<Database>,
  wanted: readonly string[],
  kept: readonly string[],
): Promise<AccountRefusal | null> {
  for (const key of wanted) {
    const school = await findSchool(trx, key);
    if (!school) return refuse('schoolUnknown', key);
    if (school.archivedAt !== null && !kept.includes(key)) return refuse('schoolArchived', key);
  }
  return null;
}

/** One record per school the account belongs to (each school's trail shows it), or one for none. */
async function recordAct(
  trx: Kysely<Database>,
  origin: Origin,
  act: PrivilegedAct,
  account: Pick<Account, 'username'>,
  schools: readonly string[],
  detail: string | null,
): Promise<void> {
  const at = Date.now();
  for (const school of schools.length > 0 ? [...new Set(schools)] : [null]) {
    await appendAudit(trx, actRecord(origin, act, { subject: account.username, school, detail }, at));
  }
}

type Change = (trx: Kysely<Database>, account: Account) => Promise<AccountResult>;

/** Finds the account, checks the actor may change it, and runs the change exclusively. */
function changeAccount(deps: AccountDeps, origin: Origin, ref: AccountRef, change: Change): Promise<AccountResult> {
  return exclusively(deps.store, async (trx) => {
    const account = await findAccount(trx, ref);
    if (!account) return refuse('userMissing', 'username' in ref ? ref.username : undefined);
    if (!mayManageAccount(origin.actor, account)) return refuse('notAllowed', account.username);
    return change(trx, account);
  });
}

const isSelf = (origin: Origin, account: Account) => origin.actor.userId === account.id;

export interface NewAccount {
  username: string;
  password: string;
  role: Role;
  schools: readonly string[];
}

export async function createAccount(deps: AccountDeps, origin: Origin, input: NewAccount): Promise<AccountResult> {
  const { entries } = createUserSchema;
  const username = validate(entries.username, input.username);
  if (!username.success) return refuse(username.problems[0].message as UserIssue);
  const password = validate(entries.password, input.password);
  if (!password.success) return refuse('passwordLength');
  if (!isRole(input.role)) return refuse('role');
  const schools = [...new Set(input.schools)];
  if (!mayManageAccount(origin.actor, { role: input.role, schools })) return refuse('notAllowed');
  const hash = await deps.auth.hashPassword(password.data);
  const { flag, time } = encoding(deps.store.type);
  return exclusively(deps.store, async (trx) => {
    const name = username.data.toLowerCase();
    const email = placeholderEmail(name);
    const taken = await trx
      .selectFrom('user')
      .select('id')
      .where((eb) => eb.or([eb('username', '=', name), eb('email', '=', email)]))
      .executeTakeFirst();
    if (taken) return refuse('usernameTaken', name);
    const problem = await checkSchools(trx, schools, []);
    if (problem) return problem;
    const now = new Date();
    const id = deps.auth.newId('user');
    await trx
      .insertInto('user')
      .values({
        id,
        name: username.data,
        email,
        emailVerified: flag(false),
        image: null,
        createdAt: time(now),
        updatedAt: time(now),
        username: name,
        displayUsername: username.data,
        role: input.role,
        banned: flag(false),
        banReason: null,
        banExpires: null,
        // Every account made while the sandbox runs is marked (see sandbox-accounts.ts).
        madeInSandbox: flag(getSettings().wechatpay.mode === 'sandbox'),
      })
      .execute();
    await trx
      .insertInto('account')
      .values({
        id: deps.auth.newId('account'),
        accountId: id,
        providerId: 'credential',
        userId: id,
        password: hash,
        createdAt: time(now),
        updatedAt: time(now),
      })
      .execute();
    if (schools.length > 0) {
      await trx
        .insertInto('staff_school')
        .values(schools.map((school_key) => ({ user_id: id, school_key })))
        .execute();
    }
    const account: Account = { id, username: name, role: input.role, banned: false, createdAt: now.getTime(), schools };
    await recordAct(trx, origin, 'account_create', account, schools, `role ${input.role}`);
    return { ok: true, account };
  });
}

/** Disables an account and ends its sessions at once; never the last enabled provider admin. */
export async function disableAccount(deps: AccountDeps, origin: Origin, ref: AccountRef): Promise<AccountResult> {
  const { flag, time } = encoding(deps.store.type);
  return changeAccount(deps, origin, ref, async (trx, account) => {
    if (isSelf(origin, account)) return refuse('selfDisable', account.username);
    if (await isLastAdmin(trx, deps.store.type, account)) return refuse('lastAdmin', account.username);
    await trx
      .updateTable('user')
      .set({ banned: flag(true), banReason: `disabled by ${origin.actor.username}`, updatedAt: time(new Date()) })
      .where('id', '=', account.id)
      .execute();
    await trx.deleteFrom('session').where('userId', '=', account.id).execute();
    await recordAct(trx, origin, 'account_disable', account, account.schools, null);
    return { ok: true, account: { ...account, banned: true } };
  });
}

export async function enableAccount(deps: AccountDeps, origin: Origin, ref: AccountRef): Promise<AccountResult> {
  const { flag, time } = encoding(deps.store.type);
  return changeAccount(deps, origin, ref, async (trx, account) => {
    await trx
      .updateTable('user')
      .set({ banned: flag(false), banReason: null, banExpires: null, updatedAt: time(new Date()) })
      .where('id', '=', account.id)
      .execute();
    await recordAct(trx, origin, 'account_enable', account, account.schools, null);
    return { ok: true, account: { ...account, banned: false } };
  });
}

/**
 * Sets a new password and ends the person's sessions at once (whoever knew the old one is signed
 * out); someone resetting their own stays signed in.
 */
export async function resetPassword(
  deps: AccountDeps,
  origin: Origin,
  ref: AccountRef,
  newPassword: string,
): Promise<AccountResult> {
  const password = validate(createUserSchema.entries.password, newPassword);
  if (!password.success) return refuse('passwordLength');
  const hash = await deps.auth.hashPassword(password.data);
  const { time } = encoding(deps.store.type);
  return changeAccount(deps, origin, ref, async (trx, account) => {
    const now = time(new Date());
    const updated = await trx
      .updateTable('account')
      .set({ password: hash, updatedAt: now })
      .where('userId', '=', account.id)
      .where('providerId', '=', 'credential')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      await trx
        .insertInto('account')
        .values({
          id: deps.auth.newId('account'),
          accountId: account.id,
          providerId: 'credential',
          userId: account.id,
          password: hash,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
    }
    // Whoever knew the old password is signed out; resetting one's own keeps the session it was done in.
    let sessions = trx.deleteFrom('session').where('userId', '=', account.id);
    if (isSelf(origin, account) && origin.keepSession) sessions = sessions.where('id', '!=', origin.keepSession);
    await sessions.execute();
    await recordAct(trx, origin, 'account_password', account, account.schools, null);
    return { ok: true, account };
  });
}

/** Changes the role, from the person's next request; never away from the last enabled provider admin. */
export async function changeRole(
  deps: AccountDeps,
  origin: Origin,
  ref: AccountRef,
  role: Role,
): Promise<AccountResult> {
  if (!isRole(role)) return refuse('role');
  const { time } = encoding(deps.store.type);
  return changeAccount(deps, origin, ref, async (trx, account) => {
    const changed = { ...account, role };
    if (!mayManageAccount(origin.actor, changed)) return refuse('notAllowed', account.username);
    if (account.role === 'admin' && role !== 'admin') {
      if (isSelf(origin, account)) return refuse('selfDemote', account.username);
      if (await isLastAdmin(trx, deps.store.type, account)) return refuse('lastAdmin', account.username);
    }
    await trx
      .updateTable('user')
      .set({ role, updatedAt: time(new Date()) })
      .where('id', '=', account.id)
      .execute();
    await recordAct(trx, origin, 'account_role', account, account.schools, `${account.role} → ${role}`);
    return { ok: true, account: changed };
  });
}

/** Sets which schools the person works for, from their next request. */
export async function setAccountSchools(
  deps: AccountDeps,
  origin: Origin,
  ref: AccountRef,
  wanted: readonly string[],
): Promise<AccountResult> {
  const schools = [...new Set(wanted)].sort();
  return changeAccount(deps, origin, ref, async (trx, account) => {
    const changed: Account & AccountReach = { ...account, schools };
    if (!mayManageAccount(origin.actor, changed)) return refuse('notAllowed', account.username);
    const problem = await checkSchools(trx, schools, account.schools);
    if (problem) return problem;
    await trx.deleteFrom('staff_school').where('user_id', '=', account.id).execute();
    if (schools.length > 0) {
      await trx
        .insertInto('staff_school')
        .values(schools.map((school_key) => ({ user_id: account.id, school_key })))
        .execute();
    }
    const detail = `${account.schools.join(',') || '-'} → ${schools.join(',') || '-'}`;
    await recordAct(trx, origin, 'account_schools', account, [...account.schools, ...schools], detail);
    return { ok: true, account: changed };
  });
}
