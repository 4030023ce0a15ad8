import * as z from 'zod/mini';
import { firstProblemPerField } from '@/lib/validation/field-problems';
import type messages from '@/messages/zh-CN.json';

/**
 * What the user-management actions accept. The server actions validate every form through these
 * (after checking the caller is an admin); the forms only help.
 */

export const USER_ROLES = ['staff', 'school_admin', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** The roles an actor may give on the users page: a school admin never makes a provider admin. */
export function rolesOffered(actorRole: UserRole): readonly UserRole[] {
  return actorRole === 'admin' ? USER_ROLES : USER_ROLES.filter((role) => role !== 'admin');
}

/** Staff and school admins work for at least one school; a provider admin for none in particular. */
export function missingSchools(role: UserRole, schools: readonly string[]): boolean {
  return role !== 'admin' && schools.length === 0;
}

export const USERNAME_MIN = 2;
export const USERNAME_MAX = 32;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/**
 * What an admin is told went wrong, as a key of `users.errors` in the messages: the schemas speak
 * no language, and the actions translate the key into the admin's.
 */
export type UserIssue = keyof (typeof messages)['users']['errors'];
const issue = (key: UserIssue) => ({ error: key });

const username = z.string(issue('usernameRequired')).check(
  z.trim(),
  z.minLength(1, issue('usernameRequired')),
  z.minLength(USERNAME_MIN, issue('usernameLength')),
  z.maxLength(USERNAME_MAX, issue('usernameLength')),
  z.regex(/^[A-Za-z0-9_.-]+$/, issue('usernameFormat')),
  // better-auth needs an address for every user; placeholderEmail() makes one of the username,
  // and an address cannot start or end with a dot or hold two in a row.
  z.refine((name) => !name.startsWith('.') && !name.endsWith('.') && !name.includes('..'), issue('usernameDots')),
);

// Passwords are taken exactly as typed: no trimming.
const password = z
  .string(issue('passwordLength'))
  .check(z.minLength(PASSWORD_MIN, issue('passwordLength')), z.maxLength(PASSWORD_MAX, issue('passwordLength')));

const role = z.enum(USER_ROLES, issue('role'));
const userId = z
  .string(issue('userMissing'))
  .check(z.minLength(1, issue('userMissing')), z.maxLength(200, issue('userMissing')));

export const createUserSchema = z.object({ username, password, role });
export const userRefSchema = z.object({ userId });
export const resetPasswordSchema = z.object({ userId, password });
export const changeRoleSchema = z.object({ userId, role });

/** The fields a form shows; a row's userId travels hidden, and its problem is said as the whole form's. */
export const USER_FORM_FIELDS = ['username', 'password', 'role', 'schools'] as const;
export type UserFormField = (typeof USER_FORM_FIELDS)[number];
export type UserFieldIssues = Partial<Record<UserFormField, UserIssue>>;
export type UserFieldErrors = Partial<Record<UserFormField, string>>;

/** What every admin action returns, in the admin's language: never a thrown error, never a database row. */
export type AdminActionResult =
  | { ok: true; message: string }
  | {
      ok: false;
      error: string;
      fieldErrors?: UserFieldErrors;
      values?: { username?: string; role?: string; schools?: string[] };
    };

export type FormParse<T> = { ok: true; data: T } | { ok: false; issue: UserIssue; fieldIssues: UserFieldIssues };

/** Validates named fields of a form (or plain object): the first problem is the issue, each field's beside it. */
export function parseUserForm<T extends z.ZodMiniType>(
  schema: T,
  form: FormData | Record<string, unknown>,
): FormParse<z.output<T>> {
  const get = (name: string) => (form instanceof FormData ? form.get(name) : form[name]) ?? undefined;
  const shape = (schema as unknown as z.ZodMiniObject).shape as Record<string, unknown>;
  const input = Object.fromEntries(Object.keys(shape).map((name) => [name, get(name)]));
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const fieldIssues = firstProblemPerField<UserFormField, UserIssue>(result.error.issues, USER_FORM_FIELDS);
  return { ok: false, issue: (result.error.issues[0]?.message ?? 'failed') as UserIssue, fieldIssues };
}
