import { describe, expect, it } from 'vitest';
import type { SchoolIssue } from '@/lib/schools/names';
import type { UserIssue } from '@/lib/staff/account-input';
import catalog from '@/messages/zh-CN.json';
import { explainAccountIssue, explainSchoolIssue } from './explain';

describe('the command line says every refusal in one line', () => {
  it.each(Object.keys(catalog.schools.errors) as SchoolIssue[])('school issue %s', (issue) => {
    const line = explainSchoolIssue(issue, { key: 'north', planId: '2001', school: 'south', name: '午餐费' });
    expect(line).toMatch(/^\S.*\S$/);
    expect(line).not.toMatch(/\n|undefined/);
  });

  it.each(Object.keys(catalog.users.errors) as UserIssue[])('account issue %s', (issue) => {
    const line = explainAccountIssue(issue, 'li');
    expect(line).toMatch(/^\S.*\S$/);
    expect(line).not.toMatch(/\n|undefined/);
  });

  it('names what is wrong', () => {
    expect(explainSchoolIssue('planTaken', { planId: '2001', school: 'south' })).toBe(
      'plan 2001 already belongs to school south',
    );
    expect(explainAccountIssue('lastAdmin', 'root')).toBe(
      'root is the last enabled admin: create or enable another admin first',
    );
    expect(explainAccountIssue('usernameFormat')).toBe("bad username: 2–32 letters, digits, '.', '_' or '-'");
  });
});
