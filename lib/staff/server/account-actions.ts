'use server';

import { refresh } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type * as v from 'valibot';
import type { Translator } from '@/i18n/translator';
import type { Origin } from '@/lib/schools/roles';
import { getStore } from '@/lib/server/db/database';
import { logger } from '@/lib/server/logger';
import {
  type AdminActionResult,
  changeRoleSchema,
  createUserSchema,
  missingSchools,
  parseUserForm,
  resetPasswordSchema,
  type UserFieldIssues,
  type UserIssue,
  type UserSchema,
  userRefSchema,
} from '@/lib/staff/account-input';
import { authErrorIssue, isUsernameProblem } from '@/lib/staff/auth-errors';
import {
  type Account,
  type AccountDeps,
  authTools,
  changeRole,
  createAccount,
  disableAccount,
  enableAccount,
  resetPassword,
  setAccountSchools,
} from './account-service';
import { clientIp, currentAccountManager, type Staff } from './session';

/**
 * User management. Each action is a public POST endpoint, so each goes through adminAction: the
 * caller must be a provider or school admin before anything else happens, then the form is
 * validated, then the account service checks again (whose account, within whose schools, never
 * the last admin) and makes the change with its audit record. Every outcome is a value: nothing is thrown to the browser. Refusals are issue
 * keys until the end, where they become text in the admin's language.
 */

type Text = Translator<'users'>;

/** A refusal as an issue key (with each field's), before it is put into words. */
type Refusal = { ok: false; issue: UserIssue; fieldIssues?: UserFieldIssues };
type Outcome = { ok: true; message: string } | Refusal;

const refuse = (issue: UserIssue): Refusal => ({ ok: false, issue });

function inWords(t: Text, outcome: Outcome): AdminActionResult {
  return outcome.ok ? outcome : refusalInWords(t, outcome);
}

function refusalInWords(t: Text, outcome: Refusal): Extract<AdminActionResult, { ok: false }> {
  const fieldErrors = outcome.fieldIssues
    ? Object.fromEntries(Object.entries(outcome.fieldIssues).map(([field, issue]) => [field, t(`errors.${issue}`)]))
    : undefined;
  return { ok: false, error: t(`errors.${outcome.issue}`), ...(fieldErrors && { fieldErrors }) };
}

type AccountOutcome = Awaited<ReturnType<typeof createAccount>>;

/** What one user-management action does once the caller may manage accounts and the form is valid. */
interface AdminAct<Input> {
  /** The account service's change, with its own checks (who may, never the last admin) and audit record. */
  change: (input: Input, deps: AccountDeps, origin: Origin) => Promise<AccountOutcome>;
  /** What the admin is told when it is done. */
  done: (t: Text, account: Account, input: Input, origin: Origin) => string | Promise<string>;
  /** The operators' log line, and what it adds beside the action, admin and target. */
  log: string;
  details?: (input: Input) => Record<string, unknown>;
}

/**
 * Every action's skeleton: the caller must manage accounts before anything else happens, then the
 * form is validated, then the change is made; the outcome is logged for operators and the page
 * refreshed. Failures come back as values, never thrown to the browser.
 */
async function adminAction<S extends UserSchema>(
  action: string,
  schema: S,
  form: FormData,
  act: AdminAct<v.InferOutput<S>>,
): Promise<Outcome> {
  let admin: Staff | null = null;
  try {
    admin = await currentAccountManager();
    if (!admin) return refuse('notAdmin');
    const parsed = parseUserForm(schema, form);
    if (!parsed.ok) return parsed;
    const deps = { store: await getStore(), auth: await authTools() };
    const origin: Origin = { actor: admin, from: await clientIp(), keepSession: admin.sessionId };
    const result = await act.change(parsed.data, deps, origin);
    if (!result.ok) return refuse(result.issue);
    const target = result.account.username;
    logger.info({ action, admin: admin.username, target, ...act.details?.(parsed.data) }, act.log);
    refresh();
    const t = await getTranslations('users');
    return { ok: true, message: await act.done(t, result.account, parsed.data, origin) };
  } catch (error) {
    logger.warn({ action, admin: admin?.username, err: String(error) }, 'user management refused or failed');
    return refuse(authErrorIssue(error));
  }
}

const roleName = async (role: string) => (await getTranslations('roles'))(role as never);

/** The schools ticked on a form (checkboxes named `schools`). */
function schoolsOf(form: FormData): string[] {
  // A forged call may send no form at all.
  if (!(form instanceof FormData)) return [];
  return form
    .getAll('schools')
    .filter((value): value is string => typeof value === 'string')
    .slice(0, 100);
}

export async function createStaffUser(_previous: AdminActionResult | null, form: FormData): Promise<AdminActionResult> {
  const schools = schoolsOf(form);
  const result = await adminAction('create', createUserSchema, form, {
    change: async ({ username, password, role }, deps, origin) =>
      missingSchools(role, schools)
        ? { ok: false, issue: 'schoolsRequired' }
        : createAccount(deps, origin, { username, password, role, schools }),
    done: async (t, account, { role }) => t('create.done', { name: account.username, role: await roleName(role) }),
    log: 'user created',
    details: ({ role }) => ({ role }),
  });
  const t = await getTranslations('users');
  if (result.ok || result.issue === 'notAdmin') return inWords(t, result);
  // Keep what was typed (never the password), and put a username problem beside its field. A
  // forged call may send no form at all.
  const typed = (name: string) => (form instanceof FormData ? String(form.get(name) ?? '').slice(0, 64) : '');
  const values = { username: typed('username'), role: typed('role'), schools };
  const fieldIssues =
    result.fieldIssues ??
    (isUsernameProblem(result.issue)
      ? { username: result.issue }
      : result.issue === 'schoolsRequired'
        ? { schools: result.issue }
        : undefined);
  return { ...refusalInWords(t, { ...result, fieldIssues }), values };
}

/** Disables a user: their sessions end at once, and they cannot sign in. */
export async function disableStaffUser(
  _previous: AdminActionResult | null,
  form: FormData,
): Promise<AdminActionResult> {
  const outcome = await adminAction('disable', userRefSchema, form, {
    change: ({ userId }, deps, origin) => disableAccount(deps, origin, { id: userId }),
    done: (t, account) => t('done.disabled', { name: account.username }),
    log: 'user disabled, sessions ended',
  });
  return inWords(await getTranslations('users'), outcome);
}

export async function enableStaffUser(_previous: AdminActionResult | null, form: FormData): Promise<AdminActionResult> {
  const outcome = await adminAction('enable', userRefSchema, form, {
    change: ({ userId }, deps, origin) => enableAccount(deps, origin, { id: userId }),
    done: (t, account) => t('done.enabled', { name: account.username }),
    log: 'user enabled',
  });
  return inWords(await getTranslations('users'), outcome);
}

/**
 * Sets a new password, and signs out whoever knew the old one: another user's sessions all end;
 * an admin resetting their own (often because it may have leaked) keeps only the session they are
 * using now, so the reset does not throw them out mid-task, and every other one ends.
 */
export async function resetStaffPassword(
  _previous: AdminActionResult | null,
  form: FormData,
): Promise<AdminActionResult> {
  const outcome = await adminAction('reset-password', resetPasswordSchema, form, {
    change: ({ userId, password }, deps, origin) => resetPassword(deps, origin, { id: userId }, password),
    done: (t, account, _input, origin) =>
      account.id === origin.actor.userId ? t('done.ownPassword') : t('done.password', { name: account.username }),
    log: 'password reset',
  });
  return inWords(await getTranslations('users'), outcome);
}

/** Changes a user's role; it applies from their next request. An admin cannot demote themselves. */
export async function changeStaffRole(_previous: AdminActionResult | null, form: FormData): Promise<AdminActionResult> {
  const outcome = await adminAction('change-role', changeRoleSchema, form, {
    change: ({ userId, role }, deps, origin) => changeRole(deps, origin, { id: userId }, role),
    done: async (t, account, { role }) => t('done.role', { name: account.username, role: await roleName(role) }),
    log: 'role changed',
    details: ({ role }) => ({ role }),
  });
  return inWords(await getTranslations('users'), outcome);
}

/** Sets the schools a person works for; it applies from their next request. */
export async function setStaffSchools(_previous: AdminActionResult | null, form: FormData): Promise<AdminActionResult> {
  const schools = schoolsOf(form);
  const outcome = await adminAction('set-schools', userRefSchema, form, {
    change: ({ userId }, deps, origin) => setAccountSchools(deps, origin, { id: userId }, schools),
    done: (t, account) => t('done.schools', { name: account.username }),
    log: 'schools changed',
    details: () => ({ schools }),
  });
  return inWords(await getTranslations('users'), outcome);
}

/**
 * A users-table row's buttons (停用/启用, 设为管理员/设为工作人员): each is a form naming its intent,
 * and all report through one message. An action of its own, so the forms work before the page's
 * script has run. A call that is not a form goes on to be refused like any other.
 */
export async function runUserRowAction(previous: AdminActionResult | null, form: FormData): Promise<AdminActionResult> {
  switch (form instanceof FormData ? form.get('intent') : null) {
    case 'disable':
      return disableStaffUser(previous, form);
    case 'enable':
      return enableStaffUser(previous, form);
    case 'schools':
      return setStaffSchools(previous, form);
    default:
      return changeStaffRole(previous, form);
  }
}
