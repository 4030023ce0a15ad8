import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBeijingTime } from '@/lib/time/beijing';
import { orderContracts, sortWithinStatusGroups } from './order';

type Row = { id: number; contract_status?: string | null };

function rows(...statuses: (string | null | undefined)[]): Row[] {
  return statuses.map((contract_status, id) => (contract_status === undefined ? { id } : { id, contract_status }));
}

const ids = (list: Row[]) => list.map((row) => row.id);

function group(status: string | null | undefined): number {
  if (status === 'ADD') return 0;
  if (status === 'DELETE') return 1;
  return 2;
}

describe('orderContracts', () => {
  it('puts signed (ADD) before terminated (DELETE), keeping the server order within each', () => {
    //                         0        1      2        3      4
    expect(ids(orderContracts(rows('DELETE', 'ADD', 'DELETE', 'ADD', 'ADD')))).toEqual([1, 3, 4, 0, 2]);
  });

  it('puts unknown and absent statuses last, in their server order', () => {
    //                         0          1     2          3      4    5       6
    const input = rows('PENDING', null, 'DELETE', undefined, 'ADD', '', 'add');
    expect(ids(orderContracts(input))).toEqual([4, 2, 0, 1, 3, 5, 6]);
  });

  it('does not change the array it was given', () => {
    const input = rows('DELETE', 'ADD');
    orderContracts(input);
    expect(ids(input)).toEqual([0, 1]);
  });

  it('handles no rows', () => {
    expect(orderContracts([])).toEqual([]);
  });

  // A status that names an Object.prototype member ("constructor", "toString", "__proto__", …) must
  // rank as unknown: looked up in a plain object it would rank as a function or an object, the
  // comparator would return NaN, and the sort would leave a terminated contract above a signed one.
  it.each(['constructor', '__proto__'])(
    'treats the status %j as unknown (last), not as a sort-breaking value',
    (odd) => {
      expect(ids(orderContracts(rows('DELETE', odd, 'ADD')))).toEqual([2, 0, 1]);
    },
  );

  it('property: a permutation, groups in order, server order kept within each group', () => {
    const status = fc.oneof(
      fc.constantFrom('ADD', 'DELETE', null, undefined, 'PENDING', '', 'add', 'Delete'),
      fc.string({ maxLength: 8 }).filter((s) => !(s in Object.prototype)),
    );
    fc.assert(
      fc.property(fc.array(status, { maxLength: 60 }), (statuses) => {
        const input = rows(...statuses);
        const output = orderContracts(input);

        // Permutation: every input row exactly once (rows are distinct objects with distinct ids).
        if (output.length !== input.length) return false;
        if ([...output.map((row) => row.id)].sort((a, b) => a - b).join() !== ids(input).join()) return false;
        if (!input.every((row) => output.includes(row))) return false;

        for (let i = 1; i < output.length; i += 1) {
          const previous = group(output[i - 1].contract_status);
          const current = group(output[i].contract_status);
          if (previous > current) return false; // groups ordered
          if (previous === current && output[i - 1].id > output[i].id) return false; // stable within a group
        }
        return true;
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('sortWithinStatusGroups', () => {
  const timed = (id: number, status: string | null, createTime: string | null) => ({
    id,
    status,
    createTime,
    createTimeText: createTime === null ? null : formatBeijingTime(createTime),
  });
  const mixed = [
    timed(0, 'ADD', '2026-03-01T08:00:00+08:00'),
    timed(1, 'DELETE', '2026-05-01T08:00:00+08:00'),
    timed(2, 'ADD', '2026-09-01T00:30:00Z'),
    timed(3, 'ADD', 'not a time'),
    timed(4, 'DELETE', '2025-12-31T23:00:00-05:00'),
    timed(5, 'ADD', '2026-01-01T00:00:00+08:00'),
  ];

  it('sorts by signing time within each group, signed staying before terminated', () => {
    expect(sortWithinStatusGroups(mixed, 'ascending').map((r) => r.id)).toEqual([5, 0, 2, 3, 4, 1]);
    expect(sortWithinStatusGroups(mixed, 'descending').map((r) => r.id)).toEqual([2, 0, 5, 3, 1, 4]);
  });

  it('compares instants, not text: offsets are taken into account', () => {
    const rows = [timed(0, 'ADD', '2026-01-01T09:00:00+08:00'), timed(1, 'ADD', '2026-01-01T00:30:00Z')];
    // 09:00 in Beijing is 01:00Z, after 00:30Z.
    expect(sortWithinStatusGroups(rows, 'ascending').map((r) => r.id)).toEqual([1, 0]);
  });

  it('never moves a row to another group and keeps every row', () => {
    const statuses = fc.constantFrom('ADD', 'DELETE', 'PAUSED', null);
    const times = fc.option(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }));
    fc.assert(
      fc.property(fc.array(fc.tuple(statuses, times)), fc.constantFrom('ascending', 'descending'), (list, order) => {
        const input = list.map(([status, time], id) => timed(id, status, time ? time.toISOString() : null));
        const sorted = sortWithinStatusGroups(input, order as 'ascending' | 'descending');
        expect(sorted.map((r) => r.id).sort((a, b) => a - b)).toEqual(input.map((r) => r.id));
        const groups = sorted.map((r) => group(r.status));
        expect(groups).toEqual([...groups].sort((a, b) => a - b));
        for (let i = 1; i < sorted.length; i++) {
          const [a, b] = [sorted[i - 1], sorted[i]];
          if (group(a.status) !== group(b.status) || !a.createTime || !b.createTime) continue;
          const step = Date.parse(b.createTime) - Date.parse(a.createTime);
          expect(order === 'ascending' ? step >= 0 : step <= 0).toBe(true);
        }
      }),
    );
  });
});
