import type { Contract } from './response';

const GROUP = new Map<string, number>([
  ['ADD', 0],
  ['DELETE', 1],
]);

/**
 * Signed contracts first, terminated after, anything else last; the server's order is kept
 * within each group. WeChat promises this order, but the dashboard does not rely on it.
 */
export function orderContracts<T extends Pick<Contract, 'contract_status'>>(contracts: readonly T[]): T[] {
  // A Map, not an object literal: a status such as 'constructor' must not find a prototype member.
  const rank = (contract: T) => GROUP.get(contract.contract_status ?? '') ?? 2;
  // Array.prototype.sort is stable, so equal ranks keep the server's order.
  return [...contracts].sort((a, b) => rank(a) - rank(b));
}
