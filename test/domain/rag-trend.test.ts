import { describe, expect, it } from 'vitest';
import { ragRank, ragTrend } from '../../server/domain/rag-trend.js';

describe('ragTrend', () => {
  it('is new when there is no earlier review', () => {
    expect(ragTrend(null, 'red')).toBe('new');
    expect(ragTrend(undefined, 'blue')).toBe('new');
  });

  it('is the same when the rating did not move', () => {
    for (const r of ['red', 'amber', 'green', 'blue'] as const) expect(ragTrend(r, r)).toBe('same');
  });

  it('is better when the rating moved up the scale red < amber < green < blue', () => {
    expect(ragTrend('red', 'amber')).toBe('better');
    expect(ragTrend('amber', 'green')).toBe('better');
    expect(ragTrend('green', 'blue')).toBe('better');
    expect(ragTrend('red', 'blue')).toBe('better');
  });

  it('is worse when the rating moved down the scale', () => {
    expect(ragTrend('amber', 'red')).toBe('worse');
    expect(ragTrend('green', 'amber')).toBe('worse');
    expect(ragTrend('blue', 'green')).toBe('worse');
    expect(ragTrend('blue', 'red')).toBe('worse');
  });

  it('ranks blue above green above amber above red', () => {
    expect([ragRank('red'), ragRank('amber'), ragRank('green'), ragRank('blue')]).toEqual([0, 1, 2, 3]);
  });
});
