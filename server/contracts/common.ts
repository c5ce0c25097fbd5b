// Shapes shared by every resource. This folder imports only zod, so web/ can import it too.
import { z } from 'zod';

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a full date: day, month and year')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'Enter a real date');

/**
 * A record's id as it appears in a path: plain decimal digits with no leading zero, within the
 * safe integer range. Looser coercion read `0x10` as 16 and `1e1` as 10, so one record had many
 * addresses.
 */
export const idString = z
  .string()
  .regex(/^[1-9][0-9]{0,15}$/, 'Enter the id as a whole number, such as 12')
  .transform(Number)
  .pipe(z.number().int().max(Number.MAX_SAFE_INTEGER, 'That id is too large'));

export const idParam = z.object({ id: idString });
export type IdParam = z.infer<typeof idParam>;

export const version = z.number().int().positive();
export const timestamps = { version, createdAt: z.string(), updatedAt: z.string() };

/**
 * Archiving (DELETE) may name the version the user saw, so they never archive a change they have
 * not seen (409); restoring must. Without a version, archiving twice changes nothing.
 */
export const archiveQuery = z.object({ version: z.coerce.number().int().positive().optional() });
export const restoreBody = z.object({ version });

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** A query-string boolean: 'true' / 'false'. */
export const queryBool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  current: z.unknown().optional(),
});
export type Problem = z.infer<typeof problem>;

export const ragRating = z.enum(['red', 'amber', 'green', 'blue']);
export type RagRating = z.infer<typeof ragRating>;
export const trend = z.enum(['better', 'same', 'worse', 'new']);
export type Trend = z.infer<typeof trend>;
export const audience = z.enum(['children_in_care', 'care_leavers', 'both']);
export const role = z.enum(['admin', 'participation', 'owner', 'board', 'viewer']);
export type Role = z.infer<typeof role>;

export const shortText = (max = 200) => z.string().trim().min(1, 'Enter some text').max(max);
