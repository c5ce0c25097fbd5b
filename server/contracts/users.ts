import { z } from 'zod';
import { role, shortText, timestamps, version } from './common.js';

/** What any signed-in user may see of a colleague: enough to pick an owner. */
export const person = z.object({
  id: z.number().int(),
  name: z.string(),
  role,
  jobTitle: z.string(),
  agency: z.string(),
  disabled: z.boolean(),
  /** May be named owner of a commitment or measure (the owner pickers list only these). */
  canOwnActions: z.boolean(),
});
export type Person = z.infer<typeof person>;

/** What an admin sees. */
export const account = person.extend({
  email: z.string(),
  canSignIn: z.boolean(),
  /** Told first when this person's commitment is escalated (reminders). */
  managerId: z.number().int().nullable(),
  ...timestamps,
});
export type Account = z.infer<typeof account>;

const email = z.string().trim().toLowerCase().email('Enter an email address like name@example.org').max(254);

export const accountCreate = z.object({
  email,
  name: shortText(120),
  role,
  jobTitle: z.string().trim().max(120).optional(),
  agency: z.string().trim().max(80).optional(),
  /** Leave out to take the role's default (owners and admins may own actions). */
  canOwnActions: z.boolean().optional(),
  /** Leave out for an owner who never signs in (a partner named as an owner). */
  password: z.string().max(256).optional(),
});
export type AccountCreate = z.infer<typeof accountCreate>;

export const accountUpdate = z.object({
  version,
  name: shortText(120).optional(),
  role: role.optional(),
  jobTitle: z.string().trim().max(120).optional(),
  agency: z.string().trim().max(80).optional(),
  disabled: z.boolean().optional(),
  /** Left out with a new role: the new role's default. */
  canOwnActions: z.boolean().optional(),
  /** Their manager, told first when their commitment is escalated; null for nobody. */
  managerId: z.number().int().positive().nullable().optional(),
});
export type AccountUpdate = z.infer<typeof accountUpdate>;

export const passwordReset = z.object({ password: z.string().max(256) });
