import type { PlanRow } from './csv';
import type { LookupError, LookupResult } from './failure';
import type { PageRef } from './links';
import { orderByStatus } from './order';
import type { NamedPlan } from './plans';
import { type ContractsQuery, MAX_LIMIT } from './search-input';
import type { ContractRow } from './view';

/** One step of the walk through a search's pages. */
export type WalkEvent =
  | { type: 'page'; rows: ContractRow[]; done: number; total: number | null }
  | { type: 'done'; count: number }
  | { type: 'error'; error: LookupError; done: number };

/**
 * What the export sends the browser, one JSON line each: progress as pages arrive (the browser
 * can stop the walk by closing the request), then the whole file, or why there is none.
 */
export type ExportEvent =
  | { type: 'progress'; done: number; total: number | null }
  | { type: 'done'; count: number; csv: string; file: string }
  | { type: 'error'; error: LookupError; done: number };

/** One plan's search to walk: every page of it, so no offset or page size of its own. */
export type PlanSearch = Pick<ContractsQuery, 'openid' | 'plan_id' | 'contract_status'>;

/**
 * What the browser asks to export: one plan's search (plan_id), or the parent in every plan of a
 * school (no plan_id; the school asked for, or the clerk's only one, as the all-plans view).
 */
export type ExportSearch = Pick<ContractsQuery, 'openid' | 'contract_status'> & { plan_id?: string; school?: string };

/** A step of the walk through several plans: each page says which plan it came from. */
export type PlanWalkEvent =
  | (Extract<WalkEvent, { type: 'page' }> & { plan: NamedPlan })
  | Exclude<WalkEvent, { type: 'page' }>;

/**
 * A parent with more contracts than this in one plan is not a real case; a WeChat answer whose
 * links never end must not keep the server walking (40 per page: 2,000 contracts). Each page also
 * counts towards the clerk's per-minute lookup limit (DASHBOARD_LOOKUPS_PER_MINUTE, 60).
 */
export const MAX_EXPORT_PAGES = 50;

/**
 * Walks a search's pages from the first, following each answer's `links.next` (read by
 * pageFromLink, never fetched as given), at the largest page size WeChat allows. Stops at the
 * first failure, at a link that does not move forward, or when `signal` is aborted.
 */
export async function* walkContractPages(
  search: PlanSearch,
  fetchPage: (query: ContractsQuery) => Promise<LookupResult>,
  signal: AbortSignal,
): AsyncGenerator<WalkEvent> {
  let next: PageRef | null = { offset: 0, limit: MAX_LIMIT };
  let done = 0;
  for (let pages = 0; next; pages++) {
    if (signal.aborted) return;
    if (pages === MAX_EXPORT_PAGES) {
      yield { type: 'error', error: { kind: 'export_too_large' }, done };
      return;
    }
    const result = await fetchPage({ ...search, ...next });
    if (signal.aborted) return;
    if (!result.ok) {
      yield { type: 'error', error: result.error, done };
      return;
    }
    const { page } = result;
    done += page.rows.length;
    yield { type: 'page', rows: page.rows, done, total: page.totalCount };
    // An empty page or a link back to where the walk has been would loop forever.
    next = page.rows.length > 0 && page.next && page.next.offset > page.offset ? page.next : null;
  }
  yield { type: 'done', count: done };
}

/**
 * Walks the plans one after another, each through all its pages (walkContractPages), counting
 * across them. The first failure in any plan ends the walk: the export makes no file then.
 * The total is WeChat's only for one plan; across several it is not known until the end.
 */
export async function* walkPlans(
  plans: readonly NamedPlan[],
  search: Omit<PlanSearch, 'plan_id'>,
  fetchPage: (query: ContractsQuery) => Promise<LookupResult>,
  signal: AbortSignal,
): AsyncGenerator<PlanWalkEvent> {
  let before = 0;
  for (const plan of plans) {
    let count = 0;
    for await (const event of walkContractPages({ ...search, plan_id: plan.planId }, fetchPage, signal)) {
      if (event.type === 'page') {
        yield { ...event, plan, done: before + event.done, total: plans.length === 1 ? event.total : null };
      } else if (event.type === 'error') {
        yield { ...event, done: before + event.done };
        return;
      } else count = event.count;
    }
    if (signal.aborted) return;
    before += count;
  }
  yield { type: 'done', count: before };
}

/**
 * The walk as the browser sees it: progress per page, then the file made from every row at once,
 * plan by plan in the order walked, each plan's rows ordered across its pages (signed before
 * terminated) as its table would be if it were one page. A walk that fails or is cancelled makes
 * no file, so a spreadsheet is never silently short.
 */
export async function* exportEvents(
  walk: AsyncIterable<PlanWalkEvent> | Iterable<PlanWalkEvent>,
  toFile: (rows: PlanRow[]) => { csv: string; file: string },
): AsyncGenerator<ExportEvent> {
  const byPlan = new Map<string, PlanRow[]>();
  for await (const event of walk) {
    if (event.type === 'page') {
      const rows = byPlan.get(event.plan.planId) ?? [];
      rows.push(...event.rows.map((row) => ({ plan: event.plan, row })));
      byPlan.set(event.plan.planId, rows);
      yield { type: 'progress', done: event.done, total: event.total };
    } else if (event.type === 'error') {
      yield event;
    } else {
      const rows = [...byPlan.values()].flatMap((group) => orderByStatus(group, ({ row }) => row.status));
      yield { type: 'done', count: event.count, ...toFile(rows) };
    }
  }
}

/** Reads the export's stream line by line, whatever the chunk boundaries. */
export async function* readExportEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ExportEvent> {
  const decoder = new TextDecoder();
  let buffered = '';
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffered += decoder.decode(value, { stream: !done });
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) yield JSON.parse(line) as ExportEvent;
      if (done) break;
    }
    if (buffered.trim()) yield JSON.parse(buffered) as ExportEvent;
  } finally {
    reader.releaseLock();
  }
}
