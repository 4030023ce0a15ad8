import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { type ContractsAnswer, contractsAnswerSchema } from './answer';
import type { ContractsQuery } from './search-input';
import { toContractsPage } from './view';

const OPENID = 'oK5nR8wE2tY7uI1oP4aS6dF9gH0j';
const query: ContractsQuery = {
  openid: OPENID,
  plan_id: '101164396123311333',
  contract_status: 'ALL',
  offset: 20,
  limit: 20,
};

function contract(id: string, status: string | undefined, extra: Record<string, unknown> = {}) {
  return {
    contract_id: id,
    mchid: '1900000001',
    appid: 'wxd678efh567hg6787',
    openid: OPENID,
    plan_id: '101164396123311333',
    contract_status: status,
    create_time: '2026-09-15T12:00:00+08:00',
    out_contract_code: `OUT-${id}`,
    ...extra,
  };
}

/** Goes through the response schema, as a real answer does, from the JSON text WeChat would send. */
function answer(json: string): ContractsAnswer {
  return v.parse(contractsAnswerSchema, JSON.parse(json));
}

describe('toContractsPage', () => {
  it('orders mixed statuses signed first, terminated next, unknown last, keeping the server order in each', () => {
    const page = toContractsPage(
      answer(
        JSON.stringify({
          data: [
            contract('20260000000000330001', 'DELETE'),
            contract('20260000000000330002', 'ADD'),
            contract('20260000000000330003', 'PAUSED'),
            contract('20260000000000330004', 'DELETE'),
            contract('20260000000000330005', 'ADD'),
          ],
          total_count: 25,
        }),
      ),
      query,
      'REQ-1',
    );
    expect(page.rows.map((row) => [row.contractId, row.status])).toEqual([
      ['20260000000000330002', 'ADD'],
      ['20260000000000330005', 'ADD'],
      ['20260000000000330001', 'DELETE'],
      ['20260000000000330004', 'DELETE'],
      ['20260000000000330003', 'PAUSED'],
    ]);
    expect(new Set(page.rows.map((row) => row.key)).size).toBe(5);
  });

  it('maps every field a staff member sees, with the time in Beijing', () => {
    const page = toContractsPage(
      answer(
        JSON.stringify({
          data: [contract('20260000000000110002', 'DELETE', { create_time: '2025-08-31T16:30:00.250Z' })],
        }),
      ),
      query,
      'REQ-2',
    );
    expect(page.rows[0]).toEqual({
      key: expect.any(String),
      contractId: '20260000000000110002',
      outContractCode: 'OUT-20260000000000110002',
      status: 'DELETE',
      createTime: '2025-08-31T16:30:00.250Z',
      createTimeText: '2025-09-01 00:30:00',
      planId: '101164396123311333',
      openid: OPENID,
      appid: 'wxd678efh567hg6787',
      mchid: '1900000001',
      openidMismatch: false,
    });
    expect(page.requestId).toBe('REQ-2');
  });

  it('keeps a 20-digit id exactly as WeChat sent it (past 2^53, a number would change it)', () => {
    const id = '98765432109876543219';
    expect(String(Number(id))).not.toBe(id); // the trap this guards against
    const page = toContractsPage(
      answer(`{"data":[{"contract_id":"${id}","contract_status":"ADD"}]}`),
      query,
      undefined,
    );
    expect(page.rows[0].contractId).toBe(id);
  });

  it('flags rows whose openid differs from the one asked for, and only those', () => {
    const page = toContractsPage(
      answer(
        JSON.stringify({
          data: [
            contract('1', 'ADD'),
            contract('2', 'ADD', { openid: 'oOtherAppUser000000000000000' }),
            contract('3', 'ADD', { openid: undefined }),
          ],
        }),
      ),
      query,
      undefined,
    );
    expect(page.rows.map((row) => [row.contractId, row.openidMismatch])).toEqual([
      ['1', false],
      ['2', true],
      ['3', false],
    ]);
  });

  it('turns absent fields into null rather than inventing values', () => {
    const page = toContractsPage(answer('{"data":[{}]}'), query, undefined);
    expect(page.rows).toEqual([
      {
        key: expect.any(String),
        contractId: null,
        outContractCode: null,
        status: null,
        createTime: null,
        createTimeText: null,
        planId: null,
        openid: null,
        appid: null,
        mchid: null,
        openidMismatch: false,
      },
    ]);
    expect(page.totalCount).toBeNull();
    expect(page.requestId).toBeNull();
  });

  it('keeps a create_time that is not RFC 3339 as text, with no Beijing time', () => {
    const page = toContractsPage(answer('{"data":[{"create_time":"2026/09/01 10:00"}]}'), query, undefined);
    expect(page.rows[0].createTime).toBe('2026/09/01 10:00');
    expect(page.rows[0].createTimeText).toBeNull();
  });

  it('handles an empty answer: no rows, no total, no neighbours, the asked offset', () => {
    const page = toContractsPage(answer('{}'), query, 'REQ-3');
    expect(page).toMatchObject({ rows: [], offset: 20, totalCount: null, prev: null, next: null, requestId: 'REQ-3' });
  });

  it('reports total_count and offset as WeChat sent them, 0 included', () => {
    const page = toContractsPage(answer('{"data":[],"offset":0,"total_count":0}'), { ...query, offset: 0 }, undefined);
    expect(page.totalCount).toBe(0);
    expect(page.offset).toBe(0);
  });

  it('reads prev and next from links, whatever host they name', () => {
    const page = toContractsPage(
      answer(
        JSON.stringify({
          data: [],
          links: {
            self: `/v3/eduschoolpay/users/${OPENID}/contracts?offset=20&limit=20`,
            next: `https://evil.example/v3/eduschoolpay/users/${OPENID}/contracts?offset=40&limit=20`,
            prev: `/v3/eduschoolpay/users/${OPENID}/contracts?offset=0&limit=20`,
          },
        }),
      ),
      query,
      undefined,
    );
    expect(page.next).toEqual({ offset: 40, limit: 20 });
    expect(page.prev).toEqual({ offset: 0, limit: 20 });
  });

  it('has no next page when links.next is empty or absent', () => {
    expect(toContractsPage(answer('{"links":{"next":""}}'), query, undefined).next).toBeNull();
    expect(toContractsPage(answer('{"links":{"self":"/x"}}'), query, undefined).next).toBeNull();
  });
});
