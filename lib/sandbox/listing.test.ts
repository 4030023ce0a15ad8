/**
 * The order the sandbox answers in, on its own: the dashboard reorders whatever it gets, so only
 * here would a sandbox that broke WeChat's promise (or kept it for 赵先生) be seen.
 */
import { describe, expect, it } from 'vitest';
import { type ListingParams, listContracts } from './listing';
import { DEMO_PARENTS } from './seed';

function parent(name: string) {
  const found = DEMO_PARENTS.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`the sandbox should have the demo parent ${name}`);
  return found;
}

function everyPage(params: Omit<ListingParams, 'offset'>) {
  const codes: string[] = [];
  const statuses: string[] = [];
  for (let offset = 0; ; offset += params.limit) {
    const answer = listContracts({ ...params, offset });
    codes.push(...answer.data.map((contract) => contract.out_contract_code));
    statuses.push(...answer.data.map((contract) => contract.contract_status));
    if (!answer.links.next) return { codes, statuses, total: answer.total_count };
  }
}

describe('the sandbox’s own order', () => {
  it('answers signed first, then terminated, across pages, each group in the stored order', () => {
    const zhang = parent('张女士');
    const { codes, statuses, total } = everyPage({
      openid: zhang.openid,
      planId: zhang.planId,
      status: 'ALL',
      limit: 20,
    });
    const stored = (status: string) =>
      zhang.contracts
        .filter((contract) => contract.plan_id === zhang.planId && contract.contract_status === status)
        .map((c) => c.out_contract_code);

    expect(total).toBe(53);
    expect(statuses).toEqual([...Array(32).fill('ADD'), ...Array(21).fill('DELETE')]);
    expect(codes).toEqual([...stored('ADD'), ...stored('DELETE')]);
  });

  it('answers 赵先生 in the stored order (time order, statuses mixed), as the README says', () => {
    const zhao = parent('赵先生');
    expect(zhao.serverOrder).toBe('as-stored');
    const { codes, statuses } = everyPage({ openid: zhao.openid, planId: zhao.planId, status: 'ALL', limit: 20 });

    expect(codes).toEqual(zhao.contracts.map((contract) => contract.out_contract_code));
    expect(statuses).toEqual(['DELETE', 'ADD', 'DELETE', 'ADD', 'DELETE', 'ADD']);
  });

  it('keeps only the asked status, in the stored order', () => {
    const li = parent('李先生');
    const signed = listContracts({ openid: li.openid, planId: li.planId, status: 'ADD', offset: 0, limit: 20 });
    expect(signed.data.map((contract) => contract.out_contract_code)).toEqual(['LUNCH-2026-LI-01']);
    const ended = listContracts({ openid: li.openid, planId: li.planId, status: 'DELETE', offset: 0, limit: 20 });
    expect(ended.data.map((contract) => contract.out_contract_code)).toEqual(['LUNCH-2025-LI-01']);
  });
});
