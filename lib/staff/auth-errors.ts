import type { UserIssue } from './account-input';

/** better-auth's error codes, as the issues staff are told about. */
const BY_CODE: Record<string, UserIssue> = {
  USER_ALREADY_EXISTS: 'usernameTaken',
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: 'usernameTaken',
  USERNAME_IS_ALREADY_TAKEN: 'usernameTaken',
  INVALID_USERNAME: 'usernameFormat',
  // The placeholder address is made of the username.
  INVALID_EMAIL: 'usernameFormat',
  USERNAME_TOO_SHORT: 'usernameLength',
  USERNAME_TOO_LONG: 'usernameLength',
  PASSWORD_TOO_SHORT: 'passwordLength',
  PASSWORD_TOO_LONG: 'passwordLength',
  USER_NOT_FOUND: 'userMissing',
  YOU_CANNOT_BAN_YOURSELF: 'selfDisable',
};

/** An issue for whatever better-auth threw: its code when known, a refusal as "admins only", else a general one. */
export function authErrorIssue(error: unknown): UserIssue {
  const failure = error as { body?: { code?: unknown }; status?: unknown; statusCode?: unknown } | null;
  const code = typeof failure?.body?.code === 'string' ? failure.body.code : '';
  if (Object.hasOwn(BY_CODE, code)) return BY_CODE[code];
  if (code.startsWith('YOU_ARE_NOT_ALLOWED')) return 'notAdmin';
  if (failure?.status === 'UNAUTHORIZED' || failure?.status === 'FORBIDDEN') return 'notAdmin';
  if (failure?.statusCode === 401 || failure?.statusCode === 403) return 'notAdmin';
  return 'failed';
}

/** Whether the issue concerns the username field (to show it beside the field). */
export function isUsernameProblem(issue: UserIssue): boolean {
  return (['usernameTaken', 'usernameFormat', 'usernameLength', 'usernameDots'] as UserIssue[]).includes(issue);
}
