import type { SchoolIssue } from '@/lib/schools/names';
import type { UserIssue } from '@/lib/staff/account-input';

/**
 * A service's refusal as the command line's one line on standard error, in English (IT's
 * language here, as in the configuration errors): what is wrong, naming the school, plan or user.
 */

export function explainSchoolIssue(issue: SchoolIssue, values: Record<string, string> = {}): string {
  const { key = '', planId = '', school = '', name = '' } = values;
  const lines: Record<SchoolIssue, string> = {
    notAdmin: 'only a provider admin may change schools and plans',
    key: "bad school key: use 2–32 characters of a-z, 0-9 and '-'",
    keyTaken: `school ${key} already exists`,
    schoolName: 'bad school name: 1–60 characters on one line',
    wechatSchoolId: "bad WeChat school_id: letters, digits, '_' or '-', at most 64 characters",
    schoolUnknown: `unknown school ${key}`,
    schoolArchived: `school ${key} is archived`,
    planId: "bad plan id: letters, digits, '_' or '-', at most 32 characters",
    planTaken: `plan ${planId} already belongs to school ${school}`,
    planName: 'bad plan name: 1–40 characters on one line',
    planNameTaken: `school ${key} already has a plan named "${name}"`,
    planUnknown: `unknown plan ${planId}`,
    planArchived: `plan ${planId} is archived`,
  };
  return lines[issue];
}

export function explainAccountIssue(issue: UserIssue, subject = ''): string {
  switch (issue) {
    case 'usernameRequired':
    case 'usernameLength':
    case 'usernameFormat':
    case 'usernameDots':
      return `bad username${subject && ` ${subject}`}: 2–32 letters, digits, '.', '_' or '-'`;
    case 'usernameTaken':
      return `user ${subject} already exists`;
    case 'passwordLength':
      return 'weak password: it must be 8 to 128 characters (first line of standard input)';
    case 'role':
      return 'unknown role: use admin, school_admin or staff';
    case 'userMissing':
      return `unknown user ${subject}`;
    case 'lastAdmin':
      return `${subject} is the last enabled admin: create or enable another admin first`;
    case 'schoolUnknown':
      return `unknown school ${subject}`;
    case 'schoolArchived':
      return `school ${subject} is archived`;
    case 'schoolsRequired':
      return 'staff and school admins need at least one school: add --school KEY';
    case 'notAllowed':
    case 'notAdmin':
    case 'selfDisable':
    case 'selfDemote':
      return `not allowed to change ${subject}`;
    case 'failed':
      return 'the change failed: see the server log';
  }
}
