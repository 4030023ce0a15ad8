import type { AuditRecord } from '@/lib/audit/record';

/** A search this staff member made, to repeat in one click. */
export interface RecentSearch {
  openid: string;
  planId: string;
  contractStatus: string;
  /** When it was last made, epoch ms. */
  at: number;
}

/** Outcomes that never reached WeChat for a real search: not worth repeating. */
const NOT_SEARCHES = new Set(['invalid_input', 'unauthenticated', 'staff_rate_limited']);

/**
 * The distinct searches in a staff member's newest audit records, newest first: paging through a
 * search or exporting it is still one search, and a search refused as mistyped is left out.
 */
export function recentSearches(records: readonly AuditRecord[], max: number): RecentSearch[] {
  const seen = new Set<string>();
  const searches: RecentSearch[] = [];
  for (const record of records) {
    if (!record.openid || !record.plan_id || NOT_SEARCHES.has(record.outcome)) continue;
    const contractStatus = record.contract_status ?? 'ALL';
    const key = JSON.stringify([record.openid, record.plan_id, contractStatus]);
    if (seen.has(key)) continue;
    seen.add(key);
    searches.push({ openid: record.openid, planId: record.plan_id, contractStatus, at: Number(record.at) });
    if (searches.length === max) break;
  }
  return searches;
}
