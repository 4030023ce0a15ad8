import { messages } from '@/lib/messages/zh-CN';

const e = messages.users.errors;

/** better-auth's error codes, as staff should read them. */
const BY_CODE: Record<string, string> = {
  USER_ALREADY_EXISTS: e.usernameTaken,
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: e.usernameTaken,
  USERNAME_IS_ALREADY_TAKEN: e.usernameTaken,
  INVALID_USERNAME: e.usernameFormat,
  // The placeholder address is made of the username.
  INVALID_EMAIL: e.usernameFormat,
  USERNAME_TOO_SHORT: e.usernameLength,
  USERNAME_TOO_LONG: e.usernameLength,
  PASSWORD_TOO_SHORT: e.passwordLength,
  PASSWORD_TOO_LONG: e.passwordLength,
  USER_NOT_FOUND: e.userMissing,
  YOU_CANNOT_BAN_YOURSELF: e.selfDisable,
};

/** A message for whatever better-auth threw: its code when known, a refusal as "admins only", else a general one. */
export function authErrorMessage(error: unknown): string {
  const failure = error as { body?: { code?: unknown }; status?: unknown; statusCode?: unknown } | null;
  const code = typeof failure?.body?.code === 'string' ? failure.body.code : '';
  if (Object.hasOwn(BY_CODE, code)) return BY_CODE[code];
  if (code.startsWith('YOU_ARE_NOT_ALLOWED')) return e.notAdmin;
  if (failure?.status === 'UNAUTHORIZED' || failure?.status === 'FORBIDDEN') return e.notAdmin;
  if (failure?.statusCode === 401 || failure?.statusCode === 403) return e.notAdmin;
  return e.failed;
}

/** Whether the message concerns the username field (to show it beside the field). */
export function isUsernameProblem(message: string): boolean {
  return [e.usernameTaken, e.usernameFormat, e.usernameLength, e.usernameDots].includes(message as never);
}
