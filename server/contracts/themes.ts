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
  sortOrder: z.number().int().min(0).max(1000),
  colour: hexColour,
  icon: themeIcon,
});

export const themeCreate = themeFields.partial({
  nameCy: true,
  childNameCy: true,
  sortOrder: true,
  colour: true,
  icon: true,
});
export type ThemeCreate = z.infer<typeof themeCreate>;

export const themeUpdate = themeFields.partial().extend({ version, archived: z.boolean().optional() });
export type ThemeUpdate = z.infer<typeof themeUpdate>;

export const themeList = z.object({ items: z.array(theme) });
