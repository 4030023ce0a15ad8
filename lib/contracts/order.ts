import type { Contract } from './answer';

const GROUP = new Map<string, number>([
  ['ADD', 0],
  ['DELETE', 1],
]);

/** Signed first, terminated after, anything else last. */
// A Map, not an object literal: a status such as 'constructor' must not find a prototype member.
const groupOf = (status: string | null | undefined) => GROUP.get(status ?? '') ?? 2;

/**
 * Signed first, terminated after, anything else last, by the status `statusOf` reads (WeChat's
 * contracts, or table rows with the status already read); the server's order is kept within each
 * group. WeChat promises this order, but the dashboard does not rely on it.
 */
export function orderByStatus<T>(items: readonly T[], statusOf: (item: T) => string | null | undefined): T[] {
  // Array.prototype.sort is stable, so equal ranks keep the server's order.
  return [...items].sort((a, b) => groupOf(statusOf(a)) - groupOf(statusOf(b)));
}

/** WeChat's contracts in that order. */
export function orderContracts<T extends Pick<Contract, 'contract_status'>>(contracts: readonly T[]): T[] {
  return orderByStatus(contracts, (contract) => contract.contract_status);
}

export type TimeOrder = 'ascending' | 'descending';

interface TimedRow {
  status: string | null;
  /** RFC 3339 as WeChat sent it. */
  createTime: string | null;
  /** Null when createTime is not a real RFC 3339 time. */
  createTimeText: string | null;
}

/**
 * Rows by signing time within each status group: sorting never lifts a terminated contract above
 * a signed one. Times that could not be read go last in their group, in the order they came.
 */
export function sortWithinStatusGroups<T extends TimedRow>(rows: readonly T[], order: TimeOrder): T[] {
  const instant = (row: T) =>
    row.createTime === null || row.createTimeText === null ? null : Date.parse(row.createTime);
  return [...rows].sort((a, b) => {
    const group = groupOf(a.status) - groupOf(b.status);
    if (group !== 0) return group;
    const x = instant(a);
    const y = instant(b);
    if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0);
    return order === 'ascending' ? x - y : y - x;
  });
}
