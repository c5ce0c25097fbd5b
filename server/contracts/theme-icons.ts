// The pictures a council can give a theme's kiosk tile (drawn in web/kiosk/icons.ts). A plain
// list without zod, so the theme form and the kiosk can import it without bringing zod along.
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
export type ThemeIcon = (typeof themeIcons)[number];
