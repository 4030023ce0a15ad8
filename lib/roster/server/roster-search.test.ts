import { describe, expect, it } from 'vitest';
import type { RosterEntry } from '@/lib/roster/entry';
import { STORES } from '@/test-support/databases';
import { sharedStore } from '@/test-support/shared-store';
import { searchRoster } from './roster-search';
import { deleteRosterWithin, replaceRosterWithin, rosterSize } from './roster-store';

const row = (over: Partial<RosterEntry>): RosterEntry => ({
  studentName: '张小明',
  openid: 'o-zhang-mother',
  studentNo: '2024001',
  className: '三年级（2）班',
  guardianName: '王芳',
  phone: '13812345678',
  ...over,
});

const EAST = [
  row({}),
  row({ openid: 'o-zhang-father', guardianName: '张建国', phone: '13900001111' }),
  row({ studentName: '曾小红', openid: 'o-zeng', studentNo: '2024002', guardianName: '曾强', phone: '13700002222' }),
  row({
    studentName: '李雷',
    openid: 'o-li',
    studentNo: '2024003',
    className: '一年级1班',
    guardianName: null,
    phone: null,
  }),
];
const WEST = [row({ studentName: '张小梅', openid: 'o-west-zhang', studentNo: '2024001', phone: '13655555678' })];

describe.each(STORES)('%o', (makeEnv) => {
  const store = sharedStore(makeEnv);
  const search = (text: string, schools: string[] = ['east'], limit = 20) =>
    searchRoster(store.db, schools, text, limit);
  const openids = async (text: string, schools?: string[]) =>
    (await search(text, schools)).matches.map((match) => match.openid).sort();

  it('stores two schools’ rosters', async () => {
    const at = Date.now();
    await store.db
      .insertInto('school')
      .values([
        { key: 'east', name: '东城小学', wechat_school_id: null, archived_at: null, created_at: at },
        { key: 'west', name: '西城小学', wechat_school_id: null, archived_at: null, created_at: at },
      ])
      .execute();
    await store.db.transaction().execute(async (trx) => {
      expect(await replaceRosterWithin(trx, 'east', EAST)).toBe(4);
      expect(await replaceRosterWithin(trx, 'west', WEST)).toBe(1);
    });
    expect(await rosterSize(store.db, 'east')).toBe(4);
  });

  it('finds a student by name, pinyin, initials, number, class, guardian and phone last four', async () => {
    expect(await openids('张')).toEqual(['o-zhang-father', 'o-zhang-mother']);
    expect(await openids('张小明')).toEqual(['o-zhang-father', 'o-zhang-mother']);
    expect(await openids('zxm')).toEqual(['o-zhang-father', 'o-zhang-mother']);
    expect(await openids('ＺＨＡＮＧ xiao')).toEqual(['o-zhang-father', 'o-zhang-mother']);
    expect(await openids('zengxiaohong')).toEqual(['o-zeng']);
    expect(await openids('cxh')).toEqual(['o-zeng']);
    expect(await openids('2024003')).toEqual(['o-li']);
    expect(await openids('一年级1')).toEqual(['o-li']);
    expect(await openids('王芳')).toEqual(['o-zhang-mother']);
    expect(await openids('5678')).toEqual(['o-zhang-mother']);
    expect(await openids('刘')).toEqual([]);
    expect(await openids('13812345678')).toEqual([]);
  });

  it('shows each match with the phone masked and its school', async () => {
    const { matches, more } = await search('5678');
    expect(more).toBe(false);
    expect(matches).toEqual([
      expect.objectContaining({
        studentName: '张小明',
        studentNo: '2024001',
        className: '三年级（2）班',
        guardianName: '王芳',
        phone: '138****5678',
        openid: 'o-zhang-mother',
        schoolKey: 'east',
        schoolName: '东城小学',
      }),
    ]);
    expect(JSON.stringify(matches)).not.toContain('13812345678');
  });

  it('never answers with another school’s rows', async () => {
    expect(await openids('张', ['west'])).toEqual(['o-west-zhang']);
    expect(await openids('张', ['east', 'west'])).toEqual(['o-west-zhang', 'o-zhang-father', 'o-zhang-mother']);
    expect(await openids('张', [])).toEqual([]);
    expect(await openids('张', ['north'])).toEqual([]);
  });

  it('stops at the limit and says there are more', async () => {
    const { matches, more } = await search('2024', ['east'], 2);
    expect(matches).toHaveLength(2);
    expect(more).toBe(true);
    expect((await search('2024', ['east'], 4)).more).toBe(false);
  });

  it('forgets a replaced or deleted roster’s rows and terms', async () => {
    await store.db.transaction().execute(async (trx) => {
      await replaceRosterWithin(trx, 'east', [row({ studentName: '赵六', openid: 'o-zhao' })]);
    });
    expect(await openids('张')).toEqual([]);
    expect(await openids('zl')).toEqual(['o-zhao']);
    await store.db.transaction().execute(async (trx) => {
      expect(await deleteRosterWithin(trx, 'east')).toBe(1);
    });
    expect(await openids('zl')).toEqual([]);
    const left = await store.db.selectFrom('roster_term').select('school_key').distinct().execute();
    expect(left).toEqual([{ school_key: 'west' }]);
    expect(await openids('张', ['west'])).toEqual(['o-west-zhang']);
  });
});
