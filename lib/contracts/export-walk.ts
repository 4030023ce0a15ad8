import type { LookupError, LookupResult } from './failure';
import type { PageRef } from './links';
import { orderByStatus } from './order';
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

/** The search to export: every page of it, so no offset or page size of its own. */
export type ExportSearch = Pick<ContractsQuery, 'openid' | 'plan_id' | 'contract_status'>;

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
  search: ExportSearch,
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
 * The walk as the browser sees it: progress per page, then the file made from every row at once,
 * ordered across pages (signed before terminated) as the table would be if it were one page. A
 * walk that fails or is cancelled makes no file, so a spreadsheet is never silently short.
 */
export async function* exportEvents(
  walk: AsyncIterable<WalkEvent> | Iterable<WalkEvent>,
  toFile: (rows: ContractRow[]) => { csv: string; file: string },
): AsyncGenerator<ExportEvent> {
  const rows: ContractRow[] = [];
  for await (const event of walk) {
    if (event.type === 'page') {
      rows.push(...event.rows);
      yield { type: 'progress', done: event.done, total: event.total };
    } else if (event.type === 'error') {
      yield event;
    } else {
      yield { type: 'done', count: event.count, ...toFile(orderByStatus(rows, (row) => row.status)) };
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
