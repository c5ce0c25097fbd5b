// The colours a council's themes get until it chooses its own. Each is dark enough for white text
// on it (at least 4.5:1, more than the 3:1 a fill with large text needs) and far enough from the
// others to tell apart; a theme's colour only ever repeats its name, never replaces it. Pure.

export const THEME_PALETTE = [
  '#1d70b8', // blue
  '#4c2c92', // purple
  '#00703c', // green
  '#8a4a00', // brown
  '#a8355b', // raspberry
  '#00677a', // teal
  '#b1361e', // brick red
  '#5c5f9e', // slate
] as const;

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The contrast ratio of two #rrggbb colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The colour for a new theme: the first palette colour no theme uses yet (case aside). When all
 * are used, the one fewest themes use, earliest first, so colours repeat as evenly as they can.
 */
export function nextThemeColour(used: readonly string[]): string {
  const uses = new Map<string, number>(THEME_PALETTE.map((c) => [c, 0]));
  for (const c of used) {
    const key = c.toLowerCase();
    if (uses.has(key)) uses.set(key, uses.get(key)! + 1);
  }
  let best: string = THEME_PALETTE[0];
  for (const c of THEME_PALETTE) if (uses.get(c)! < uses.get(best)!) best = c;
  return best;
}
