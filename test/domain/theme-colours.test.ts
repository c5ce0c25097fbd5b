import { describe, expect, it } from 'vitest';
import { contrastRatio, nextThemeColour, THEME_PALETTE } from '../../server/domain/theme-colours.js';

describe('theme colours', () => {
  it('carries white text on every palette colour at 4.5:1 or more', () => {
    for (const c of THEME_PALETTE) expect(contrastRatio(c, '#ffffff'), c).toBeGreaterThanOrEqual(4.5);
  });

  it('has no colour twice', () => {
    expect(new Set(THEME_PALETTE).size).toBe(THEME_PALETTE.length);
  });

  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // GOV.UK blue on white, published as 5.17:1.
    expect(contrastRatio('#1d70b8', '#ffffff')).toBeCloseTo(5.17, 2);
  });

  it('gives a new theme the first colour nobody uses, whatever the case', () => {
    expect(nextThemeColour([])).toBe('#1d70b8');
    expect(nextThemeColour(['#1D70B8', '#00703c'])).toBe('#4c2c92');
    // A colour the council chose itself does not use up a palette colour.
    expect(nextThemeColour(['#123456'])).toBe('#1d70b8');
  });

  it('repeats the least used colour once all are taken', () => {
    const all = [...THEME_PALETTE];
    expect(nextThemeColour(all)).toBe('#1d70b8');
    expect(nextThemeColour([...all, '#1d70b8', '#4c2c92'])).toBe('#00703c');
  });
});
