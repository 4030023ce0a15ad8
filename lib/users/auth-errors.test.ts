import { describe, expect, it } from 'vitest';
import { messages } from '@/lib/messages/zh-CN';
import { authErrorMessage, isUsernameProblem } from './auth-errors';

const e = messages.users.errors;

const apiError = (status: string, statusCode: number, code?: string) => ({ status, statusCode, body: { code } });

describe('authErrorMessage', () => {
  it.each([
    [
      'a taken username (its placeholder address exists)',
      apiError('BAD_REQUEST', 400, 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL'),
      e.usernameTaken,
    ],
    ['a username better-auth refuses', apiError('BAD_REQUEST', 400, 'INVALID_USERNAME'), e.usernameFormat],
    ['a short password', apiError('BAD_REQUEST', 400, 'PASSWORD_TOO_SHORT'), e.passwordLength],
    ['a user gone meanwhile', apiError('NOT_FOUND', 404, 'USER_NOT_FOUND'), e.userMissing],
    ['banning oneself', apiError('BAD_REQUEST', 400, 'YOU_CANNOT_BAN_YOURSELF'), e.selfDisable],
    ['a refused permission', apiError('FORBIDDEN', 403, 'YOU_ARE_NOT_ALLOWED_TO_BAN_USERS'), e.notAdmin],
    ['no session', apiError('UNAUTHORIZED', 401), e.notAdmin],
    ['anything else', new Error('disk full'), e.failed],
    ['nothing at all', null, e.failed],
    ['a code named like an Object property', apiError('BAD_REQUEST', 400, 'constructor'), e.failed],
  ])('explains %s', (_, error, expected) => {
    expect(authErrorMessage(error)).toBe(expected);
  });
});

describe('isUsernameProblem', () => {
  it('knows which messages belong beside the username', () => {
    expect(isUsernameProblem(e.usernameTaken)).toBe(true);
    expect(isUsernameProblem(e.failed)).toBe(false);
  });
});
