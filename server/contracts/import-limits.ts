// How big a survey file may be. Plain numbers without zod, so the import page can say them
// without bringing zod into the browser; the import's schema (feedback.ts) checks against them.

/** Most rows in one survey file: a large council's ten years of surveys fit in one. */
export const IMPORT_MAX_ROWS = 100_000;
/** Most characters in one survey file (16 MB of plain text). */
export const IMPORT_MAX_CHARS = 16_000_000;
/** A file's problems listed, the first ones; `problemCount` counts them all. */
export const IMPORT_PROBLEMS_LISTED = 100;
