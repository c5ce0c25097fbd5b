import { describe, expect, it } from 'vitest';
import { isSmall, suppressValue } from '../../server/domain/small-numbers.js';

describe('isSmall', () => {
  it('is true for 1..threshold and false for 0 and above the threshold', () => {
    expect(isSmall(0, 5)).toBe(false);
    expect(isSmall(1, 5)).toBe(true);
    expect(isSmall(5, 5)).toBe(true);
    expect(isSmall(6, 5)).toBe(false);
    expect(isSmall(3, 2)).toBe(false);
    expect(isSmall(2, 2)).toBe(true);
  });

  it('treats a threshold of 0 as "show everything"', () => {
    expect(isSmall(1, 0)).toBe(false);
  });
});

describe('suppressValue', () => {
  it('hides a count of 1..threshold children, shows 0 and larger counts', () => {
    expect(suppressValue({ unit: 'count', value: 3, base: null }, 5)).toEqual({ value: null, suppressed: true });
    expect(suppressValue({ unit: 'count', value: 5, base: null }, 5)).toEqual({ value: null, suppressed: true });
    expect(suppressValue({ unit: 'count', value: 0, base: null }, 5)).toEqual({ value: 0, suppressed: false });
    expect(suppressValue({ unit: 'count', value: 6, base: null }, 5)).toEqual({ value: 6, suppressed: false });
  });

  it('hides a percentage or score built on 1..threshold children, whatever the figure', () => {
    expect(suppressValue({ unit: 'percent', value: 75, base: 4 }, 5)).toEqual({ value: null, suppressed: true });
    expect(suppressValue({ unit: 'score', value: 12.5, base: 5 }, 5)).toEqual({ value: null, suppressed: true });
    expect(suppressValue({ unit: 'percent', value: 75, base: 40 }, 5)).toEqual({ value: 75, suppressed: false });
    expect(suppressValue({ unit: 'score', value: 3, base: 6 }, 5)).toEqual({ value: 3, suppressed: false });
  });

  it('shows a percentage with no recorded base or a base of 0, and a small percentage figure itself', () => {
    expect(suppressValue({ unit: 'percent', value: 2, base: null }, 5)).toEqual({ value: 2, suppressed: false });
    expect(suppressValue({ unit: 'percent', value: 0, base: 0 }, 5)).toEqual({ value: 0, suppressed: false });
  });

  it('follows the threshold it is given', () => {
    expect(suppressValue({ unit: 'count', value: 8, base: null }, 10)).toEqual({ value: null, suppressed: true });
    expect(suppressValue({ unit: 'count', value: 8, base: null }, 5)).toEqual({ value: 8, suppressed: false });
  });

  it('passes a missing figure through as missing, not suppressed', () => {
    expect(suppressValue({ unit: 'count', value: null }, 5)).toEqual({ value: null, suppressed: false });
  });
});
