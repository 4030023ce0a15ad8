import { afterEach, describe, expect, it } from 'vitest';
import { STORES } from '@/test-support/databases';
import { sharedStore } from '@/test-support/shared-store';
import { auditBatches } from './export-batches';
import { appendAudit, listAudit } from './store';

/** The export's batches on both databases the app supports. */
describe.each(STORES)('auditBatches on %o', (makeEnv) => {
  const store = sharedStore(makeEnv);
  // Records are append-only (the database refuses deletes): each test uses its own staff name.
  let staff = 0;
  const me = () => `s${staff}`;

  afterEach(() => {
    staff += 1;
  });

  async function add(at: number, openid = 'oA', username = me()) {
    await appendAudit(store.db, {
      at,
      user_id: `id-${username}`,
      username,
      action: 'lookup',
      openid,
      plan_id: '1',
      contract_status: 'ALL',
      offset: 0,
      limit: 20,
      outcome: 'ok',
      result_count: 1,
      error_code: null,
      request_id: `R${at}`,
      client_ip: null,
    });
  }

  async function collect(filter: Parameters<typeof auditBatches>[1], size: number) {
    const batches: string[][] = [];
    for await (const batch of auditBatches(store.db, filter, size)) batches.push(batch.map((r) => `${r.at}`));
    return batches;
  }

  it('gives every record once, newest first, across batches, ties in the same millisecond included', async () => {
    for (const at of [100, 200, 200, 200, 300, 400, 500]) await add(at);
    const batches = await collect({ username: me() }, 3);
    expect(batches).toEqual([['500', '400', '300'], ['200', '200', '200'], ['100']]);
  });

  it('holds the same records in the same order as the page listing, filters and all', async () => {
    for (let i = 0; i < 12; i += 1) await add(1000 + (i % 4), i % 2 ? 'oB' : 'oA');
    const filter = { username: me(), openid: 'oA', from: 1001, to: 1003 };
    const listed = await listAudit(store.db, filter, { offset: 0, limit: 100 });
    const exported = [];
    for await (const batch of auditBatches(store.db, filter, 2)) exported.push(...batch.map((r) => Number(r.id)));
    expect(exported).toEqual(listed.records.map((r) => Number(r.id)));
    expect(listed.total).toBeGreaterThan(0);
  });

  it('yields nothing when nothing matches, and stops after an exactly full batch', async () => {
    expect(await collect({ username: 'nobody-at-all' }, 5)).toEqual([]);
    for (const at of [1, 2]) await add(at);
    expect(await collect({ username: me() }, 2)).toEqual([['2', '1']]);
  });
});
