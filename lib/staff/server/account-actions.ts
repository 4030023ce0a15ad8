'use server';

import { refresh } from 'next/cache';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
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
import { getAuth } from './auth';
import { placeholderEmail } from './first-admin';
import { currentAdmin, type Staff } from './session';

/**
 * User management. Each action is a public POST endpoint, so each goes through asAdmin: the
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

async function asAdmin(
  action: string,
  run: (admin: Staff, auth: Awaited<ReturnType<typeof getAuth>>, t: Text) => Promise<Outcome>,
): Promise<Outcome> {
  let admin: Staff | null = null;
  try {
    admin = await currentAdmin();
    if (!admin) return refuse('notAdmin');
    return await run(admin, await getAuth(), await getTranslations('users'));
  } catch (error) {
    logger.warn({ action, admin: admin?.username, err: String(error) }, 'user management refused or failed');
    return refuse(authErrorIssue(error));
  }
}

/** The target's username (for the message), or null when there is no such user. */
async function usernameOf(auth: Awaited<ReturnType<typeof getAuth>>, userId: string): Promise<string | null> {
  try {
    const user = await auth.api.getUser({ query: { id: userId }, headers: await headers() });
    return (user as { username?: string | null }).username ?? user.name;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return null;
    throw error;
  }
}

export async function createStaffUser(_previous: AdminActionResult | null, form: FormData): Promise<AdminActionResult> {
  const result = await asAdmin('create', async (admin, auth, t) => {
    const parsed = parseUserForm(createUserSchema, form);
    if (!parsed.ok) return parsed;
    const { username, password, role } = parsed.data;
    await auth.api.createUser({
      body: {
        email: placeholderEmail(username),
        password,
        name: username,
        role: authRole(role),
        data: { username: username.toLowerCase(), displayUsername: username },
      },
      headers: await headers(),
    });
    logger.info({ action: 'create', admin: admin.username, target: username, role }, 'user created');
    refresh();
    const roleName = (await getTranslations('roles'))(role);
    return { ok: true, message: t('create.done', { name: username.toLowerCase(), role: roleName }) };
  });
  const t = await getTranslations('users');
  if (result.ok || result.issue === 'notAdmin') return inWords(t, result);
  // Keep what was typed (never the password), and put a username problem beside its field.
  const values = { username: String(form.get('username') ?? '').slice(0, 64), role: String(form.get('role') ?? '') };
  const fieldIssues = result.fieldIssues ?? (isUsernameProblem(result.issue) ? { username: result.issue } : undefined);
  return { ...refusalInWords(t, { ...result, fieldIssues }), values };
}

/** Disables (bans) a user: better-auth deletes their sessions at once, and they cannot sign in. */
export async function disableStaffUser(
  _previous: AdminActionResult | null,
  form: FormData,
): Promise<AdminActionResult> {
  const outcome = await asAdmin('disable', async (admin, auth, t) => {
    const parsed = parseUserForm(userRefSchema, form);
    if (!parsed.ok) return parsed;
    const { userId } = parsed.data;
    if (userId === admin.userId) return refuse('selfDisable');
    const username = await usernameOf(auth, userId);
    if (username === null) return refuse('userMissing');
    await auth.api.banUser({ body: { userId, banReason: `disabled by ${admin.username}` }, headers: await headers() });
    logger.info({ action: 'disable', admin: admin.username, target: username }, 'user disabled, sessions ended');
    refresh();
    return { ok: true, message: t('done.disabled', { name: username }) };
  });
  return inWords(await getTranslations('users'), outcome);
}

export async function enableStaffUser(_previous: AdminActionResult | null, form: FormData): Promise<AdminActionResult> {
  const outcome = await asAdmin('enable', async (admin, auth, t) => {
    const parsed = parseUserForm(userRefSchema, form);
    if (!parsed.ok) return parsed;
    const { userId } = parsed.data;
    const username = await usernameOf(auth, userId);
    if (username === null) return refuse('userMissing');
    await auth.api.unbanUser({ body: { userId }, headers: await headers() });
    logger.info({ action: 'enable', admin: admin.username, target: username }, 'user enabled');
    refresh();
    return { ok: true, message: t('done.enabled', { name: username }) };
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
  const outcome = await asAdmin('reset-password', async (admin, auth, t) => {
    const parsed = parseUserForm(resetPasswordSchema, form);
    if (!parsed.ok) return parsed;
    const { userId, password } = parsed.data;
    const username = await usernameOf(auth, userId);
    if (username === null) return refuse('userMissing');
    const self = userId === admin.userId;
    await auth.api.setUserPassword({ body: { userId, newPassword: password }, headers: await headers() });
    if (!self) await auth.api.revokeUserSessions({ body: { userId }, headers: await headers() });
    logger.info({ action: 'reset-password', admin: admin.username, target: username }, 'password reset');
    refresh();
    return { ok: true, message: self ? t('done.ownPassword') : t('done.password', { name: username }) };
  });
  return inWords(await getTranslations('users'), outcome);
}

/** Changes a user's role; it applies from their next request. An admin cannot demote themselves. */
export async function changeStaffRole(_previous: AdminActionResult | null, form: FormData): Promise<AdminActionResult> {
  const outcome = await asAdmin('change-role', async (admin, auth, t) => {
    const parsed = parseUserForm(changeRoleSchema, form);
    if (!parsed.ok) return parsed;
    const { userId, role } = parsed.data;
    if (userId === admin.userId && role !== 'admin') return refuse('selfDemote');
    const username = await usernameOf(auth, userId);
    if (username === null) return refuse('userMissing');
    await auth.api.setRole({ body: { userId, role: authRole(role) }, headers: await headers() });
    logger.info({ action: 'change-role', admin: admin.username, target: username, role }, 'role changed');
    refresh();
    const roleName = (await getTranslations('roles'))(role);
    return { ok: true, message: t('done.role', { name: username, role: roleName }) };
  });
  return inWords(await getTranslations('users'), outcome);
}
