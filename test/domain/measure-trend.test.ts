import { describe, expect, it } from 'vitest';
import { againstTarget, betterWhen, measureTrend } from '../../server/domain/measure-trend.js';

describe('measureTrend', () => {
  it('calls a rise improving when higher is better, and worsening when lower is better', () => {
    expect(measureTrend([60, 65, 70], 'higher')).toBe('improving');
    expect(measureTrend([60, 65, 70], 'lower')).toBe('worsening');
  });

  it('calls a fall worsening when higher is better, and improving when lower is better', () => {
    expect(measureTrend([70, 65], 'higher')).toBe('worsening');
    expect(measureTrend([70, 65], 'lower')).toBe('improving');
  });

  it('compares only the last two values', () => {
    // 10 -> 50 -> 40: overall up, but the latest change is down.
    expect(measureTrend([10, 50, 40], 'higher')).toBe('worsening');
  });

  it('sees no change when the last two are equal, ignoring floating-point noise', () => {
    expect(measureTrend([55, 55], 'higher')).toBe('no change');
    expect(measureTrend([0.1 + 0.2, 0.3], 'lower')).toBe('no change');
  });

  it('needs two known values', () => {
    expect(measureTrend([], 'higher')).toBe('not enough data');
    expect(measureTrend([42], 'higher')).toBe('not enough data');
    expect(measureTrend([40, null], 'higher')).toBe('not enough data');
    expect(measureTrend([null, 40], 'lower')).toBe('not enough data');
    expect(measureTrend([null, 40, 45], 'higher')).toBe('improving');
  });
});

describe('againstTarget', () => {
  it('higher is better: met at or above the target, otherwise the gap still to go', () => {
    expect(againstTarget(80, 75, 'higher')).toEqual({ result: 'met', gap: 0 });
    expect(againstTarget(75, 75, 'higher')).toEqual({ result: 'met', gap: 0 });
    expect(againstTarget(62.5, 75, 'higher')).toEqual({ result: 'not met', gap: 12.5 });
  });

  it('lower is better: met at or below the target, otherwise the gap still to go', () => {
    expect(againstTarget(8, 10, 'lower')).toEqual({ result: 'met', gap: 0 });
    expect(againstTarget(13, 10, 'lower')).toEqual({ result: 'not met', gap: 3 });
    expect(againstTarget(0.3, 0.1, 'lower')).toEqual({ result: 'not met', gap: 0.2 });
  });

  it('has nothing to meet without a target, and does not guess without a value', () => {
    expect(againstTarget(50, null, 'higher')).toEqual({ result: 'no target', gap: null });
    expect(againstTarget(null, null, 'lower')).toEqual({ result: 'no target', gap: null });
    expect(againstTarget(null, 75, 'higher')).toEqual({ result: 'not enough data', gap: null });
  });
});

describe('a context measure', () => {
  it('says which way it went without calling it better or worse, and has no target to meet', () => {
    expect(measureTrend([200, 220], 'context')).toBe('up');
    expect(measureTrend([220, 200], 'context')).toBe('down');
    expect(measureTrend([220, 220], 'context')).toBe('no change');
    expect(measureTrend([220], 'context')).toBe('not enough data');
    expect(againstTarget(220, 200, 'context')).toEqual({ result: 'no target', gap: null });
    expect(betterWhen('context')).toBe('for context, neither way is better');
    expect(betterWhen('lower')).toBe('lower is better');
  });
});
