import { formatBeijingTime } from '@/lib/time/beijing';
import type { Contract } from './answer';
import type { ContractRow } from './view';

/**
 * One verified contract as staff see it, in a list or found by its number. `searchedOpenid` is
 * the openid asked for, if any: an answer naming another one is flagged (another AppID's user).
 */
export function toContractRow(contract: Contract, key: string, searchedOpenid: string | null): ContractRow {
  return {
    key,
    contractId: contract.contract_id ?? null,
    outContractCode: contract.out_contract_code ?? null,
    status: contract.contract_status ?? null,
    createTime: contract.create_time ?? null,
    createTimeText: contract.create_time ? formatBeijingTime(contract.create_time) : null,
    planId: contract.plan_id ?? null,
    openid: contract.openid ?? null,
    appid: contract.appid ?? null,
    mchid: contract.mchid ?? null,
    openidMismatch: searchedOpenid !== null && Boolean(contract.openid) && contract.openid !== searchedOpenid,
  };
}
