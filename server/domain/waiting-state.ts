// Where an item of feedback waits, and whether it is past its target: the rule the waiting list
// shows and the reminders send. Pure: the item, today and the forum's next meeting come in.
import type { WaitingItem } from '../contracts/index.js';
import { daysBetween } from './time.js';

export type WaitingInput = { heardOn: string; response: string | null; respondedOn: string | null };

/** Where an item waits, and whether it is past its target. */
export function waitingState(
  item: WaitingInput,
  today: string,
  targetDays: number,
  nextForumOn: string | null,
): Omit<WaitingItem, 'item'> {
  const daysWaiting = daysBetween(item.heardOn, today);
  if (item.response === null)
    return { stage: 'unanswered', daysWaiting, targetDays, nextForumOn: null, overTarget: daysWaiting > targetDays };
  // Answered: the target is to feed back at the forum's next meeting, so it is late once one has passed.
  return { stage: 'not_fed_back', daysWaiting, targetDays: null, nextForumOn, overTarget: nextForumOn !== null };
}
