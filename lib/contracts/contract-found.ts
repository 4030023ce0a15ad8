import type { Contract } from './answer';
import { toContractRow } from './contract-row';
import type { LookupError } from './failure';
import type { ContractIdQuery } from './search-input';
import type { ContractRow } from './view';

/**
 * What the browser gets for a 签约协议号: the contract, or null when there is none with this number
 * that the clerk may see. A contract of another school's plan is answered exactly like an unknown
 * number, so nothing tells the clerk it exists.
 */
export type ContractLookupResult = { ok: true; contract: ContractRow | null } | { ok: false; error: LookupError };

/** One cache entry per contract number, apart from the list searches' entries. */
export function contractQueryKey(query: ContractIdQuery) {
  return ['contract', query] as const;
}

/**
 * WeChat's verified answer as the contract asked for, or null when it names another contract
 * (never shown: it is not what the clerk asked about, whatever made WeChat send it).
 */
export function foundContract(answer: Contract, query: ContractIdQuery): ContractRow | null {
  if (answer.contract_id !== query.contract_id) return null;
  return toContractRow(answer, query.contract_id, null);
}
