'use server';

import { refresh } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { Translator } from '@/i18n/translator';
import type { Origin } from '@/lib/schools/roles';
import { listSchools } from '@/lib/schools/server/directory';
import { getStore } from '@/lib/server/db/database';
import { logger } from '@/lib/server/logger';
import {
  type AdminActionResult,
  changeRoleSchema,
  createUserSchema,
  parseUserForm,
  resetPasswordSchema,
  type UserFieldIssues,
  type UserIssue,
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
} from './account-service';
import { clientIp, currentAdmin, type Staff } from './session';

/**
 * User management. Each action is a public POST endpoint, so each goes through asAdmin: the
 * caller must be an admin before anything else happens, then the form is validated, then the
 * account service checks again (who may, never the last admin) and makes the change with its
 * audit record. Every outcome is a value: nothing is thrown to the browser. Refusals are issue
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

/** A service's refusal as the page's, or what to do with the account it changed. */
function settled(result: AccountOutcome, done: (account: Account) => Outcome): Outcome {
  return result.ok ? done(result.account) : refuse(result.issue);
}

async function asAdmin(
  action: string,
  run: (deps: AccountDeps, origin: Origin, t: Text) => Promise<Outcome>,
): Promise<Outcome> {
  let admin: Staff | null = null;
  try {
    admin = await currentAdmin();
    if (!admin) return refuse('notAdmin');
    const deps = { store: await getStore(), auth: await authTools() };
    return await run(deps, { actor: admin, from: await clientIp() }, await getTranslations('users'));
  } catch (error) {
    logger.warn({ action, admin: admin?.username, err: String(error) }, 'user management refused or failed');
    return refuse(authErrorIssue(error));
  }
}

/**
 * The schools of an account made on the users page, until that page offers a school picker: in a
 * deployment with one school in use (WECHATPAY_PLANS's, say) new staff work for it, as before
 * schools existed; with several, they wait for one to be given (npm run admin -- user schools).
 */
async function soleSchool(deps: AccountDeps, role: string): Promise<string[]> {
  if (role === 'admin') return [];
  const live = (await listSchools(deps.store.db)).filter((school) => school.archivedAt === null);
  return live.length === 1 ? [live[0].key] : [];
}

export async function createStaffUser(_previous: AdminActionResult | null, form: FormData): Promise<AdminActionResult> {
  const result = await asAdmin('create', async (deps, origin, t) => {
    const parsed = parseUserForm(createUserSchema, form);
    if (!parsed.ok) return parsed;
    const { username, password, role } = parsed.data;
    const roleName = (await getTranslations('roles'))(role);
    const schools = await soleSchool(deps, role);
    return settled(await createAccount(deps, origin, { username, password, role, schools }), (account) => {
      logger.info({ action: 'create', admin: origin.actor.username, target: account.username, role }, 'user created');
      refresh();
      return { ok: true, message: t('create.done', { name: account.username, role: roleName }) };
    });
  });
  const t = await getTranslations('users');
  if (result.ok || result.issue === 'notAdmin') return inWords(t, result);
  // Keep what was typed (never the password), and put a username problem beside its field.
  const values = { username: String(form.get('username') ?? '').slice(0, 64), role: String(form.get('role') ?? '') };
  const fieldIssues = result.fieldIssues ?? (isUsernameProblem(result.issue) ? { username: result.issue } : undefined);
  return { ...refusalInWords(t, { ...result, fieldIssues }), values };
}

/** Disables a user: their sessions end at once, and they cannot sign in. */
export async function disableStaffUser(
  _previous: AdminActionResult | null,
  form: FormData,
): Promise<AdminActionResult> {
  const outcome = await asAdmin('disable', async (deps, origin, t) => {
    const parsed = parseUserForm(userRefSchema, form);
    if (!parsed.ok) return parsed;
    return settled(await disableAccount(deps, origin, { id: parsed.data.userId }), (account) => {
      const target = account.username;
      logger.info({ action: 'disable', admin: origin.actor.username, target }, 'user disabled, sessions ended');
      refresh();
      return { ok: true, message: t('done.disabled', { name: target }) };
    });
  });
  return inWords(await getTranslations('users'), outcome);
}

export async function enableStaffUser(_previous: AdminActionResult | null, form: FormData): Promise<AdminActionResult> {
  const outcome = await asAdmin('enable', async (deps, origin, t) => {
    const parsed = parseUserForm(userRefSchema, form);
    if (!parsed.ok) return parsed;
    return settled(await enableAccount(deps, origin, { id: parsed.data.userId }), (account) => {
      logger.info({ action: 'enable', admin: origin.actor.username, target: account.username }, 'user enabled');
      refresh();
      return { ok: true, message: t('done.enabled', { name: account.username }) };
    });
  });
  return inWords(await getTranslations('users'), outcome);
}

/**
 * Sets a new password. Another user's sessions end too (whoever knew the old password is signed
 * out); an admin resetting their own stays signed in.
 */
export async function resetStaffPassword(
  _previous: AdminActionResult | null,
  form: FormData,
): Promise<AdminActionResult> {
  const outcome = await asAdmin('reset-password', async (deps, origin, t) => {
    const parsed = parseUserForm(resetPasswordSchema, form);
    if (!parsed.ok) return parsed;
    const { userId, password } = parsed.data;
    return settled(await resetPassword(deps, origin, { id: userId }, password), (account) => {
      logger.info(
        { action: 'reset-password', admin: origin.actor.username, target: account.username },
        'password reset',
      );
      refresh();
      const self = account.id === origin.actor.userId;
      return { ok: true, message: self ? t('done.ownPassword') : t('done.password', { name: account.username }) };
    });
  });
  return inWords(await getTranslations('users'), outcome);
}

/** Changes a user's role; it applies from their next request. An admin cannot demote themselves. */
export async function changeStaffRole(_previous: AdminActionResult | null, form: FormData): Promise<AdminActionResult> {
  const outcome = await asAdmin('change-role', async (deps, origin, t) => {
    const parsed = parseUserForm(changeRoleSchema, form);
    if (!parsed.ok) return parsed;
    const { userId, role } = parsed.data;
    const roleName = (await getTranslations('roles'))(role);
    return settled(await changeRole(deps, origin, { id: userId }, role), (account) => {
      logger.info(
        { action: 'change-role', admin: origin.actor.username, target: account.username, role },
        'role changed',
      );
      refresh();
      return { ok: true, message: t('done.role', { name: account.username, role: roleName }) };
    });
  });
  return inWords(await getTranslations('users'), outcome);
}
