import { describe, expect, it } from 'vitest';
import { authErrorIssue, isUsernameProblem } from './auth-errors';

const apiError = (status: string, statusCode: number, code?: string) => ({ status, statusCode, body: { code } });

describe('authErrorIssue', () => {
  it.each([
    [
      'a taken username (its placeholder address exists)',
      apiError('BAD_REQUEST', 400, 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL'),
      'usernameTaken',
    ],
    ['a username better-auth refuses', apiError('BAD_REQUEST', 400, 'INVALID_USERNAME'), 'usernameFormat'],
    ['a short password', apiError('BAD_REQUEST', 400, 'PASSWORD_TOO_SHORT'), 'passwordLength'],
    ['a user gone meanwhile', apiError('NOT_FOUND', 404, 'USER_NOT_FOUND'), 'userMissing'],
    ['banning oneself', apiError('BAD_REQUEST', 400, 'YOU_CANNOT_BAN_YOURSELF'), 'selfDisable'],
    ['a refused permission', apiError('FORBIDDEN', 403, 'YOU_ARE_NOT_ALLOWED_TO_BAN_USERS'), 'notAdmin'],
    ['no session', apiError('UNAUTHORIZED', 401), 'notAdmin'],
    ['anything else', new Error('disk full'), 'failed'],
    ['nothing at all', null, 'failed'],
    ['a code named like an Object property', apiError('BAD_REQUEST', 400, 'constructor'), 'failed'],
  ])('explains %s', (_, error, expected) => {
    expect(authErrorIssue(error)).toBe(expected);
  });
});

describe('isUsernameProblem', () => {
  it('knows which messages belong beside the username', () => {
    expect(isUsernameProblem('usernameTaken')).toBe(true);
    expect(isUsernameProblem('failed')).toBe(false);
  });
});
