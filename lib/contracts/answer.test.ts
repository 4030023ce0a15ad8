import { describe, expect, it } from 'vitest';
import { validate } from '@/lib/validation/validate';
import { contractsAnswerSchema } from './answer';

/** Parses the JSON text as WeChat sent it: numbers have already been through JSON.parse. */
function check(json: string) {
  return validate(contractsAnswerSchema, JSON.parse(json));
}

describe('contractsAnswerSchema', () => {
  it('accepts a full answer and keeps ids as strings', () => {
    const result = check(
      '{"data":[{"contract_id":"20260000000000530000","mchid":"1900000001","appid":"wxd678efh567hg6787",' +
        '"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o","plan_id":"101164396123311331","contract_status":"ADD",' +
        '"create_time":"2026-09-01T10:00:00+08:00","out_contract_code":"LUNCH-0001"}],' +
        '"offset":0,"limit":20,"total_count":53,"links":{"self":"/a","next":"https://x/b","prev":"/c"}}',
    );
    expect(result.success).toBe(true);
    expect(result.data?.data?.[0].contract_id).toBe('20260000000000530000');
    expect(result.data?.total_count).toBe(53);
  });

  it.each([
    ['contract_id', '{"data":[{"contract_id":20260000000000530000}]}'],
    ['plan_id', '{"data":[{"plan_id":101164396123311331}]}'],
    ['mchid', '{"data":[{"mchid":1900000001}]}'],
  ])('refuses a numeric %s (JSON.parse has already lost its digits)', (_, json) => {
    expect(check(json).success).toBe(false);
  });

  it.each([
    ['an object', '{"data":{"contract_id":"1"}}'],
    ['a string', '{"data":"[]"}'],
    ['a number', '{"data":0}'],
  ])('refuses data that is %s, not an array', (_, json) => {
    expect(check(json).success).toBe(false);
  });

  it.each([
    ['a fractional total_count', '{"total_count":1.5}'],
    ['a negative offset', '{"offset":-20}'],
    ['a total_count as text', '{"total_count":"53"}'],
    ['links as text', '{"links":"/next"}'],
    ['a row that is not an object', '{"data":["20260000000000530000"]}'],
  ])('refuses %s', (_, json) => {
    expect(check(json).success).toBe(false);
  });

  it('accepts an answer with every field absent, at both levels', () => {
    expect(check('{}').success).toBe(true);
    expect(check('{"data":[{}],"links":{}}').success).toBe(true);
  });

  it('tolerates null data, null fields and null links', () => {
    expect(check('{"data":null,"total_count":null,"links":null}').success).toBe(true);
    expect(check('{"data":[{"contract_id":null,"create_time":null}],"links":{"next":null}}').success).toBe(true);
  });
});
