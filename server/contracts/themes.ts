import { z } from 'zod';
import { shortText, timestamps, version } from './common.js';

/** The pictures a council can give a theme's kiosk tile: drawn in web/kiosk/icons.ts, each with words. */
export const themeIcons = [
  'star',
  'heart',
  'people',
  'home',
  'book',
  'speech',
  'shield',
  'sun',
  'rocket',
  'leaf',
] as const;
export const themeIcon = z.enum(themeIcons);
export type ThemeIcon = z.infer<typeof themeIcon>;

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
