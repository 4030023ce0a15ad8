import { describe, expect, it } from 'vitest';
import {
  changeRoleSchema,
  createUserSchema,
  missingSchools,
  parseUserForm,
  resetPasswordSchema,
  rolesOffered,
  userRefSchema,
} from './account-input';

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** A valid creation form with some fields changed; a field changed to undefined is left out. */
function createForm(changes: Record<string, string | undefined>): FormData {
  const fields = { username: 'abc', password: 'longenough', role: 'staff', ...changes };
  return form(
    Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined)),
  );
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
    ['a missing username', { username: undefined }, 'username', 'usernameRequired'],
    ['a blank username', { username: '   ' }, 'username', 'usernameRequired'],
    ['a one-letter username', { username: 'a' }, 'username', 'usernameLength'],
    ['a 33-letter username', { username: 'a'.repeat(33) }, 'username', 'usernameLength'],
    ['a Chinese username', { username: '张三' }, 'username', 'usernameFormat'],
    ['a username with a space', { username: 'li na' }, 'username', 'usernameFormat'],
    ['an address as username', { username: 'a@b.c' }, 'username', 'usernameFormat'],
    ['a username starting with a dot', { username: '.ab' }, 'username', 'usernameDots'],
    ['a username ending with a dot', { username: 'ab.' }, 'username', 'usernameDots'],
    ['two dots in a row', { username: 'a..b' }, 'username', 'usernameDots'],
    ['a short password', { password: '1234567' }, 'password', 'passwordLength'],
    ['a missing password', { password: undefined }, 'password', 'passwordLength'],
    ['a 129-character password', { password: 'x'.repeat(129) }, 'password', 'passwordLength'],
    ['an unknown role', { role: 'user' }, 'role', 'role'],
    ['no role', { role: undefined }, 'role', 'role'],
  ])('refuses %s', (_, changes, field, issue) => {
    expect(parseUserForm(createUserSchema, createForm(changes))).toEqual({
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

describe('what the users page offers', () => {
  it('a school admin never the provider admin role; the provider admin every role', () => {
    expect(rolesOffered('school_admin')).toEqual(['staff', 'school_admin']);
    expect(rolesOffered('admin')).toEqual(['staff', 'school_admin', 'admin']);
    expect(parseUserForm(changeRoleSchema, { userId: 'u1', role: 'school_admin' })).toMatchObject({ ok: true });
  });

  it('staff and school admins need a school, a provider admin none', () => {
    expect(missingSchools('staff', [])).toBe(true);
    expect(missingSchools('school_admin', [])).toBe(true);
    expect(missingSchools('staff', ['sunshine'])).toBe(false);
    expect(missingSchools('admin', [])).toBe(false);
  });
});
