// A stored board pack is a frozen record and is never rewritten; what changed since it was frozen
// is read here, the one place a stored snapshot is read into today's shape.
import type { PackSnapshot } from '../contracts/board-pack.js';

/** Packs frozen before release 2026-12 name each promise's measures by this earlier key. */
const EARLIER_MEASURES_KEY = 'howWellKnow';

/** The stored snapshot as today's contract has it: an earlier pack's measures under today's key. */
export function storedPackSnapshot(stored: unknown): PackSnapshot {
  const snapshot = stored as PackSnapshot;
  if (snapshot.kind !== 'board') return snapshot;
  return {
    ...snapshot,
    themes: snapshot.themes.map((theme) => ({
      ...theme,
      promises: theme.promises.map((p) => {
        if (p.howWeWillKnow !== undefined) return p;
        const { [EARLIER_MEASURES_KEY]: measures, ...rest } = p as typeof p & Record<string, unknown>;
        return { ...rest, howWeWillKnow: measures as typeof p.howWeWillKnow };
      }),
    })),
  };
}
