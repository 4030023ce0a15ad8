import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanRow } from './csv';
import {
  type ExportEvent,
  exportEvents,
  MAX_EXPORT_PAGES,
  type PlanWalkEvent,
  readExportEvents,
  type WalkEvent,
  walkContractPages,
  walkPlans,
} from './export-walk';
import type { LookupResult } from './failure';
import type { ContractsQuery } from './search-input';
import type { ContractRow } from './view';

const search = { openid: 'oParent', plan_id: '101', contract_status: 'ALL' as const };

function row(n: number): ContractRow {
  return {
    key: `c${n}#0`,
    contractId: `c${n}`,
    outContractCode: null,
    status: 'ADD',
    createTime: null,
    createTimeText: null,
    planId: '101',
    openid: 'oParent',
    appid: null,
    mchid: null,
    openidMismatch: false,
  };
}

/** A WeChat with `total` contracts whose links point to the next page, as documented. */
function pagesOf(total: number, asked: ContractsQuery[] = []) {
  return async (query: ContractsQuery): Promise<LookupResult> => {
    asked.push(query);
    const end = Math.min(query.offset + query.limit, total);
    const rows = Array.from({ length: Math.max(0, end - query.offset) }, (_, i) => row(query.offset + i));
    return {
      ok: true,
      page: {
        query,
        rows,
        offset: query.offset,
        totalCount: total,
        prev: null,
        next: end < total ? { offset: end, limit: query.limit } : null,
        requestId: `R${query.offset}`,
      },
    };
  };
}

async function all<T>(events: AsyncIterable<T>): Promise<T[]> {
  const list: T[] = [];
  for await (const event of events) list.push(event);
  return list;
}

describe('walkContractPages', () => {
  it('walks every page through the links, 40 at a time, reporting progress and the count', async () => {
    const asked: ContractsQuery[] = [];
    const events = await all(walkContractPages(search, pagesOf(93, asked), new AbortController().signal));
    expect(asked.map((q) => [q.offset, q.limit])).toEqual([
      [0, 40],
      [40, 40],
      [80, 40],
    ]);
    expect(asked.every((q) => q.openid === 'oParent' && q.plan_id === '101')).toBe(true);
    expect(events.map((e) => (e.type === 'page' ? [e.done, e.total] : e.type))).toEqual([
      [40, 93],
      [80, 93],
      [93, 93],
      'done',
    ]);
    const rows = events.flatMap((e) => (e.type === 'page' ? e.rows.map((r) => r.contractId) : []));
    expect(rows).toEqual(Array.from({ length: 93 }, (_, i) => `c${i}`));
    expect(events.at(-1)).toEqual({ type: 'done', count: 93 });
  });

  it('exports every contract exactly once for any count', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 500 }), async (total) => {
        const events = await all(walkContractPages(search, pagesOf(total), new AbortController().signal));
        const ids = events.flatMap((e) => (e.type === 'page' ? e.rows.map((r) => r.contractId) : []));
        expect(ids).toEqual(Array.from({ length: total }, (_, i) => `c${i}`));
        expect(events.at(-1)).toEqual({ type: 'done', count: total });
      }),
      { numRuns: 50 },
    );
  });

  it('stops at the first failure, saying how far it got', async () => {
    const healthy = pagesOf(100);
    const failing = async (query: ContractsQuery): Promise<LookupResult> =>
      query.offset === 40
        ? { ok: false, error: { kind: 'unavailable', code: 'SYSTEM_ERROR', requestId: 'R40' } }
        : healthy(query);
    const events = await all(walkContractPages(search, failing, new AbortController().signal));
    expect(events.map((e) => e.type)).toEqual(['page', 'error']);
    expect(events[1]).toEqual({
      type: 'error',
      error: { kind: 'unavailable', code: 'SYSTEM_ERROR', requestId: 'R40' },
      done: 40,
    });
  });

  it('does not follow a link that goes back or stays put', async () => {
    const asked: ContractsQuery[] = [];
    const looping = async (query: ContractsQuery): Promise<LookupResult> => {
      const answer = await pagesOf(100, asked)(query);
      if (answer.ok) answer.page.next = { offset: 0, limit: 40 };
      return answer;
    };
    const events = await all(walkContractPages(search, looping, new AbortController().signal));
    expect(asked).toHaveLength(1);
    expect(events.at(-1)).toEqual({ type: 'done', count: 40 });
  });

  it(`gives up after ${MAX_EXPORT_PAGES} pages of an answer that never ends`, async () => {
    const endless = pagesOf(Number.MAX_SAFE_INTEGER);
    const events = await all(walkContractPages(search, endless, new AbortController().signal));
    expect(events).toHaveLength(MAX_EXPORT_PAGES + 1);
    expect(events.at(-1)).toMatchObject({
      type: 'error',
      error: { kind: 'export_too_large' },
      done: MAX_EXPORT_PAGES * 40,
    });
  });

  it('asks for no further page once cancelled', async () => {
    const asked: ContractsQuery[] = [];
    const controller = new AbortController();
    const events: WalkEvent[] = [];
    for await (const event of walkContractPages(search, pagesOf(200, asked), controller.signal)) {
      events.push(event);
      controller.abort();
    }
    expect(asked).toHaveLength(1);
    expect(events.map((e) => e.type)).toEqual(['page']);
  });
});

describe('walkPlans', () => {
  const lunch = { planId: '101', name: '午餐费' };
  const bus = { planId: '102', name: '校车费' };
  const both = { openid: 'oParent', contract_status: 'ALL' as const };

  it('walks every plan through its own pages, in order, counting across them', async () => {
    const asked: ContractsQuery[] = [];
    const events = await all(walkPlans([lunch, bus], both, pagesOf(50, asked), new AbortController().signal));
    expect(asked.map((query) => [query.plan_id, query.offset])).toEqual([
      ['101', 0],
      ['101', 40],
      ['102', 0],
      ['102', 40],
    ]);
    expect(events.map((event) => (event.type === 'page' ? [event.plan.name, event.done, event.total] : event))).toEqual(
      [
        ['午餐费', 40, null],
        ['午餐费', 50, null],
        ['校车费', 90, null],
        ['校车费', 100, null],
        { type: 'done', count: 100 },
      ],
    );
  });

  it("keeps WeChat's total for one plan, and stops at the first plan that fails, asking no later plan", async () => {
    const one = await all(walkPlans([lunch], both, pagesOf(3), new AbortController().signal));
    expect(one[0]).toMatchObject({ type: 'page', total: 3, plan: lunch });
    const asked: ContractsQuery[] = [];
    const failing = async (query: ContractsQuery): Promise<LookupResult> => {
      asked.push(query);
      return { ok: false, error: { kind: 'unavailable', requestId: 'R9' } };
    };
    const events = await all(walkPlans([lunch, bus], both, failing, new AbortController().signal));
    expect(events).toEqual([{ type: 'error', error: { kind: 'unavailable', requestId: 'R9' }, done: 0 }]);
    expect(asked.map((query) => query.plan_id)).toEqual(['101']);
  });
});

describe('exportEvents', () => {
  const toFile = (rows: PlanRow[]) => ({
    csv: rows.map(({ plan, row }) => `${plan.planId}:${row.contractId}`).join(','),
    file: 'f.csv',
  });
  const plan = { planId: '101', name: '午餐费' };

  it('reports progress per page, then one file of every row, signed first across pages', async () => {
    const terminated = (n: number) => ({ ...row(n), status: 'DELETE' });
    const walk: PlanWalkEvent[] = [
      { type: 'page', plan, rows: [row(1), terminated(2)], done: 2, total: 4 },
      { type: 'page', plan, rows: [row(3), terminated(4)], done: 4, total: 4 },
      { type: 'done', count: 4 },
    ];
    expect(await all(exportEvents(walk.values(), toFile))).toEqual([
      { type: 'progress', done: 2, total: 4 },
      { type: 'progress', done: 4, total: 4 },
      { type: 'done', count: 4, csv: '101:c1,101:c3,101:c2,101:c4', file: 'f.csv' },
    ]);
  });

  it('keeps plans in the order walked, each ordered signed first on its own', async () => {
    const bus = { planId: '102', name: '校车费' };
    const walk: PlanWalkEvent[] = [
      { type: 'page', plan, rows: [{ ...row(1), status: 'DELETE' }], done: 1, total: null },
      { type: 'page', plan: bus, rows: [{ ...row(2), status: 'DELETE' }, row(3)], done: 3, total: null },
      { type: 'done', count: 3 },
    ];
    expect((await all(exportEvents(walk.values(), toFile))).at(-1)).toMatchObject({ csv: '101:c1,102:c3,102:c2' });
  });

  it('makes no file when the walk fails part-way', async () => {
    const walk: PlanWalkEvent[] = [
      { type: 'page', plan, rows: [row(1)], done: 1, total: 2 },
      { type: 'error', error: { kind: 'timeout', requestId: 'R1' }, done: 1 },
    ];
    const events = await all(exportEvents(walk.values(), toFile));
    expect(events.map((e) => e.type)).toEqual(['progress', 'error']);
  });
});

describe('readExportEvents', () => {
  it('reads whole lines whatever the chunk boundaries, multi-byte characters included', async () => {
    const events: ExportEvent[] = [
      { type: 'progress', done: 1, total: 2 },
      { type: 'done', count: 1, csv: '\uFEFF签约协议号,状态\r\n1,已签约\r\n', file: '签约记录.csv' },
    ];
    const bytes = new TextEncoder().encode(events.map((e) => `${JSON.stringify(e)}\n`).join(''));
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 8 }),
        async (cuts) => {
          const bounds = [0, ...cuts.sort((a, b) => a - b), bytes.length];
          const body = new ReadableStream<Uint8Array>({
            start(controller) {
              for (let i = 1; i < bounds.length; i++) controller.enqueue(bytes.slice(bounds[i - 1], bounds[i]));
              controller.close();
            },
          });
          expect(await all(readExportEvents(body))).toEqual(events);
        },
      ),
    );
  });
});
