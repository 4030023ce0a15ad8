import * as v from 'valibot';
import { firstProblemPerField } from '@/lib/validation/field-problems';
import { validate } from '@/lib/validation/validate';
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
/** A message key, checked against the messages. */
const issue = (key: UserIssue) => key;

const username = v.pipe(
  v.string(issue('usernameRequired')),
  v.trim(),
  v.minLength(1, issue('usernameRequired')),
  v.minLength(USERNAME_MIN, issue('usernameLength')),
  v.maxLength(USERNAME_MAX, issue('usernameLength')),
  v.regex(/^[A-Za-z0-9_.-]+$/, issue('usernameFormat')),
  // better-auth needs an address for every user; placeholderEmail() makes one of the username,
  // and an address cannot start or end with a dot or hold two in a row.
  v.check((name) => !name.startsWith('.') && !name.endsWith('.') && !name.includes('..'), issue('usernameDots')),
);

// Passwords are taken exactly as typed: no trimming.
const password = v.pipe(
  v.string(issue('passwordLength')),
  v.minLength(PASSWORD_MIN, issue('passwordLength')),
  v.maxLength(PASSWORD_MAX, issue('passwordLength')),
);

const role = v.picklist(USER_ROLES, issue('role'));
const userId = v.pipe(
  v.string(issue('userMissing')),
  v.minLength(1, issue('userMissing')),
  v.maxLength(200, issue('userMissing')),
);

/** What a user-management action validates its form with: named fields, each with its own message. */
export type UserSchema = v.ObjectSchema<v.ObjectEntries, undefined>;

export const createUserSchema = v.object({ username, password, role });
export const userRefSchema = v.object({ userId });
export const resetPasswordSchema = v.object({ userId, password });
export const changeRoleSchema = v.object({ userId, role });

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
export function parseUserForm<S extends UserSchema>(
  schema: S,
  form: FormData | Record<string, unknown>,
): FormParse<v.InferOutput<S>> {
  const get = (name: string) => (form instanceof FormData ? form.get(name) : form[name]) ?? undefined;
  // Every field is given, the absent ones as undefined, so each is judged by its own schema.
  const input = Object.fromEntries(Object.keys(schema.entries).map((name) => [name, get(name)]));
  const result = validate(schema, input);
  if (result.success) return { ok: true, data: result.data };
  const fieldIssues = firstProblemPerField<UserFormField, UserIssue>(result.problems, USER_FORM_FIELDS);
  return { ok: false, issue: (result.problems[0]?.message ?? 'failed') as UserIssue, fieldIssues };
}
