import type { ContractsAnswer } from './answer';
import { toContractRow } from './contract-row';
import { type PageRef, pageFromLink } from './links';
import { orderContracts } from './order';
import type { ContractsQuery } from './search-input';

/** One table row: only what staff see, ids kept as the strings WeChat sent. */
export interface ContractRow {
  key: string;
  contractId: string | null;
  outContractCode: string | null;
  status: string | null;
  /** The RFC 3339 text as WeChat sent it. */
  createTime: string | null;
  /** The same instant in Beijing time, or null when the text is not RFC 3339. */
  createTimeText: string | null;
  planId: string | null;
  openid: string | null;
  appid: string | null;
  mchid: string | null;
  /** WeChat answered with another openid than the one asked for (another AppID's user). */
  openidMismatch: boolean;
}

/** What the table gets for one verified page. */
export interface ContractsPage {
  query: ContractsQuery;
  rows: ContractRow[];
  offset: number;
  totalCount: number | null;
  prev: PageRef | null;
  next: PageRef | null;
  requestId: string | null;
}

export function toContractsPage(
  answer: ContractsAnswer,
  query: ContractsQuery,
  requestId: string | undefined,
): ContractsPage {
  const current = { offset: query.offset, limit: query.limit };
  const rows = orderContracts(answer.data ?? []).map((contract, index) =>
    toContractRow(contract, `${contract.contract_id ?? ''}#${index}`, query.openid),
  );
  return {
    query,
    rows,
    offset: answer.offset ?? query.offset,
    totalCount: answer.total_count ?? null,
    prev: pageFromLink(answer.links?.prev, current, 'prev'),
    next: pageFromLink(answer.links?.next, current, 'next'),
    requestId: requestId ?? null,
  };
}
