'use server';

import { refresh } from 'next/cache';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import type { Translator } from '@/i18n/translator';
import { logger } from '@/lib/server/logger';
import {
  type AdminActionResult,
  changeRoleSchema,
  createUserSchema,
  parseUserForm,
  resetPasswordSchema,
  type UserFieldIssues,
  type UserIssue,
  type UserRole,
  userRefSchema,
} from '@/lib/staff/account-input';
import { authErrorIssue, isUsernameProblem } from '@/lib/staff/auth-errors';
import { type Auth, getAuth } from './auth';
import { placeholderEmail } from './first-admin';
import { currentAdmin, type Staff } from './session';

/**
 * User management. Each action is a public POST endpoint, so each goes through adminAction: the
 * caller must be an admin before anything else happens, then the form is validated, then
 * better-auth is asked with the caller's headers (so it checks the admin again). Every outcome is
 * a value: nothing is thrown to the browser. Refusals are issue keys until the end, where they
 * become text in the admin's language.
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

/**
 * better-auth types roles as its defaults (admin | user); without a `roles` option it stores any
 * string, and 'staff' is this app's (auth.ts's defaultRole).
 */
const authRole = (role: UserRole) => role as 'admin' | 'user';

interface Context {
  admin: Staff;
  auth: Auth;
  t: Text;
  requestHeaders: Headers;
}

/** What an action did: the admin's message, and the log line's words, target and details. */
interface Done {
  ok: true;
  message: string;
  log: string;
  target: string;
  details?: Record<string, unknown>;
}

/**
 * Every action's skeleton: the caller must be an admin before anything else happens, then the form
 * must parse, then `act` asks better-auth; what it did is logged and the page refreshed. A failure
 * anywhere is logged and becomes a refusal, never a throw.
 */
async function adminAction<S extends z.ZodType>(
  action: string,
  schema: S,
  form: FormData,
  act: (input: z.output<S>, context: Context) => Promise<Done | Refusal>,
): Promise<Outcome> {
  let admin: Staff | null = null;
  try {
    admin = await currentAdmin();
    if (!admin) return refuse('notAdmin');
    const [auth, t] = [await getAuth(), await getTranslations('users')];
    const parsed = parseUserForm(schema, form);
    if (!parsed.ok) return parsed;
    const done = await act(parsed.data, { admin, auth, t, requestHeaders: await headers() });
    if (!done.ok) return done;
    logger.info({ action, admin: admin.username, target: done.target, ...done.details }, done.log);
    refresh();
    return { ok: true, message: done.message };
  } catch (error) {
    logger.warn({ action, admin: admin?.username, err: String(error) }, 'user management refused or failed');
    return refuse(authErrorIssue(error));
  }
}

/** The target's username (for the message), or null when there is no such user. */
async function usernameOf(auth: Auth, userId: string, requestHeaders: Headers): Promise<string | null> {
  try {
    const user = await auth.api.getUser({ query: { id: userId }, headers: requestHeaders });
    return (user as { username?: string | null }).username ?? user.name;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return null;
    throw error;
  }
}

const inAdminsWords = async (outcome: Outcome) => inWords(await getTranslations('users'), outcome);

export async function createStaffUser(_previous: AdminActionResult | null, form: FormData): Promise<AdminActionResult> {
  const result = await adminAction('create', createUserSchema, form, async (input, { auth, t, requestHeaders }) => {
    const { username, password, role } = input;
    await auth.api.createUser({
      body: {
        email: placeholderEmail(username),
        password,
        name: username,
        role: authRole(role),
        data: { username: username.toLowerCase(), displayUsername: username },
      },
      headers: requestHeaders,
    });
    const roleName = (await getTranslations('roles'))(role);
    const message = t('create.done', { name: username.toLowerCase(), role: roleName });
    return { ok: true, message, log: 'user created', target: username, details: { role } };
  });
  if (result.ok || result.issue === 'notAdmin') return inAdminsWords(result);
  // Keep what was typed (never the password), and put a username problem beside its field.
  const values = { username: String(form.get('username') ?? '').slice(0, 64), role: String(form.get('role') ?? '') };
  const fieldIssues = result.fieldIssues ?? (isUsernameProblem(result.issue) ? { username: result.issue } : undefined);
  return { ...refusalInWords(await getTranslations('users'), { ...result, fieldIssues }), values };
}

/** Disables (bans) a user: better-auth deletes their sessions at once, and they cannot sign in. */
export async function disableStaffUser(
  _previous: AdminActionResult | null,
  form: FormData,
): Promise<AdminActionResult> {
  const outcome = await adminAction('disable', userRefSchema, form, async ({ userId }, context) => {
    const { admin, auth, t, requestHeaders } = context;
    if (userId === admin.userId) return refuse('selfDisable');
    const username = await usernameOf(auth, userId, requestHeaders);
    if (username === null) return refuse('userMissing');
    await auth.api.banUser({ body: { userId, banReason: `disabled by ${admin.username}` }, headers: requestHeaders });
    return {
      ok: true,
      message: t('done.disabled', { name: username }),
      log: 'user disabled, sessions ended',
      target: username,
    };
  });
  return inAdminsWords(outcome);
}

export async function enableStaffUser(_previous: AdminActionResult | null, form: FormData): Promise<AdminActionResult> {
  const outcome = await adminAction('enable', userRefSchema, form, async ({ userId }, { auth, t, requestHeaders }) => {
    const username = await usernameOf(auth, userId, requestHeaders);
    if (username === null) return refuse('userMissing');
    await auth.api.unbanUser({ body: { userId }, headers: requestHeaders });
    return { ok: true, message: t('done.enabled', { name: username }), log: 'user enabled', target: username };
  });
  return inAdminsWords(outcome);
}

/**
 * Sets a new password. Another user's sessions end too (whoever knew the old password is signed
 * out); an admin resetting their own stays signed in.
 */
export async function resetStaffPassword(
  _previous: AdminActionResult | null,
  form: FormData,
): Promise<AdminActionResult> {
  const outcome = await adminAction('reset-password', resetPasswordSchema, form, async (input, context) => {
    const { userId, password } = input;
    const { admin, auth, t, requestHeaders } = context;
    const username = await usernameOf(auth, userId, requestHeaders);
    if (username === null) return refuse('userMissing');
    const self = userId === admin.userId;
    await auth.api.setUserPassword({ body: { userId, newPassword: password }, headers: requestHeaders });
    if (!self) await auth.api.revokeUserSessions({ body: { userId }, headers: requestHeaders });
    const message = self ? t('done.ownPassword') : t('done.password', { name: username });
    return { ok: true, message, log: 'password reset', target: username };
  });
  return inAdminsWords(outcome);
}

/** Changes a user's role; it applies from their next request. An admin cannot demote themselves. */
export async function changeStaffRole(_previous: AdminActionResult | null, form: FormData): Promise<AdminActionResult> {
  const outcome = await adminAction('change-role', changeRoleSchema, form, async ({ userId, role }, context) => {
    const { admin, auth, t, requestHeaders } = context;
    if (userId === admin.userId && role !== 'admin') return refuse('selfDemote');
    const username = await usernameOf(auth, userId, requestHeaders);
    if (username === null) return refuse('userMissing');
    await auth.api.setRole({ body: { userId, role: authRole(role) }, headers: requestHeaders });
    const roleName = (await getTranslations('roles'))(role);
    const message = t('done.role', { name: username, role: roleName });
    return { ok: true, message, log: 'role changed', target: username, details: { role } };
  });
  return inAdminsWords(outcome);
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
    default:
      return changeStaffRole(previous, form);
  }
}
