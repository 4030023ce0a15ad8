import { describe, expect, it } from 'vitest';
import { validate } from '@/lib/validation/validate';
import { contractAnswerSchema } from './answer';
import { contractQueryKey, foundContract } from './contract-found';
import { contractRequest } from './request';
import { contractIdQuerySchema } from './search-input';

const LI = {
  contract_id: '20260000000000110001',
  mchid: '1900000001',
  appid: 'wxd678efh567hg6787',
  openid: 'o3W2Fs1kZt7yQeR4vB8nLp0xHc5A',
  plan_id: '101164396123311331',
  contract_status: 'DELETE',
  create_time: '2025-08-31T16:30:00.250Z',
  out_contract_code: 'LUNCH-2025-LI-01',
};
const query = { contract_id: LI.contract_id };

describe('the request for one contract', () => {
  it('puts the number in the path, and nothing in the query', () => {
    expect(contractRequest(query)).toEqual({ path: `/v3/eduschoolpay/contracts/${LI.contract_id}`, params: {} });
  });

  it.each(['../../users/o1/contracts', 'a/b', 'a?b=c', '2026 0001', '', 'x'.repeat(65)])(
    'is never made for %j: the schema refuses it first',
    (contractId) => {
      expect(validate(contractIdQuerySchema, { contract_id: contractId }).success).toBe(false);
    },
  );

  it('keys the cache apart from list searches', () => {
    expect(contractQueryKey(query)).toEqual(['contract', query]);
  });
});

describe('the answer for one contract', () => {
  const parse = (json: string) => validate(contractAnswerSchema, JSON.parse(json));

  it('accepts one object with the list item’s fields, ids as strings', () => {
    expect(parse(JSON.stringify(LI))).toEqual({ success: true, data: LI });
  });

  it.each([
    ['a list instead of one contract', `[${JSON.stringify(LI)}]`],
    ['a numeric plan id (digits already lost)', JSON.stringify(LI).replace(`"${LI.plan_id}"`, LI.plan_id)],
    ['a numeric contract id', JSON.stringify(LI).replace(`"${LI.contract_id}"`, LI.contract_id)],
    ['no object at all', '"ok"'],
  ])('refuses %s', (_, json) => {
    expect(parse(json).success).toBe(false);
  });

  it('shows the contract asked for, Beijing time beside WeChat’s original', () => {
    expect(foundContract(LI, query)).toEqual({
      key: LI.contract_id,
      contractId: LI.contract_id,
      outContractCode: 'LUNCH-2025-LI-01',
      status: 'DELETE',
      createTime: '2025-08-31T16:30:00.250Z',
      createTimeText: '2025-09-01 00:30:00',
      planId: LI.plan_id,
      openid: LI.openid,
      appid: LI.appid,
      mchid: LI.mchid,
      openidMismatch: false,
    });
  });

  it.each([
    ['another number', { ...LI, contract_id: '20260000000000110002' }],
    ['no number', { ...LI, contract_id: undefined }],
  ])('shows nothing of an answer about %s', (_, answer) => {
    expect(foundContract(answer, query)).toBeNull();
  });
});
