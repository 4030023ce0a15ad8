import type { ContractIdQuery, ContractsQuery } from './search-input';

/**
 * The request for one contracts page. The openid has passed the input schema
 * (`[A-Za-z0-9_-]`), and is still encoded, so nothing it holds can leave the one allowed path.
 */
export function contractsRequest(query: ContractsQuery): {
  path: string;
  params: Record<string, string | number>;
} {
  return {
    path: `/v3/eduschoolpay/users/${encodeURIComponent(query.openid)}/contracts`,
    params: {
      plan_id: query.plan_id,
      contract_status: query.contract_status,
      offset: query.offset,
      limit: query.limit,
    },
  };
}

/**
 * The request for one contract by its 签约协议号. The id has passed contractIdQuerySchema (the same
 * strictness as the openid) and is still encoded: it is a path segment, and stays one.
 */
export function contractRequest(query: ContractIdQuery): { path: string; params: Record<string, string | number> } {
  return { path: `/v3/eduschoolpay/contracts/${encodeURIComponent(query.contract_id)}`, params: {} };
}
