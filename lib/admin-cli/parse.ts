import { checkPlanId, checkPlanName, checkSchoolKey, checkSchoolName, checkWechatSchoolId } from '@/lib/schools/names';
import { isRole, type Role } from '@/lib/schools/roles';
import { createUserSchema } from '@/lib/staff/account-input';
import { validate } from '@/lib/validation/validate';

/**
 * The admin command line's arguments as a typed command, or one line saying what is wrong. Pure:
 * everything that can be judged without the database is judged here (keys, names, roles, a
 * clerk without a school), so a mistyped command changes nothing and says why at once.
 */

export type Command =
  | { kind: 'help' }
  | { kind: 'school-add'; key: string; name: string; wechatSchoolId: string | null }
  | { kind: 'school-list' }
  | { kind: 'school-rename'; key: string; name: string }
  | { kind: 'school-archive'; key: string }
  | { kind: 'plan-add'; schoolKey: string; planId: string; name: string }
  | { kind: 'plan-list'; schoolKey?: string }
  | { kind: 'plan-rename'; planId: string; name: string }
  | { kind: 'plan-archive'; planId: string }
  | { kind: 'user-add'; username: string; role: Role; schools: string[] }
  | { kind: 'user-list' }
  | { kind: 'user-reset-password'; username: string }
  | { kind: 'user-enable'; username: string }
  | { kind: 'user-disable'; username: string }
  | { kind: 'user-role'; username: string; role: Role }
  | { kind: 'user-schools'; username: string; schools: string[] }
  | { kind: 'backup'; file: string }
  | { kind: 'roster-import'; schoolKey: string; file: string }
  | { kind: 'roster-delete'; schoolKey: string };

export type Parsed = { ok: true; command: Command } | { ok: false; error: string };

/** The commands that read a password from standard input. */
export function readsPassword(command: Command): boolean {
  return command.kind === 'user-add' || command.kind === 'user-reset-password';
}

class Refusal extends Error {}
const fail = (line: string): never => {
  throw new Refusal(line);
};

/** Positional words and --options (`--name X` or `--name=X`; --school may repeat). */
interface Words {
  positional: string[];
  options: Map<string, string[]>;
}

const OPTIONS = ['name', 'role', 'school', 'wechat-school-id'] as const;
type Option = (typeof OPTIONS)[number];

function split(args: readonly string[]): Words {
  const words: Words = { positional: [], options: new Map() };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (!arg.startsWith('--')) {
      words.positional.push(arg);
      continue;
    }
    const [flag, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (flag === 'password') fail('a password is never an argument: give it on the first line of standard input');
    if (!(OPTIONS as readonly string[]).includes(flag))
      fail(`unknown option ${JSON.stringify(`--${flag}`)} (see --help)`);
    if (inline === undefined) index += 1;
    const value = inline ?? args[index];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) fail(`--${flag} needs a value`);
    words.options.set(flag, [...(words.options.get(flag) ?? []), value]);
  }
  return words;
}

/** Takes the command's positional arguments by name; more or fewer is an error. */
function positional(words: Words, names: readonly string[], usage: string): string[] {
  if (words.positional.length !== names.length) fail(`usage: npm run admin -- ${usage}`);
  return words.positional;
}

function only(words: Words, allowed: readonly Option[], usage: string): void {
  for (const flag of words.options.keys()) {
    if (!(allowed as readonly string[]).includes(flag)) fail(`--${flag} does not go with this command: ${usage}`);
  }
}

function single(words: Words, flag: Option, usage: string): string | undefined {
  const values = words.options.get(flag) ?? [];
  if (values.length > 1) fail(`--${flag} is given more than once: ${usage}`);
  return values[0];
}

function required(words: Words, flag: Option, usage: string): string {
  return single(words, flag, usage) ?? fail(`--${flag} is missing: ${usage}`);
}

function schoolKey(raw: string): string {
  const key = checkSchoolKey(raw);
  return key.ok ? key.value : fail(`bad school key ${JSON.stringify(raw)}: use 2–32 characters of a-z, 0-9 and '-'`);
}

function schoolName(raw: string): string {
  const name = checkSchoolName(raw);
  return name.ok ? name.value : fail('bad school name: 1–60 characters on one line');
}

function planId(raw: string): string {
  const id = checkPlanId(raw);
  return id.ok
    ? id.value
    : fail(`bad plan id ${JSON.stringify(raw)}: letters, digits, '_' or '-', at most 32 characters`);
}

function planName(raw: string): string {
  const name = checkPlanName(raw);
  return name.ok ? name.value : fail('bad plan name: 1–40 characters on one line');
}

function username(raw: string): string {
  const name = validate(createUserSchema.entries.username, raw);
  if (name.success) return name.data;
  return fail(
    `bad username ${JSON.stringify(raw)}: 2–32 letters, digits, '.', '_' or '-', with no '.' at either end or two in a row`,
  );
}

function role(raw: string): Role {
  return isRole(raw) ? raw : fail(`unknown role ${JSON.stringify(raw)}: use admin, school_admin or staff`);
}

function schools(words: Words): string[] {
  return [...new Set((words.options.get('school') ?? []).map(schoolKey))];
}

/** Staff and school admins work for a school; the provider's admins for all of them. */
function schoolsFor(chosen: Role, keys: string[]): string[] {
  if (chosen === 'admin' && keys.length > 0) fail('an admin serves every school: leave out --school');
  if (chosen !== 'admin' && keys.length === 0) fail(`${chosen} without a school: give --school SCHOOL_KEY`);
  return keys;
}

type Parser = (words: Words) => Command;

const COMMANDS: Record<string, Parser> = {
  'school add': (words) => {
    const usage = 'school add KEY --name NAME [--wechat-school-id ID]';
    only(words, ['name', 'wechat-school-id'], usage);
    const [key] = positional(words, ['KEY'], usage);
    const wechatSchoolId = checkWechatSchoolId(single(words, 'wechat-school-id', usage));
    if (!wechatSchoolId.ok) fail("bad --wechat-school-id: letters, digits, '_' or '-', at most 64 characters");
    return {
      kind: 'school-add',
      key: schoolKey(key),
      name: schoolName(required(words, 'name', usage)),
      wechatSchoolId: wechatSchoolId.ok ? wechatSchoolId.value : null,
    };
  },
  'school list': (words) => {
    only(words, [], 'school list');
    positional(words, [], 'school list');
    return { kind: 'school-list' };
  },
  'school rename': (words) => {
    const usage = 'school rename KEY --name NAME';
    only(words, ['name'], usage);
    const [key] = positional(words, ['KEY'], usage);
    return { kind: 'school-rename', key: schoolKey(key), name: schoolName(required(words, 'name', usage)) };
  },
  'school archive': (words) => {
    only(words, [], 'school archive KEY');
    const [key] = positional(words, ['KEY'], 'school archive KEY');
    return { kind: 'school-archive', key: schoolKey(key) };
  },
  'plan add': (words) => {
    const usage = 'plan add SCHOOL_KEY PLAN_ID --name NAME';
    only(words, ['name'], usage);
    const [key, id] = positional(words, ['SCHOOL_KEY', 'PLAN_ID'], usage);
    return {
      kind: 'plan-add',
      schoolKey: schoolKey(key),
      planId: planId(id),
      name: planName(required(words, 'name', usage)),
    };
  },
  'plan list': (words) => {
    only(words, [], 'plan list [SCHOOL_KEY]');
    if (words.positional.length > 1) fail('usage: npm run admin -- plan list [SCHOOL_KEY]');
    const [key] = words.positional;
    return key === undefined ? { kind: 'plan-list' } : { kind: 'plan-list', schoolKey: schoolKey(key) };
  },
  'plan rename': (words) => {
    const usage = 'plan rename PLAN_ID --name NAME';
    only(words, ['name'], usage);
    const [id] = positional(words, ['PLAN_ID'], usage);
    return { kind: 'plan-rename', planId: planId(id), name: planName(required(words, 'name', usage)) };
  },
  'plan archive': (words) => {
    only(words, [], 'plan archive PLAN_ID');
    const [id] = positional(words, ['PLAN_ID'], 'plan archive PLAN_ID');
    return { kind: 'plan-archive', planId: planId(id) };
  },
  'user add': (words) => {
    const usage = 'user add USERNAME --role admin|school_admin|staff [--school SCHOOL_KEY]...';
    only(words, ['role', 'school'], usage);
    const [name] = positional(words, ['USERNAME'], usage);
    const chosen = role(required(words, 'role', usage));
    return { kind: 'user-add', username: username(name), role: chosen, schools: schoolsFor(chosen, schools(words)) };
  },
  'user list': (words) => {
    only(words, [], 'user list');
    positional(words, [], 'user list');
    return { kind: 'user-list' };
  },
  'user reset-password': (words) => {
    only(words, [], 'user reset-password USERNAME');
    const [name] = positional(words, ['USERNAME'], 'user reset-password USERNAME');
    return { kind: 'user-reset-password', username: username(name) };
  },
  'user enable': (words) => {
    only(words, [], 'user enable USERNAME');
    const [name] = positional(words, ['USERNAME'], 'user enable USERNAME');
    return { kind: 'user-enable', username: username(name) };
  },
  'user disable': (words) => {
    only(words, [], 'user disable USERNAME');
    const [name] = positional(words, ['USERNAME'], 'user disable USERNAME');
    return { kind: 'user-disable', username: username(name) };
  },
  'user role': (words) => {
    const usage = 'user role USERNAME --role admin|school_admin|staff';
    only(words, ['role'], usage);
    const [name] = positional(words, ['USERNAME'], usage);
    return { kind: 'user-role', username: username(name), role: role(required(words, 'role', usage)) };
  },
  'user schools': (words) => {
    const usage = 'user schools USERNAME --school SCHOOL_KEY [--school SCHOOL_KEY]...';
    only(words, ['school'], usage);
    const [name] = positional(words, ['USERNAME'], usage);
    const keys = schools(words);
    if (keys.length === 0) fail(`--school is missing: ${usage}`);
    return { kind: 'user-schools', username: username(name), schools: keys };
  },
  'roster import': (words) => {
    const usage = 'roster import SCHOOL_KEY FILE';
    only(words, [], usage);
    const [key, file] = positional(words, ['SCHOOL_KEY', 'FILE'], usage);
    if (file === '') fail(`usage: npm run admin -- ${usage}`);
    return { kind: 'roster-import', schoolKey: schoolKey(key), file };
  },
  'roster delete': (words) => {
    only(words, [], 'roster delete SCHOOL_KEY');
    const [key] = positional(words, ['SCHOOL_KEY'], 'roster delete SCHOOL_KEY');
    return { kind: 'roster-delete', schoolKey: schoolKey(key) };
  },
};

/** `npm run admin -- …`'s arguments (without node and the script). */
export function parseArgs(args: readonly string[]): Parsed {
  if (args[0] === 'help' || args.includes('--help') || args.includes('-h'))
    return { ok: true, command: { kind: 'help' } };
  if (args.length === 0) return { ok: false, error: 'no command given (see npm run admin -- --help)' };
  // The one command of one word: what it takes is a file name, not a verb.
  if (args[0] === 'backup') {
    const file = args.slice(1);
    return file.length === 1 && file[0] !== '' && !file[0].startsWith('-')
      ? { ok: true, command: { kind: 'backup', file: file[0] } }
      : { ok: false, error: 'usage: npm run admin -- backup FILE' };
  }
  const [noun, verb, ...rest] = args;
  const name = `${noun} ${verb ?? ''}`.trim();
  const parser = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!parser) {
    const nouns = new Set(Object.keys(COMMANDS).map((command) => command.split(' ')[0]));
    return {
      ok: false,
      error: nouns.has(noun)
        ? `unknown command ${JSON.stringify(name)} (see --help)`
        : `unknown command ${JSON.stringify(noun)}: use school, plan, user or roster (see --help)`,
    };
  }
  try {
    return { ok: true, command: parser(split(rest)) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.message };
    throw error;
  }
}
