import { DEMO_PARENTS, type DemoParent, SANDBOX_APPID, SANDBOX_MCHID, type SeedContract } from './seed';

export interface ListingParams {
  openid: string;
  planId: string;
  status: 'ADD' | 'DELETE' | 'ALL';
  offset: number;
  limit: number;
}

/** Links as WeChat might write them: `next` absolute on WeChat's host, `prev` and `self` as paths. */
function link(params: ListingParams, offset: number, absolute: boolean): string {
  const query = new URLSearchParams({
    plan_id: params.planId,
    contract_status: params.status,
    offset: String(offset),
    limit: String(params.limit),
  });
  const path = `/v3/eduschoolpay/users/${params.openid}/contracts?${query}`;
  return absolute ? `https://api.mch.weixin.qq.com${path}` : path;
}

/** One contract as WeChat answers it, for `openid` (or the openid its parent answers as). */
function contractItem(contract: SeedContract, openid: string, parent: DemoParent | undefined) {
  return {
    contract_id: contract.contract_id,
    mchid: SANDBOX_MCHID,
    appid: parent?.answeredAs?.appid ?? SANDBOX_APPID,
    openid: parent?.answeredAs?.openid ?? openid,
    plan_id: contract.plan_id,
    contract_status: contract.contract_status,
    create_time: contract.create_time,
    out_contract_code: contract.out_contract_code,
  };
}

/**
 * The order WeChat documents: signed (ADD) first, then terminated (DELETE), each kept in the stored
 * order. The sandbox's own, not the dashboard's: an ordering bug in the dashboard must show here.
 */
function inDocumentedOrder(contracts: readonly SeedContract[]): SeedContract[] {
  return [
    ...contracts.filter((contract) => contract.contract_status === 'ADD'),
    ...contracts.filter((contract) => contract.contract_status === 'DELETE'),
  ];
}

/**
 * The answer body WeChat would give for one page of a parent's contracts in one plan. `parent`
 * lends another parent's contracts to this openid (the fault openids have none of their own).
 */
export function listContracts(
  params: ListingParams,
  parent: DemoParent | undefined = DEMO_PARENTS.find((candidate) => candidate.openid === params.openid),
) {
  const matching = (parent?.contracts ?? []).filter(
    (contract) =>
      contract.plan_id === params.planId && (params.status === 'ALL' || contract.contract_status === params.status),
  );
  const ordered = parent?.serverOrder === 'as-stored' ? matching : inDocumentedOrder(matching);
  const page = ordered.slice(params.offset, params.offset + params.limit);
  const hasNext = params.offset + params.limit < ordered.length;
  const hasPrev = params.offset > 0;
  return {
    data: page.map((contract) => contractItem(contract, params.openid, parent)),
    offset: params.offset,
    limit: params.limit,
    total_count: ordered.length,
    links: {
      self: link(params, params.offset, false),
      ...(hasNext ? { next: link(params, params.offset + params.limit, true) } : {}),
      ...(hasPrev ? { prev: link(params, Math.max(0, params.offset - params.limit), false) } : {}),
    },
  };
}

/**
 * The answer body of `GET /v3/eduschoolpay/contracts/{contract_id}` for a seeded contract, or
 * undefined when no demo parent has one with this number.
 */
export function findContract(contractId: string) {
  for (const parent of DEMO_PARENTS) {
    const contract = parent.contracts.find((candidate) => candidate.contract_id === contractId);
    if (contract) return contractItem(contract, parent.openid, parent);
  }
  return undefined;
}

/** A demo parent's contract answered under another number (the fault ids own no contract). */
export function borrowedContract(parent: DemoParent, contractId: string) {
  const [contract] = parent.contracts;
  return contractItem({ ...(contract as SeedContract), contract_id: contractId }, parent.openid, parent);
}
