// Which way a measure is heading, and whether it has reached its target. Pure: no I/O.

/** 'context': a council-wide figure (children looked after) where neither way is better. */
export type Direction = 'higher' | 'lower' | 'context';
/** 'up' and 'down' are for context figures: which way they went, with no judgement. */
export type MeasureTrend = 'improving' | 'worsening' | 'up' | 'down' | 'no change' | 'not enough data';
export type TargetResult = 'met' | 'not met' | 'no target' | 'not enough data';
export type TargetStatus = { result: TargetResult; gap: number | null };

/** Which way is better, in words: a context figure is shown without a judgement. */
export function betterWhen(direction: Direction): string {
  if (direction === 'context') return 'for context, neither way is better';
  return direction === 'higher' ? 'higher is better' : 'lower is better';
}

// Figures are stored as floating point; round away noise such as 0.30000000000000004.
const tidy = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Compares the last two values (in period order). A null is a value the caller may not see
 * (suppressed) or does not have, so a trend that would need it is 'not enough data': the
 * direction of a hidden figure is itself a hint about it.
 */
export function measureTrend(values: readonly (number | null)[], direction: Direction): MeasureTrend {
  if (values.length < 2) return 'not enough data';
  const previous = values[values.length - 2];
  const latest = values[values.length - 1];
  if (previous == null || latest == null) return 'not enough data';
  const change = tidy(latest - previous);
  if (change === 0) return 'no change';
  if (direction === 'context') return change > 0 ? 'up' : 'down';
  const better = direction === 'higher' ? change > 0 : change < 0;
  return better ? 'improving' : 'worsening';
}

/**
 * Whether the latest value meets the target. `gap` is how far the figure still has to move
 * towards the target (always >= 0; 0 when met), so a board reads it as "still to go".
 * With no target there is nothing to meet; with a target but no visible latest value the
 * answer is 'not enough data' rather than a guess.
 */
export function againstTarget(latest: number | null, target: number | null, direction: Direction): TargetStatus {
  // A context figure has no better way, so no target to meet.
  if (target == null || direction === 'context') return { result: 'no target', gap: null };
  if (latest == null) return { result: 'not enough data', gap: null };
  const toGo = tidy(direction === 'higher' ? target - latest : latest - target);
  return toGo <= 0 ? { result: 'met', gap: 0 } : { result: 'not met', gap: toGo };
}
