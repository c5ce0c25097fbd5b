// What one more verdict does in a rating session. Pure: the session's members present, how many
// turns already gave a verdict on this promise, and whether this turn did, in; the decision out.
//
// A turn's token is the kiosk's, so a device can always make a new one: the token keeps one child
// from counting twice on one promise, and the members present are the real limit on a promise.

export type VerdictTally = {
  /** Members present, as the worker counted them; null for a session opened before it was asked. */
  members: number | null;
  /** Verdicts this promise already holds in the session (one per turn). */
  counted: number;
  /** Whether this turn has already given a verdict on this promise. */
  alreadyCounted: boolean;
};

/** `replace`: the turn changes its own verdict; `add`: a new one; `full`: everyone has had their say. */
export type VerdictDecision = 'add' | 'replace' | 'full';

export function verdictDecision(tally: VerdictTally): VerdictDecision {
  if (tally.alreadyCounted) return 'replace';
  if (tally.members !== null && tally.counted >= tally.members) return 'full';
  return 'add';
}

/**
 * How many of the members took part: the turns that gave at least one verdict (a child's turn
 * keeps one token across every promise), never more than the members present, since a device
 * that made itself new tokens is still only the children in the room.
 */
export function membersTookPart(members: number | null, turns: number): number {
  return members === null ? turns : Math.min(members, turns);
}
