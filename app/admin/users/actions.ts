'use server';

import { refresh } from 'next/cache';
import { headers } from 'next/headers';
import { messages } from '@/lib/messages/zh-CN';
import { getAuth } from '@/lib/server/auth';
import { placeholderEmail } from '@/lib/server/bootstrap-admin';
import { logger } from '@/lib/server/logger';
import { currentAdmin, type Staff } from '@/lib/server/session';
import { authErrorMessage, isUsernameProblem } from '@/lib/users/auth-errors';
import {
  type AdminActionResult,
  changeRoleSchema,
  createUserSchema,
  parseUserForm,
  resetPasswordSchema,
  type UserRole,
  userRefSchema,
} from '@/lib/users/input';

/**
 * User management. Each action is a public POST endpoint, so each goes through asAdmin: the
 * caller must be an admin before anything else happens, then the form is validated, then
 * better-auth is asked with the caller's headers (so it checks the admin again). Every outcome is
 * a value: nothing is thrown to the browser.
 */

const m = messages.users;

/**
 * better-auth types roles as its defaults (admin | user); without a `roles` option it stores any
 * string, and 'staff' is this app's (auth.ts's defaultRole).
 */
const authRole = (role: UserRole) => role as 'admin' | 'user';

async function asAdmin(
  action: string,
  run: (admin: Staff, auth: Awaited<ReturnType<typeof getAuth>>) => Promise<AdminActionResult>,
): Promise<AdminActionResult> {
  let admin: Staff | null = null;
  try {
    admin = await currentAdmin();
    if (!admin) return { ok: false, error: m.errors.notAdmin };
    return await run(admin, await getAuth());
  } catch (error) {
    logger.warn({ action, admin: admin?.username, err: String(error) }, 'user management refused or failed');
    return { ok: false, error: authErrorMessage(error) };
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
  const result = await asAdmin('create', async (admin, auth) => {
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
    return { ok: true, message: m.create.done(username.toLowerCase(), m.roles[role]) };
  });
  if (result.ok || result.error === m.errors.notAdmin) return result;
  // Keep what was typed (never the password), and put a username problem beside its field.
  const values = { username: String(form.get('username') ?? '').slice(0, 64), role: String(form.get('role') ?? '') };
  const fieldErrors = result.fieldErrors ?? (isUsernameProblem(result.error) ? { username: result.error } : undefined);
  return { ...result, fieldErrors, values };
}

/** Disables (bans) a user: better-auth deletes their sessions at once, and they cannot sign in. */
export async function disableStaffUser(
  _previous: AdminActionResult | null,
  form: FormData,
): Promise<AdminActionResult> {
  return asAdmin('disable', async (admin, auth) => {
    const parsed = parseUserForm(userRefSchema, form);
    if (!parsed.ok) return parsed;
    const { userId } = parsed.data;
    if (userId === admin.userId) return { ok: false, error: m.errors.selfDisable };
    const username = await usernameOf(auth, userId);
    if (username === null) return { ok: false, error: m.errors.userMissing };
    await auth.api.banUser({ body: { userId, banReason: `disabled by ${admin.username}` }, headers: await headers() });
    logger.info({ action: 'disable', admin: admin.username, target: username }, 'user disabled, sessions ended');
    refresh();
    return { ok: true, message: m.done.disabled(username) };
  });
}

export async function enableStaffUser(_previous: AdminActionResult | null, form: FormData): Promise<AdminActionResult> {
  return asAdmin('enable', async (admin, auth) => {
    const parsed = parseUserForm(userRefSchema, form);
    if (!parsed.ok) return parsed;
    const { userId } = parsed.data;
    const username = await usernameOf(auth, userId);
    if (username === null) return { ok: false, error: m.errors.userMissing };
    await auth.api.unbanUser({ body: { userId }, headers: await headers() });
    logger.info({ action: 'enable', admin: admin.username, target: username }, 'user enabled');
    refresh();
    return { ok: true, message: m.done.enabled(username) };
  });
}

/**
 * Sets a new password. Another user's sessions end too (whoever knew the old password is signed
 * out); an admin resetting their own stays signed in.
 */
export async function resetStaffPassword(
  _previous: AdminActionResult | null,
  form: FormData,
): Promise<AdminActionResult> {
  return asAdmin('reset-password', async (admin, auth) => {
    const parsed = parseUserForm(resetPasswordSchema, form);
    if (!parsed.ok) return parsed;
    const { userId, password } = parsed.data;
    const username = await usernameOf(auth, userId);
    if (username === null) return { ok: false, error: m.errors.userMissing };
    const self = userId === admin.userId;
    await auth.api.setUserPassword({ body: { userId, newPassword: password }, headers: await headers() });
    if (!self) await auth.api.revokeUserSessions({ body: { userId }, headers: await headers() });
    logger.info({ action: 'reset-password', admin: admin.username, target: username }, 'password reset');
    refresh();
    return { ok: true, message: self ? m.done.ownPassword : m.done.password(username) };
  });
}

/** Changes a user's role; it applies from their next request. An admin cannot demote themselves. */
export async function changeStaffRole(_previous: AdminActionResult | null, form: FormData): Promise<AdminActionResult> {
  return asAdmin('change-role', async (admin, auth) => {
    const parsed = parseUserForm(changeRoleSchema, form);
    if (!parsed.ok) return parsed;
    const { userId, role } = parsed.data;
    if (userId === admin.userId && role !== 'admin') return { ok: false, error: m.errors.selfDemote };
    const username = await usernameOf(auth, userId);
    if (username === null) return { ok: false, error: m.errors.userMissing };
    await auth.api.setRole({ body: { userId, role: authRole(role) }, headers: await headers() });
    logger.info({ action: 'change-role', admin: admin.username, target: username, role }, 'role changed');
    refresh();
    return { ok: true, message: m.done.role(username, m.roles[role]) };
  });
}
