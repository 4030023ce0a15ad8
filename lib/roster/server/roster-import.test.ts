import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_LINE, type Origin } from '@/lib/schools/roles';
import { addSchool, archiveSchool } from '@/lib/schools/server/school-service';
import { STORES } from '@/test-support/databases';
import { sharedStore } from '@/test-support/shared-store';
import { deleteRoster, importRoster } from './roster-import';
import { rosterSize } from './roster-store';

const actor = (role: Origin['actor']['role'], schools: string[]): Origin => ({
  actor: { userId: `u-${role}`, username: `${role}-1`, role, schools },
  from: '10.0.0.7',
});
const headOfNorth = actor('school_admin', ['north']);
const clerkOfNorth = actor('staff', ['north']);
const headOfSouth = actor('school_admin', ['south']);

const csv = (text: string) => new TextEncoder().encode(text);
const TWO_ROWS = csv('学生姓名,openid,手机号\n李小明,o_father,138 1234 5678\n李小明,o_mother,\n');

describe.each(STORES)('%o', (makeEnv) => {
  const store = sharedStore(makeEnv);
  const records = () =>
    store.db
      .selectFrom('audit_log')
      .select(['action', 'username', 'school_key', 'subject', 'detail', 'client_ip'])
      .where('action', 'like', 'roster_%')
      .orderBy('id')
      .execute();
  const stored = () =>
    store.db
      .selectFrom('roster_entry')
      .select(['school_key', 'line', 'student_name', 'openid', 'phone'])
      .orderBy('school_key')
      .orderBy('line')
      .execute();

  beforeAll(async () => {
    for (const key of ['north', 'south', 'closed']) await addSchool(store, COMMAND_LINE, { key, name: key });
    await archiveSchool(store, COMMAND_LINE, 'closed');
  });

  it('replaces a school’s roster with the file, and records who imported which file', async () => {
    expect(await importRoster(store, headOfNorth, 'north', 'C:\\导出\\名册.csv', TWO_ROWS)).toEqual({
      ok: true,
      rows: 2,
      replaced: 0,
    });
    const xlsx = new Uint8Array(readFileSync('test-support/roster/roster.xlsx'));
    expect(await importRoster(store, COMMAND_LINE, 'north', 'roster.xlsx', xlsx)).toEqual({
      ok: true,
      rows: 4,
      replaced: 2,
    });
    expect(await rosterSize(store.db, 'north')).toBe(4);
    expect((await stored()).map((row) => [row.line, row.student_name, row.phone])).toEqual([
      [2, '张小红', '13812345678'],
      [3, '张小红', '13987654321'],
      [4, '陈一', null],
      [5, '王二', '13512345678'],
    ]);
    expect(await records()).toEqual([
      {
        action: 'roster_imported',
        username: 'school_admin-1',
        school_key: 'north',
        subject: '名册.csv',
        detail: '2 rows',
        client_ip: '10.0.0.7',
      },
      {
        action: 'roster_imported',
        username: 'cli',
        school_key: 'north',
        subject: 'roster.xlsx',
        detail: '4 rows',
        client_ip: 'cli',
      },
    ]);
  });

  it('stores each row with its line in the file, blank lines counted', async () => {
    const gaps = csv('学生姓名,openid\n甲,o1\n\n乙,o2\n,\n\n丙,o3\n');
    expect(await importRoster(store, headOfSouth, 'south', 'gaps.csv', gaps)).toMatchObject({ ok: true, rows: 3 });
    const south = (await stored()).filter((row) => row.school_key === 'south');
    expect(south.map((row) => [row.line, row.student_name])).toEqual([
      [2, '甲'],
      [4, '乙'],
      [7, '丙'],
    ]);
  });

  it('stores nothing from a file with one bad row, and says which', async () => {
    const before = { rows: await stored(), records: (await records()).length };
    const result = await importRoster(store, headOfNorth, 'north', 'bad.csv', csv('学生姓名,openid\n甲,o1\n乙,\n'));
    expect(result).toMatchObject({ ok: false, parsed: { problems: [{ line: 3, kind: 'required', field: 'openid' }] } });
    expect({ rows: await stored(), records: (await records()).length }).toEqual(before);
  });

  it('lets no one else change a roster: staff, another school’s admin, an archived or unknown school', async () => {
    const before = { rows: await stored(), records: (await records()).length };
    expect(await importRoster(store, clerkOfNorth, 'north', 'a.csv', TWO_ROWS)).toEqual({
      ok: false,
      refused: 'notAllowed',
    });
    expect(await importRoster(store, headOfSouth, 'north', 'a.csv', TWO_ROWS)).toEqual({
      ok: false,
      refused: 'notAllowed',
    });
    expect(await deleteRoster(store, headOfSouth, 'north')).toEqual({ ok: false, refused: 'notAllowed' });
    expect(await deleteRoster(store, clerkOfNorth, 'north')).toEqual({ ok: false, refused: 'notAllowed' });
    expect(await importRoster(store, COMMAND_LINE, 'closed', 'a.csv', TWO_ROWS)).toEqual({
      ok: false,
      refused: 'schoolArchived',
    });
    expect(await importRoster(store, COMMAND_LINE, 'nowhere', 'a.csv', TWO_ROWS)).toEqual({
      ok: false,
      refused: 'schoolUnknown',
    });
    expect({ rows: await stored(), records: (await records()).length }).toEqual(before);
  });

  it('keeps each school’s roster apart, and deletes one whole, recorded', async () => {
    await importRoster(store, headOfSouth, 'south', 'south.csv', TWO_ROWS);
    expect(await deleteRoster(store, headOfNorth, 'north')).toEqual({ ok: true, deleted: 4 });
    expect(await rosterSize(store.db, 'north')).toBe(0);
    expect(await rosterSize(store.db, 'south')).toBe(2);
    expect((await records()).at(-1)).toMatchObject({
      action: 'roster_deleted',
      username: 'school_admin-1',
      school_key: 'north',
      detail: '4 rows',
    });
  });
});
