import { describe, expect, it } from 'vitest';
import { changeRoleSchema, createUserSchema, parseUserForm, resetPasswordSchema, userRefSchema } from './account-input';

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe('createUserSchema', () => {
  it('accepts a username of letters, digits, dots, dashes and underscores, trimmed', () => {
    const result = parseUserForm(
      createUserSchema,
      form({ username: ' li.na_01-x ', password: 'longenough', role: 'staff' }),
    );
    expect(result).toEqual({ ok: true, data: { username: 'li.na_01-x', password: 'longenough', role: 'staff' } });
  });

  it('takes the password exactly as typed', () => {
    const result = parseUserForm(createUserSchema, form({ username: 'ab', password: '  spaced  ', role: 'admin' }));
    expect(result.ok && result.data.password).toBe('  spaced  ');
  });

  it.each([
    ['a missing username', { password: 'longenough', role: 'staff' }, 'username', 'usernameRequired'],
    ['a blank username', { username: '   ', password: 'longenough', role: 'staff' }, 'username', 'usernameRequired'],
    ['a one-letter username', { username: 'a', password: 'longenough', role: 'staff' }, 'username', 'usernameLength'],
    [
      'a 33-letter username',
      { username: 'a'.repeat(33), password: 'longenough', role: 'staff' },
      'username',
      'usernameLength',
    ],
    ['a Chinese username', { username: '张三', password: 'longenough', role: 'staff' }, 'username', 'usernameFormat'],
    [
      'a username with a space',
      { username: 'li na', password: 'longenough', role: 'staff' },
      'username',
      'usernameFormat',
    ],
    [
      'an address as username',
      { username: 'a@b.c', password: 'longenough', role: 'staff' },
      'username',
      'usernameFormat',
    ],
    [
      'a username starting with a dot',
      { username: '.ab', password: 'longenough', role: 'staff' },
      'username',
      'usernameDots',
    ],
    [
      'a username ending with a dot',
      { username: 'ab.', password: 'longenough', role: 'staff' },
      'username',
      'usernameDots',
    ],
    ['two dots in a row', { username: 'a..b', password: 'longenough', role: 'staff' }, 'username', 'usernameDots'],
    ['a short password', { username: 'abc', password: '1234567', role: 'staff' }, 'password', 'passwordLength'],
    ['a missing password', { username: 'abc', role: 'staff' }, 'password', 'passwordLength'],
    [
      'a 129-character password',
      { username: 'abc', password: 'x'.repeat(129), role: 'staff' },
      'password',
      'passwordLength',
    ],
    ['an unknown role', { username: 'abc', password: 'longenough', role: 'user' }, 'role', 'role'],
    ['no role', { username: 'abc', password: 'longenough' }, 'role', 'role'],
  ])('refuses %s', (_, fields, field, issue) => {
    expect(parseUserForm(createUserSchema, form(fields))).toEqual({
      ok: false,
      issue,
      fieldIssues: { [field]: issue },
    });
  });
});

describe('row actions', () => {
  it('need a user id', () => {
    expect(parseUserForm(userRefSchema, form({}))).toMatchObject({ ok: false, issue: 'userMissing' });
    expect(parseUserForm(userRefSchema, form({ userId: 'u1' }))).toEqual({ ok: true, data: { userId: 'u1' } });
  });

  it('reset a password of at least 8 characters', () => {
    expect(parseUserForm(resetPasswordSchema, form({ userId: 'u1', password: 'short' }))).toMatchObject({
      ok: false,
      fieldIssues: { password: 'passwordLength' },
    });
  });

  it('change to a known role only', () => {
    expect(parseUserForm(changeRoleSchema, { userId: 'u1', role: 'admin' })).toEqual({
      ok: true,
      data: { userId: 'u1', role: 'admin' },
    });
    expect(parseUserForm(changeRoleSchema, { userId: 'u1', role: 'root' })).toMatchObject({ ok: false, issue: 'role' });
  });
});
