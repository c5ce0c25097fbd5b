import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loopMetrics, medianOfCounts, shareWithinTarget } from '../../server/domain/loop-metrics.js';
import { median } from '../../server/domain/time.js';

const TODAY = '2026-06-15';

describe('loopMetrics', () => {
  it('computes medians, the share answered in time and who is waiting', () => {
    const rows = [
      { id: 'a', heardOn: '2026-05-01', respondedOn: '2026-05-11', fedBackOn: '2026-05-21' }, // 10, 20
      { id: 'b', heardOn: '2026-05-01', respondedOn: '2026-06-10', fedBackOn: null }, // 40, late
      { id: 'c', heardOn: '2026-06-01', respondedOn: null, fedBackOn: null }, // waiting 14
      { id: 'd', heardOn: '2026-04-01', respondedOn: null, fedBackOn: null }, // waiting 75
      { id: 'e', heardOn: '2026-03-01', respondedOn: '2026-03-05', fedBackOn: '2026-03-09' }, // 4, 8
    ];
    const m = loopMetrics(rows, TODAY, 28);
    expect(m.medianDaysToRespond).toBe(10); // of 4, 10, 40
    expect(m.medianDaysToFeedBack).toBe(14); // of 8, 20
    expect(m.answered).toBe(3);
    expect(m.answeredWithinTarget).toBe(2); // a and e
    expect(m.shareWithinTarget).toBe(0.5); // 2 of (3 answered + d waiting past target)
    expect(m.waiting.map((w) => [w.item.id, w.daysWaiting, w.overTarget])).toEqual([
      ['d', 75, true],
      ['c', 14, false],
    ]);
    expect(m.notFedBack).toBe(1);
  });

  it('counts the target day itself as in time', () => {
    const m = loopMetrics(
      [
        { heardOn: '2026-05-01', respondedOn: '2026-05-29', fedBackOn: null }, // 28 days
        { heardOn: '2026-05-18', respondedOn: null, fedBackOn: null }, // waiting 28 days
      ],
      TODAY,
      28,
    );
    expect(m.answeredWithinTarget).toBe(1);
    expect(m.waiting[0]).toMatchObject({ daysWaiting: 28, overTarget: false });
    expect(m.shareWithinTarget).toBe(1);
  });

  it('answers nulls, not zeros, when there is nothing to measure', () => {
    const m = loopMetrics([], TODAY, 28);
    expect(m).toMatchObject({
      medianDaysToRespond: null,
      medianDaysToFeedBack: null,
      shareWithinTarget: null,
      answered: 0,
      notFedBack: 0,
    });
    expect(m.waiting).toEqual([]);
    // Only items still inside their target: nothing decided yet.
    expect(loopMetrics([{ heardOn: TODAY, respondedOn: null, fedBackOn: null }], TODAY, 28).shareWithinTarget).toBe(
      null,
    );
  });
});

describe('medianOfCounts', () => {
  it('reads the median from a histogram', () => {
    expect(medianOfCounts([])).toBe(null);
    expect(medianOfCounts([[7, 1]])).toBe(7);
    expect(
      medianOfCounts([
        [10, 1],
        [2, 1],
      ]),
    ).toBe(6);
    // 1,1,1,5,9,9 -> (1 + 5) / 2
    expect(
      medianOfCounts([
        [9, 2],
        [1, 3],
        [5, 1],
      ]),
    ).toBe(3);
    expect(
      medianOfCounts([
        [3, 0],
        [4, 2],
      ]),
    ).toBe(4);
  });

  it('agrees with median() over the expanded values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 400 }), { maxLength: 60 }), (values) => {
        const counts = new Map<number, number>();
        for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
        expect(medianOfCounts(counts)).toBe(median(values));
      }),
    );
  });
});

describe('shareWithinTarget', () => {
  it('divides in-time answers by everything decided', () => {
    expect(shareWithinTarget(3, 4, 2)).toBe(0.5);
    expect(shareWithinTarget(0, 0, 0)).toBe(null);
    expect(shareWithinTarget(2, 3, 0)).toBe(0.667); // to a tenth of a percent
    expect(shareWithinTarget(1, 7, 1)).toBe(0.125);
  });
});
