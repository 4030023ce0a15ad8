import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUMMARISED_COLUMNS, sharedValues } from './shared-values';
import type { ContractRow } from './view';

const row = (over: Partial<ContractRow> = {}): ContractRow => ({
  key: 'k',
  contractId: '20260000000000530001',
  outContractCode: 'LUNCH-1',
  status: 'ADD',
  createTime: '2026-09-01T08:00:00+08:00',
  createTimeText: '2026-09-01 08:00:00',
  planId: '101164396123300001',
  openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
  appid: 'wxd678efh567hg6787',
  mchid: '1230000109',
  openidMismatch: false,
  ...over,
});

describe('values the same on every row', () => {
  it('are stated once: plan, openid, AppID and merchant number', () => {
    expect(sharedValues([row(), row({ contractId: '2' })])).toEqual({
      planId: '101164396123300001',
      openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
      appid: 'wxd678efh567hg6787',
      mchid: '1230000109',
    });
  });

  it('leave out a column where one row differs, so that row still shows its own value (another openid)', () => {
    const other = row({ openid: 'o3W2Fs1kZt7yQeR4vB8nLp0xHc5A', openidMismatch: true });
    expect(sharedValues([row(), other])).not.toHaveProperty('openid');
    expect(sharedValues([row(), row({ planId: '2' })])).not.toHaveProperty('planId');
  });

  it('keep an openid other than the one asked for in its column, even when every row has it', () => {
    const other = row({ openid: 'o3W2Fs1kZt7yQeR4vB8nLp0xHc5A', openidMismatch: true });
    expect(sharedValues([other, other])).not.toHaveProperty('openid');
    expect(sharedValues([other, other])).toHaveProperty('appid');
  });

  it('leave out a value WeChat did not send, and say nothing of an empty page', () => {
    expect(sharedValues([row({ appid: null }), row({ appid: null })])).not.toHaveProperty('appid');
    expect(sharedValues([])).toEqual({});
  });

  it('name a column only when every row holds exactly that value', () => {
    const value = fc.constantFrom('a', 'b', null);
    fc.assert(
      fc.property(
        fc.array(fc.record({ planId: value, openid: value, appid: value, mchid: value }), { maxLength: 6 }),
        (cells) => {
          const rows = cells.map((cell) => row(cell));
          const shared = sharedValues(rows);
          for (const column of SUMMARISED_COLUMNS) {
            const everyRowAlike =
              rows.length > 0 && rows[0][column] !== null && rows.every((r) => r[column] === rows[0][column]);
            expect(shared[column]).toBe(everyRowAlike ? rows[0][column] : undefined);
          }
        },
      ),
    );
  });
});
