import { DEMO_PARENTS } from '@/lib/sandbox/seed';

/** The sandbox's demo parent with three pages of contracts (README: 张女士). */
export const DEMO = {
  openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
  planId: '101164396123311331',
  total: 53,
  /** The lookups measured are page 2 (what 下一页 asks for): offset 20, limit 20, all statuses. */
  offset: 20,
  limit: 20,
} as const;

export const DEMO_SEARCH = `/contracts?openid=${DEMO.openid}&plan_id=${DEMO.planId}`;

/**
 * The out_contract_code of each row expected on page 2, in order, from the sandbox's seed data:
 * signed (ADD) before terminated (DELETE), as the dashboard orders them.
 */
export function expectedPageTwoCodes(): string[] {
  const parent = DEMO_PARENTS.find((candidate) => candidate.openid === DEMO.openid);
  if (!parent) throw new Error(`demo parent ${DEMO.openid} is missing from lib/sandbox/seed.ts`);
  const lunch = parent.contracts.filter((contract) => contract.plan_id === DEMO.planId);
  if (lunch.length !== DEMO.total) throw new Error(`expected ${DEMO.total} demo contracts, seed has ${lunch.length}`);
  const ordered = [
    ...lunch.filter((contract) => contract.contract_status === 'ADD'),
    ...lunch.filter((contract) => contract.contract_status === 'DELETE'),
  ];
  return ordered.slice(DEMO.offset, DEMO.offset + DEMO.limit).map((contract) => contract.out_contract_code);
}

const CODE = /"outContractCode":"([^"]*)"/g;

/** Whether a server-action answer (RSC text) holds exactly the expected rows, in order. */
export function actionBodyHasRows(text: string, expected: readonly string[]): boolean {
  if (!text.includes('"ok":true')) return false;
  const codes = Array.from(text.matchAll(CODE), (match) => match[1]);
  return codes.length === expected.length && codes.every((code, i) => code === expected[i]);
}
