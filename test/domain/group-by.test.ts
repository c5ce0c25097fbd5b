import { describe, expect, it } from 'vitest';
import { groupBy } from '../../server/domain/group-by.js';

describe('groupBy', () => {
  it('keeps each group in the order the items came, groups in order of first appearance', () => {
    const rows = [
      { promiseId: 2, n: 'a' },
      { promiseId: 1, n: 'b' },
      { promiseId: 2, n: 'c' },
      { promiseId: null, n: 'd' },
    ];
    const groups = groupBy(rows, (r) => r.promiseId);
    expect([...groups.keys()]).toEqual([2, 1, null]);
    expect(groups.get(2)!.map((r) => r.n)).toEqual(['a', 'c']);
    expect(groups.get(1)!.map((r) => r.n)).toEqual(['b']);
    expect(groups.get(null)!.map((r) => r.n)).toEqual(['d']);
  });

  it('holds 100,000 rows under one key, the last one last', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ promiseId: 1, i }));
    const group = groupBy(rows, (r) => r.promiseId).get(1)!;
    expect(group).toHaveLength(100_000);
    expect(group[99_999]).toBe(rows[99_999]);
  });
});
