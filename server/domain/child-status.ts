// How a commitment's status reads to a child. Staff see RAG and status words; children see
// Done / Doing it / Not started yet / Stuck / We can't.
export type CommitmentStatus = 'not_started' | 'on_track' | 'at_risk' | 'off_track' | 'done' | 'dropped';
export type ChildStatus = 'done' | 'doing' | 'not_started' | 'stuck' | 'cant';

export function childStatusOf(status: CommitmentStatus): ChildStatus {
  switch (status) {
    case 'done':
      return 'done';
    case 'on_track':
    case 'at_risk':
      return 'doing';
    case 'off_track':
      return 'stuck';
    case 'dropped':
      return 'cant';
    default:
      return 'not_started';
  }
}

/** A promise is "on track" for children when the board's latest rating is green or complete. */
export function onTrackFromRating(rating: string | undefined): boolean | null {
  if (!rating) return null;
  return rating === 'green' || rating === 'blue';
}
