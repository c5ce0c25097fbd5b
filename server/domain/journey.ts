// How far a promise has got, as the kiosk draws it for children: "We heard you" → "We made a
// plan" → "We're doing it" → "Done". Worked out from what children can see: its commitments'
// child statuses (approved ones only, as the public route loads them).
import type { ChildStatus } from './child-status.js';

export type JourneyStep = 'heard' | 'planned' | 'doing' | 'done';

/**
 * heard: nothing written down yet that we will do; planned: things to do, none started;
 * doing: at least one started (doing, stuck or done); done: every one we can do is done (those
 * we can't do, with a reason, do not hold it back, but they alone never make it done).
 */
export function journeyStep(statuses: readonly ChildStatus[]): JourneyStep {
  if (statuses.length === 0) return 'heard';
  const doable = statuses.filter((s) => s !== 'cant');
  if (doable.length > 0 && doable.every((s) => s === 'done')) return 'done';
  if (statuses.some((s) => s === 'doing' || s === 'stuck' || s === 'done')) return 'doing';
  return 'planned';
}
