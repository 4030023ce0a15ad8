import { MAX_LIMIT } from './search-input';

export interface PageRef {
  offset: number;
  limit: number;
}

const LINK_BASE = 'http://link.invalid';

function wholeParam(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name);
  return raw !== null && /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
}

/**
 * Reads where a `links.next` / `links.prev` points. The link is opaque: it may be an absolute URL
 * or a path, and only its `offset` and `limit` query values are read — never its host, and it is
 * never fetched. A missing or empty link means there is no such page. When the link names no
 * usable offset the neighbouring page is computed from the current one.
 */
export function pageFromLink(
  link: string | null | undefined,
  current: PageRef,
  direction: 'next' | 'prev',
): PageRef | null {
  if (typeof link !== 'string' || link.trim() === '') return null;
  let params: URLSearchParams;
  try {
    params = new URL(link, LINK_BASE).searchParams;
  } catch {
    params = new URLSearchParams();
  }
  const offset = wholeParam(params, 'offset');
  const limit = wholeParam(params, 'limit');
  if (offset !== undefined && limit !== undefined && limit >= 1 && limit <= MAX_LIMIT && offset % limit === 0) {
    return { offset, limit };
  }
  if (offset !== undefined && offset % current.limit === 0) return { offset, limit: current.limit };
  const step = direction === 'next' ? current.limit : -current.limit;
  return { offset: Math.max(0, current.offset + step), limit: current.limit };
}
