import { z } from 'zod';

/**
 * One piece of approved children's text whose Welsh is missing (the kiosk shows the English) or
 * stale (its English was changed after its Welsh was last approved, so the Welsh says something
 * older).
 */
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
  /** missing: no approved Welsh; stale: the English changed after the Welsh was approved. */
  state: z.enum(['missing', 'stale']),
  /** The approved Welsh it has now ('' when missing). */
  welsh: z.string(),
  /** When the approved English and Welsh last changed (UTC instants); null when not known. */
  englishChangedAt: z.string().nullable(),
  welshChangedAt: z.string().nullable(),
});
export type WelshGap = z.infer<typeof welshGap>;

export const welshParity = z.object({ items: z.array(welshGap), total: z.number().int() });
export type WelshParity = z.infer<typeof welshParity>;
