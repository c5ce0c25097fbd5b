import { z } from 'zod';

/** One piece of approved children's text the kiosk shows in English for want of approved Welsh. */
export const welshGap = z.object({
  kind: z.enum(['theme', 'promise', 'commitment', 'measure', 'ageBand', 'answer']),
  /** The record's id (an age band's id is its slug). */
  id: z.string(),
  /** The Welsh field to write, e.g. childTextCy. */
  field: z.string(),
  /** Where to write it in the staff app. */
  where: z.string(),
  /** The approved English words it translates. */
  english: z.string(),
});
export type WelshGap = z.infer<typeof welshGap>;

export const welshParity = z.object({ items: z.array(welshGap), total: z.number().int() });
export type WelshParity = z.infer<typeof welshParity>;
