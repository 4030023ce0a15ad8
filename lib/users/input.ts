import { z } from 'zod';
import { messages } from '@/lib/messages/zh-CN';

/**
 * What the user-management actions accept. The server actions validate every form through these
 * (after checking the caller is an admin); the forms only help.
 */

export const USER_ROLES = ['staff', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const USERNAME_MIN = 2;
export const USERNAME_MAX = 32;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

const e = messages.users.errors;

const username = z
  .string({ error: e.usernameRequired })
  .trim()
  .min(1, { error: e.usernameRequired })
  .min(USERNAME_MIN, { error: e.usernameLength })
  .max(USERNAME_MAX, { error: e.usernameLength })
  .regex(/^[A-Za-z0-9_.-]+$/, { error: e.usernameFormat })
  // better-auth needs an address for every user; placeholderEmail() makes one of the username,
  // and an address cannot start or end with a dot or hold two in a row.
  .refine((name) => !name.startsWith('.') && !name.endsWith('.') && !name.includes('..'), { error: e.usernameDots });

// Passwords are taken exactly as typed: no trimming.
const password = z
  .string({ error: e.passwordLength })
  .min(PASSWORD_MIN, { error: e.passwordLength })
  .max(PASSWORD_MAX, { error: e.passwordLength });

const role = z.enum(USER_ROLES, { error: e.role });
const userId = z.string({ error: e.userMissing }).min(1, { error: e.userMissing }).max(200, { error: e.userMissing });

export const createUserSchema = z.object({ username, password, role });
export const userRefSchema = z.object({ userId });
export const resetPasswordSchema = z.object({ userId, password });
export const changeRoleSchema = z.object({ userId, role });

export type UserFormField = 'username' | 'password' | 'role';
export type UserFieldErrors = Partial<Record<UserFormField, string>>;

/** What every admin action returns: never a thrown error, never a database row. */
export type AdminActionResult =
  | { ok: true; message: string }
  | { ok: false; error: string; fieldErrors?: UserFieldErrors; values?: { username?: string; role?: string } };

export type FormParse<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors: UserFieldErrors };

/** Validates named fields of a form (or plain object): the first problem is the message, each field's beside it. */
export function parseUserForm<T extends z.ZodType>(
  schema: T,
  form: FormData | Record<string, unknown>,
): FormParse<z.output<T>> {
  const get = (name: string) => (form instanceof FormData ? form.get(name) : form[name]) ?? undefined;
  const shape = (schema as unknown as z.ZodObject).shape as Record<string, unknown>;
  const input = Object.fromEntries(Object.keys(shape).map((name) => [name, get(name)]));
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: UserFieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as UserFormField | undefined;
    if (field && field !== ('userId' as string) && !fieldErrors[field]) fieldErrors[field] = issue.message;
  }
  return { ok: false, error: result.error.issues[0]?.message ?? e.failed, fieldErrors };
}
