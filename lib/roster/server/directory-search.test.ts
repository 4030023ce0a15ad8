import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '@/test-support/keys';

/**
 * A directory search by a signed-in clerk, on the app's own store (a SQLite file of this test's):
 * refused outside their schools, never answering with another school's rows, and audited.
 */
const dir = makeTempDir();
process.env.DATA_DIR = dir.path;
process.env.DATABASE_URL = '';
process.env.DASHBOARD_LOOKUPS_PER_MINUTE = '30';

const { getStore } = await import('@/lib/server/db/database');
const { COMMAND_LINE } = await import('@/lib/schools/roles');
const { addSchool, archiveSchool } = await import('@/lib/schools/server/school-service');
const { replaceRosterWithin } = await import('./roster-store');
const { searchDirectoryAs } = await import('./directory-search');

const clerkOf = (...schools: string[]) => ({
  userId: `u-${schools.join('-')}`,
  username: 'clerk',
  role: 'staff' as const,
  schools,
});
const ADMIN = { userId: 'u-admin', username: 'boss', role: 'admin' as const, schools: [] };
const entry = (studentName: string, openid: string, phone: string) => ({
  studentName,
  openid,
  studentNo: null,
  className: '一年级（1）班',
  guardianName: null,
  phone,
});

describe('searchDirectoryAs', () => {
  beforeAll(async () => {
    const store = await getStore();
    for (const [key, name] of [
      ['north', '北校'],
      ['south', '南校'],
      ['old', '旧校'],
    ]) {
      await addSchool(store, COMMAND_LINE, { key, name });
    }
    await store.db.transaction().execute(async (trx) => {
      await replaceRosterWithin(trx, 'north', [entry('张小明', 'o-north-zhang', '13812345678')]);
      await replaceRosterWithin(trx, 'south', [entry('张小红', 'o-south-zhang', '13987655678')]);
      await replaceRosterWithin(trx, 'old', [entry('张旧', 'o-old-zhang', '13600005678')]);
    });
    await archiveSchool(store, COMMAND_LINE, 'old');
  });

  afterAll(async () => {
    await (await getStore()).db.destroy();
    dir.remove();
  });

  const records = async () =>
    (await getStore()).db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'directory_search')
      .orderBy('id')
      .execute();
  const openids = (result: Awaited<ReturnType<typeof searchDirectoryAs>>) =>
    result.ok ? result.matches.map((match) => match.openid).sort() : result.error.kind;

  it("finds the clerk's own school's parents, phone masked, and records the search", async () => {
    const before = (await records()).length;
    const result = await searchDirectoryAs(clerkOf('north'), { q: '张' }, '10.0.0.8');
    expect(result).toEqual({
      ok: true,
      severalSchools: false,
      more: false,
      matches: [expect.objectContaining({ openid: 'o-north-zhang', phone: '138****5678', schoolName: '北校' })],
    });
    expect(JSON.stringify(result)).not.toContain('13812345678');
    expect((await records()).slice(before)).toEqual([
      expect.objectContaining({
        username: 'clerk',
        subject: '张',
        outcome: 'ok',
        result_count: 1,
        school_key: 'north',
        client_ip: '10.0.0.8',
      }),
    ]);
  });

  it("never answers with another school's rows, nor an archived school's", async () => {
    for (const text of ['张', 'zx', '5678']) {
      expect(openids(await searchDirectoryAs(clerkOf('north'), { q: text }, null))).toEqual(['o-north-zhang']);
    }
    expect(openids(await searchDirectoryAs(clerkOf('north', 'old'), { q: '张' }, null))).toEqual(['o-north-zhang']);
  });

  it('refuses a school outside reach, and a clerk with no school, and records the refusal', async () => {
    const before = (await records()).length;
    expect(await searchDirectoryAs(clerkOf('north'), { q: '张', school: 'south' }, null)).toEqual({
      ok: false,
      error: { kind: 'out_of_scope' },
    });
    expect(await searchDirectoryAs(clerkOf('north'), { q: '张', school: 'old' }, null)).toEqual({
      ok: false,
      error: { kind: 'out_of_scope' },
    });
    expect(await searchDirectoryAs(clerkOf(), { q: '张' }, null)).toEqual({ ok: false, error: { kind: 'no_school' } });
    expect((await records()).slice(before)).toEqual([
      expect.objectContaining({ outcome: 'out_of_scope', school_key: 'south', result_count: null }),
      expect.objectContaining({ outcome: 'out_of_scope', school_key: 'old' }),
      expect.objectContaining({ outcome: 'no_school', school_key: null }),
    ]);
  });

  it('refuses input that is no search, recording what was sent', async () => {
    for (const input of [{ q: '' }, { q: 'x'.repeat(65) }, { q: { toString: 1 } }, null]) {
      expect(await searchDirectoryAs(clerkOf('north'), input, null)).toEqual({
        ok: false,
        error: { kind: 'invalid_input' },
      });
    }
    expect((await records()).at(-2)).toMatchObject({ outcome: 'invalid_input', subject: '(not text)' });
  });

  it('lets a provider admin search every school, or the one asked for, one record per school shown', async () => {
    const before = (await records()).length;
    const all = await searchDirectoryAs(ADMIN, { q: '张' }, null);
    expect(all).toMatchObject({ ok: true, severalSchools: true });
    expect(openids(all)).toEqual(['o-north-zhang', 'o-south-zhang']);
    expect(openids(await searchDirectoryAs(ADMIN, { q: '张', school: 'south' }, null))).toEqual(['o-south-zhang']);
    const written = (await records()).slice(before);
    expect(written.map((r) => [r.school_key, r.result_count]).sort()).toEqual([
      ['north', 1],
      ['south', 1],
      ['south', 1],
    ]);
  });

  it('records a search that found nothing under the school searched', async () => {
    await searchDirectoryAs(clerkOf('north'), { q: '刘' }, null);
    expect((await records()).at(-1)).toMatchObject({ outcome: 'ok', result_count: 0, school_key: 'north' });
  });

  it('counts searches against the clerk’s per-minute lookup limit, refusing beyond it', async () => {
    const clerk = { ...clerkOf('north'), userId: 'u-busy' };
    for (let n = 0; n < 30; n += 1) expect((await searchDirectoryAs(clerk, { q: '张' }, null)).ok).toBe(true);
    expect(await searchDirectoryAs(clerk, { q: '张' }, null)).toEqual({
      ok: false,
      error: { kind: 'staff_rate_limited' },
    });
    expect((await records()).at(-1)).toMatchObject({ outcome: 'staff_rate_limited', school_key: 'north' });
  });
});
