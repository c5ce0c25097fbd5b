import { z } from 'zod';
import { shortText, timestamps, version } from './common.js';
import { themeIcons } from './theme-icons.js';

export { themeIcons, type ThemeIcon } from './theme-icons.js';
/** A theme's kiosk picture, from the built-in set. */
export const themeIcon = z.enum(themeIcons);

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Enter a colour like #1d70b8');

export const theme = z.object({
  id: z.number().int(),
  name: z.string(),
  childName: z.string(),
  nameCy: z.string(),
  childNameCy: z.string(),
  /** The children's name is the staff name (still approved before children see it). */
  sameWords: z.boolean(),
  sortOrder: z.number().int(),
  colour: z.string(),
  icon: themeIcon,
  archived: z.boolean(),
  ...timestamps,
});
export type Theme = z.infer<typeof theme>;

// Fields without defaults: a partial update must never reset a field it did not send.
const themeFields = z.object({
  name: shortText(80),
  childName: shortText(80),
  nameCy: z.string().trim().max(80),
  childNameCy: z.string().trim().max(80),
  sameWords: z.boolean(),
  sortOrder: z.number().int().min(0).max(1000),
  colour: hexColour,
  icon: themeIcon,
});

export const themeCreate = themeFields
  .partial({
    childName: true,
    nameCy: true,
    childNameCy: true,
    sameWords: true,
    sortOrder: true,
    colour: true,
    icon: true,
  })
  .refine((th) => th.sameWords === true || (th.childName ?? '') !== '', {
    path: ['childName'],
    message: 'Write the theme’s name for children, or choose to use the same words',
    // Checked even when other fields are wrong (so every problem is named at once), for any object.
    when: (payload) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value),
  });
export type ThemeCreate = z.input<typeof themeCreate>;

export const themeUpdate = themeFields.partial().extend({ version, archived: z.boolean().optional() });
export type ThemeUpdate = z.infer<typeof themeUpdate>;

export const themeList = z.object({ items: z.array(theme) });
