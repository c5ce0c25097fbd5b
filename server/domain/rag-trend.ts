// Trend between two RAG ratings, as the board reads it: "better", "same" or "worse" since the
// last review, or "new" when there was no earlier review to compare with. Blue (done or
// exceeded) ranks above green, green above amber, amber above red.
import type { RagRating, Trend } from '../contracts/common.js';

const RANK: Record<RagRating, number> = { red: 0, amber: 1, green: 2, blue: 3 };

/** Higher is better: red 0, amber 1, green 2, blue 3. */
export function ragRank(rating: RagRating): number {
  return RANK[rating];
}

/** How the latest rating compares with the one before it; no earlier rating is "new". */
export function ragTrend(previous: RagRating | null | undefined, latest: RagRating): Trend {
  if (!previous) return 'new';
  const diff = RANK[latest] - RANK[previous];
  if (diff > 0) return 'better';
  if (diff < 0) return 'worse';
  return 'same';
}
