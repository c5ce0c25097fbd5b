// Children's words as they are stored: the same letters a reader sees, without the invisible
// characters that can hide a name or a number from the identifier check, or make the words
// display in a different order from the one they were typed in. Imports only zod, so web/ can
// use it for form checks too.
import { z } from 'zod';

// Zero-width space, non-joiner and joiner; word joiner; byte-order mark.
const ZERO_WIDTH = '\\u200B-\\u200D\\u2060\\uFEFF';
// Embeddings and overrides (LRE, RLE, PDF, LRO, RLO), isolates (LRI, RLI, FSI, PDI), marks.
const BIDI = '\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C';
// C0 controls except tab (09) and line feed (0A); DEL and the C1 controls. A lone carriage
// return is removed here too, after "\r\n" has become "\n".
const CONTROL = '\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F';
const INVISIBLE = new RegExp(`[${ZERO_WIDTH}${BIDI}${CONTROL}]`, 'gu');
const MISCHIEF = /[\u202A-\u202E\u2066-\u2069]/u;

/**
 * The words as a reader sees them: Unicode NFKC (full-width letters and digits become ordinary
 * ones), then without zero-width characters, direction marks and control characters other than
 * line breaks and tabs. Windows line endings become "\n".
 */
export function normaliseText(s: string): string {
  return s.normalize('NFKC').replace(/\r\n/g, '\n').replace(INVISIBLE, '');
}

/**
 * True when the raw text holds direction overrides or isolates. They make text display in an
 * order other than the one typed, so they have no honest use in a child's quote or an answer.
 */
export function hasMischief(s: string): boolean {
  return MISCHIEF.test(s);
}

export const MISCHIEF_MESSAGE = 'Remove the hidden characters that change the direction of the text';

/**
 * A text field for people's words: refuses direction overrides with a clear message, stores the
 * normalised words, then applies the length limit (so text that was only invisible characters
 * is empty, and a limit counts what a reader sees).
 */
export function words(max: number, message?: string) {
  return z
    .string()
    .refine((s) => !hasMischief(s), { message: MISCHIEF_MESSAGE })
    .transform(normaliseText)
    .pipe(message === undefined ? z.string().max(max) : z.string().max(max, message));
}
