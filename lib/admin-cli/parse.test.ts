import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Command, parseArgs, readsPassword } from './parse';

const words = (line: string) => line.split(' ');

describe('parseArgs: the documented forms', () => {
  it.each<[string, Command]>([
    ['school add north --name 北校', { kind: 'school-add', key: 'north', name: '北校', wechatSchoolId: null }],
    [
      'school add no-2 --name=南校 --wechat-school-id SCH_2',
      { kind: 'school-add', key: 'no-2', name: '南校', wechatSchoolId: 'SCH_2' },
    ],
    ['school list', { kind: 'school-list' }],
    ['school rename north --name 北校区', { kind: 'school-rename', key: 'north', name: '北校区' }],
    ['school archive north', { kind: 'school-archive', key: 'north' }],
    ['plan add north 2001 --name 午餐费', { kind: 'plan-add', schoolKey: 'north', planId: '2001', name: '午餐费' }],
    ['plan list', { kind: 'plan-list' }],
    ['plan list north', { kind: 'plan-list', schoolKey: 'north' }],
    ['plan rename 2001 --name 午饭', { kind: 'plan-rename', planId: '2001', name: '午饭' }],
    ['plan archive 2001', { kind: 'plan-archive', planId: '2001' }],
    ['user add root --role admin', { kind: 'user-add', username: 'root', role: 'admin', schools: [] }],
    [
      'user add Li.Na --role staff --school north --school south --school north',
      { kind: 'user-add', username: 'Li.Na', role: 'staff', schools: ['north', 'south'] },
    ],
    [
      'user add head --role school_admin --school=north',
      { kind: 'user-add', username: 'head', role: 'school_admin', schools: ['north'] },
    ],
    ['user list', { kind: 'user-list' }],
    ['user reset-password li', { kind: 'user-reset-password', username: 'li' }],
    ['user enable li', { kind: 'user-enable', username: 'li' }],
    ['user disable li', { kind: 'user-disable', username: 'li' }],
    ['user role li --role school_admin', { kind: 'user-role', username: 'li', role: 'school_admin' }],
    [
      'user schools li --school north --school east',
      { kind: 'user-schools', username: 'li', schools: ['north', 'east'] },
    ],
    ['--help', { kind: 'help' }],
    ['user add --help', { kind: 'help' }],
    ['help', { kind: 'help' }],
  ])('%s', (line, command) => {
    expect(parseArgs(words(line))).toEqual({ ok: true, command });
  });

  it('keeps a name with spaces given as one argument', () => {
    expect(parseArgs(['school', 'add', 'north', '--name', '北京 第一小学'])).toMatchObject({
      ok: true,
      command: { name: '北京 第一小学' },
    });
  });

  it('reads a password for user add and reset-password only', () => {
    const kinds = ['user add li --role staff --school n1', 'user reset-password li', 'user disable li', 'school list'];
    expect(kinds.map((line) => parseArgs(words(line))).map((p) => p.ok && readsPassword(p.command))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('parseArgs: backup', () => {
  it('takes one file name', () => {
    expect(parseArgs(['backup', '/var/backups/dashboard-2026-12-07.sqlite'])).toEqual({
      ok: true,
      command: { kind: 'backup', file: '/var/backups/dashboard-2026-12-07.sqlite' },
    });
  });
});

describe('parseArgs: one line saying what is wrong', () => {
  it.each([
    ['', /no command given/],
    ['shcool add x', /unknown command "shcool": use school, plan, user or roster/],
    ['school delete north', /unknown command "school delete"/],
    ['backup', /usage: npm run admin -- backup FILE/],
    ['backup a.sqlite b.sqlite', /usage: npm run admin -- backup FILE/],
    ['backup --name x', /usage: npm run admin -- backup FILE/],
    ['school', /unknown command "school"/],
    ['school add North --name 北校', /bad school key "North": use 2–32 characters of a-z, 0-9 and '-'/],
    ['school add n --name 北校', /bad school key "n"/],
    ['school add north', /--name is missing: school add KEY --name NAME/],
    ['school add north --name', /--name needs a value/],
    ['school add north --name a --name b', /--name is given more than once/],
    ['school add north extra --name 北校', /usage: npm run admin -- school add KEY/],
    ['school add north --nmae 北校', /unknown option "--nmae"/],
    ['school add north --name 北校 --role staff', /--role does not go with this command/],
    ['plan add north --name 午餐费', /usage: npm run admin -- plan add SCHOOL_KEY PLAN_ID --name NAME/],
    ['plan add north 20/01 --name 午餐费', /bad plan id "20\/01"/],
    ['user add li --role staff', /^staff without a school: give --school SCHOOL_KEY$/],
    ['user add li --role school_admin', /^school_admin without a school/],
    ['user add root --role admin --school north', /an admin serves every school: leave out --school/],
    ['user add li --role teacher --school north', /unknown role "teacher": use admin, school_admin or staff/],
    ['user add li --school north', /--role is missing/],
    ['user add li.. --role staff --school north', /bad username "li\.\."/],
    ['user add 张三 --role staff --school north', /bad username "张三"/],
    ['user add li --role staff --school north --password secret1234', /a password is never an argument/],
    ['user reset-password li --password=secret1234', /a password is never an argument/],
    ['user schools li', /--school is missing/],
    ['user disable', /usage: npm run admin -- user disable USERNAME/],
  ])('%j', (line, error) => {
    const parsed = parseArgs(line ? words(line) : []);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toMatch(error);
      expect(parsed.error).not.toContain('\n');
    }
  });

  it('never throws, and answers any arguments with a command or one line', () => {
    const word = fc.oneof(
      fc.constantFrom('school', 'plan', 'user', 'add', 'list', 'rename', 'archive', 'enable', 'disable', 'role'),
      fc.constantFrom('schools', 'reset-password', '--name', '--role', '--school', '--wechat-school-id', 'staff'),
      fc.constantFrom('admin', 'school_admin', 'north', '2001', '--name=x', '=', '--', '--password', 'a\nb', '--x\ry'),
      fc.string(),
      fc.string({ unit: 'binary' }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (args) => {
        const parsed = parseArgs(args);
        if (!parsed.ok) {
          expect(parsed.error.length).toBeGreaterThan(0);
          expect(parsed.error).not.toMatch(/[\r\n]/);
        }
      }),
    );
  });
});
