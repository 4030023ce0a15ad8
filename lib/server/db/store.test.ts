import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { NewAuditRecord } from '@/lib/audit/record';
import { appendAudit, listAudit } from '@/lib/audit/server/store';
import { countHit } from '@/lib/server/rate-limit';
import { parseDatabase } from '@/lib/settings/storage';
import { STORES } from '@/test-support/databases';
import { sharedStore } from '@/test-support/shared-store';
import { openStore } from './database';
import { migrate } from './migrations';

/** The data layer on both databases the app supports, through the one query layer. */
function record(overrides: Partial<NewAuditRecord> = {}): NewAuditRecord {
  return {
    at: Date.UTC(2026, 10, 27, 2, 0, 0),
    user_id: 'u-1',
    username: 'wang',
    action: 'lookup',
    openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
    plan_id: '101164396123311331',
    contract_status: 'ALL',
    offset: 0,
    limit: 20,
    outcome: 'ok',
    result_count: 20,
    error_code: null,
    request_id: 'REQ-1',
    client_ip: '10.0.0.8',
    ...overrides,
  };
}

describe.each(STORES)('%o', (makeEnv) => {
  const store = sharedStore(makeEnv);

  it('migrates again without harm, and from two connections at once', async () => {
    const other = openStore(parseDatabase(store.env));
    await Promise.all([migrate(store.db, store.type), migrate(other.db, other.type)]);
    await other.db.destroy();
    const tables = await store.db.introspection.getTables();
    expect(tables.map((table) => table.name)).toEqual(
      expect.arrayContaining(['user', 'session', 'account', 'verification', 'audit_log', 'rate_limit']),
    );
  });

  it('appends audit records and lists them newest first, filtered and paged, with the total', async () => {
    const base = Date.UTC(2026, 10, 20);
    for (let day = 0; day < 5; day += 1) {
      await appendAudit(
        store.db,
        record({ at: base + day * 86_400_000, username: day % 2 ? 'li' : 'zhang', request_id: `D${day}` }),
      );
    }
    await appendAudit(
      store.db,
      record({ at: base + 86_400_000, openid: 'oOther', username: 'zhang', request_id: 'OTHER' }),
    );

    const zhang = await listAudit(
      store.db,
      { username: 'zhang', from: base, to: base + 5 * 86_400_000 },
      { offset: 0, limit: 10 },
    );
    expect(zhang.total).toBe(4);
    expect(zhang.records.map((r) => r.request_id)).toEqual(['D4', 'D2', 'OTHER', 'D0']);
    expect(typeof zhang.records[0].at).toBe('number');
    expect(typeof zhang.records[0].id).toBe('number');

    const page2 = await listAudit(store.db, { from: base, to: base + 5 * 86_400_000 }, { offset: 2, limit: 2 });
    expect(page2.total).toBe(6);
    expect(page2.records).toHaveLength(2);

    const byOpenid = await listAudit(store.db, { openid: 'oOther' }, { offset: 0, limit: 10 });
    expect(byOpenid.records.map((r) => r.request_id)).toEqual(['OTHER']);
    const dayTwo = await listAudit(
      store.db,
      { from: base + 2 * 86_400_000, to: base + 3 * 86_400_000 },
      { offset: 0, limit: 10 },
    );
    expect(dayTwo.records.map((r) => r.request_id)).toEqual(['D2']);
  });

  it('refuses to change or remove an audit record, in the database itself', async () => {
    await appendAudit(store.db, record({ request_id: 'KEEP' }));
    await expect(
      sql`update audit_log set outcome = 'forged' where request_id = 'KEEP'`.execute(store.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where request_id = 'KEEP'`.execute(store.db)).rejects.toThrow(/append-only/);
    const kept = await listAudit(store.db, { openid: record().openid ?? '' }, { offset: 0, limit: 100 });
    expect(kept.records.find((r) => r.request_id === 'KEEP')?.outcome).toBe('ok');
  });

  it('loses no record when 32 lookups by several staff are recorded at once', async () => {
    await Promise.all(
      Array.from({ length: 32 }, (_, n) =>
        appendAudit(
          store.db,
          record({ user_id: `u-${n % 4}`, username: `staff${n % 4}`, openid: 'oConcurrent', request_id: `C${n}` }),
        ),
      ),
    );
    const all = await listAudit(store.db, { openid: 'oConcurrent' }, { offset: 0, limit: 100 });
    expect(all.total).toBe(32);
    expect(new Set(all.records.map((r) => r.request_id)).size).toBe(32);
  });

  it('counts hits per key and window atomically, and starts again in the next window', async () => {
    const now = Date.UTC(2026, 10, 27, 3, 0, 10);
    const counts = await Promise.all(Array.from({ length: 40 }, () => countHit(store.db, 'lookup:u-9', 60_000, now)));
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, n) => n + 1));
    expect(await countHit(store.db, 'lookup:u-8', 60_000, now)).toBe(1);
    expect(await countHit(store.db, 'lookup:u-9', 60_000, now + 60_000)).toBe(1);
  });
});
