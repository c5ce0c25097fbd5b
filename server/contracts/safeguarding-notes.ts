// What happened next on a safeguarding-flagged item: dated notes, for participation workers and
// admins only. Append-only: a note is added, never edited or removed (erasure blanks its text).
import { z } from 'zod';

export const safeguardingNote = z.object({
  id: z.number().int(),
  feedbackId: z.number().int(),
  /** Who wrote it (null once their account is gone). */
  authorId: z.number().int().nullable(),
  authorName: z.string().nullable(),
  /** When it was written: a UTC instant; pages show it in the council's time zone, in words. */
  writtenAt: z.string(),
  text: z.string(),
  /** When its text was erased with the item's words, or null. */
  erasedAt: z.string().nullable(),
});
export type SafeguardingNote = z.infer<typeof safeguardingNote>;

export const safeguardingNotes = z.object({ items: z.array(safeguardingNote) });
export type SafeguardingNotes = z.infer<typeof safeguardingNotes>;

export const safeguardingNoteCreate = z
  .object({ text: z.string().trim().min(1, 'Enter what happened next').max(4000, 'Keep it under 4000 characters') })
  .strict();
export type SafeguardingNoteCreate = z.infer<typeof safeguardingNoteCreate>;
