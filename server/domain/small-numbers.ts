// Small-number suppression: a figure built on very few children could identify one of them,
// so it is hidden from everyone except the people who own it. Pure: no I/O.

export type MeasureUnit = 'count' | 'percent' | 'score';

/** True for 1..threshold: small enough to identify a child. Zero is shown as zero. */
export function isSmall(n: number, threshold: number): boolean {
  // `> 0` rather than `>= 1`, so a stray fraction of a child is never shown either.
  return Number.isFinite(n) && n > 0 && n <= threshold;
}

export type Figure = { unit: MeasureUnit; value: number | null; base?: number | null };
export type ShownFigure = { value: number | null; suppressed: boolean };

/**
 * What a figure may show: a count of 1..threshold children is hidden; a percentage or score is
 * hidden when the number of children it is built on (`base`) is 1..threshold. A percentage with
 * no recorded base is shown, because there is nothing to judge it by.
 */
export function suppressValue(figure: Figure, threshold: number): ShownFigure {
  const { unit, value, base } = figure;
  if (value === null) return { value: null, suppressed: false };
  const small = unit === 'count' ? isSmall(value, threshold) : base != null && isSmall(base, threshold);
  return small ? { value: null, suppressed: true } : { value, suppressed: false };
}
