// Joining Chromium's one-glyph-at-a-time text into TJ runs: the same glyphs at the same places
// (within half a thousandth of an em, never adding up), the line matrix left where it was.
import { describe, expect, it } from 'vitest';
import { cidWidths, joinGlyphRuns } from '../../server/pdf/glyph-runs.js';

const fonts = new Map([
  [
    'F1',
    {
      byCode: new Map([
        [1, 500],
        [2, 500],
        [3, 250],
      ]),
      fallback: 1000,
    },
  ],
]);
const page = (steps: number[], font = 'F1') =>
  [
    'BT',
    `/${font} 10 Tf`,
    '1 0 0 -1 0 0 Tm',
    '<0001> Tj',
    ...steps.map((s, i) => `${s} 0 Td <000${(i % 3) + 1}> Tj`),
    'ET',
  ].join('\n');

describe('joinGlyphRuns', () => {
  it('joins a run whose steps are the advances, and ends with a Td to the last glyph', () => {
    expect(joinGlyphRuns(page([5, 5, 5]), fonts)).toBe(
      ['BT', '/F1 10 Tf', '1 0 0 -1 0 0 Tm', '[<000100010002>] TJ', '15 0 Td <0003> Tj', 'ET'].join('\n'),
    );
  });

  it('places each glyph where Chromium did, carrying the rounding rather than adding it up', () => {
    // Each step is 0.04 of a point (4 thousandths of an em) past the advance, plus a shade.
    const out = joinGlyphRuns(page([5.0404, 5.0404, 5.0404, 5.0404]), fonts);
    const kerns = [...out.matchAll(/>(-?\d+)</g)].map((m) => Number(m[1]));
    expect(kerns).toEqual([-4, -4, -4]);
    expect(out).toContain('20.1616 0 Td <0001> Tj');
    // Steps of a third of a thousandth: rounded away one by one, they would never move.
    const even = new Map([['F1', { byCode: new Map<number, number>(), fallback: 500 }]]);
    const fine = joinGlyphRuns(page(Array.from({ length: 9 }, () => 5.0033)), even);
    const moved = [...fine.matchAll(/>(-?\d+)</g)].reduce((sum, m) => sum - Number(m[1]), 0);
    expect(moved).toBe(3);
  });

  it('leaves short runs, other fonts and other lines as they are', () => {
    for (const content of [page([5]), page([5, 5, 5], 'F9'), 'q\n1 0 0 1 0 0 cm\nQ'])
      expect(joinGlyphRuns(content, fonts)).toBe(content);
  });

  it('reads both forms of a CIDFont width array and its default width', () => {
    const w = cidWidths('<</Type /Font /Subtype /CIDFontType2 /DW 600 /W [0 [365 500] 3 5 250]>>')!;
    expect([0, 1, 2, 3, 5, 6].map((c) => w.byCode.get(c) ?? w.fallback)).toEqual([365, 500, 600, 250, 250, 600]);
  });
});
