import { z } from 'zod';
import { audience, shortText, timestamps, version } from './common.js';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Use lower-case letters, numbers and hyphens');

export const ageBand = z.object({ id: slug, label: shortText(40), childLabel: shortText(40) });
export const forum = z.object({
  id: slug,
  name: shortText(80),
  audience,
  frequency: z.string().trim().max(80),
  active: z.boolean(),
});
const ragWord = z.object({ label: shortText(30), meaning: shortText(300) });
export const ragWording = z.object({ red: ragWord, amber: ragWord, green: ragWord, blue: ragWord });
export const quorumRule = z.object({
  minCouncillors: z.number().int().min(0).max(50),
  minPartners: z.number().int().min(0).max(50),
  minTotal: z.number().int().min(0).max(100),
});

const validTimeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'Enter a time zone such as Europe/London');

const settingsFields = z.object({
  councilName: shortText(120),
  nation: z.enum(['england', 'wales']),
  timeZone: validTimeZone,
  ageBands: z.array(ageBand).min(1).max(20),
  forums: z.array(forum).max(30),
  answerTargetDays: z.number().int().min(1).max(365),
  smallNumberThreshold: z.number().int().min(0).max(50),
  staleAfterDays: z.number().int().min(1).max(730),
  dueSoonDays: z.number().int().min(1).max(180),
  ragWording,
  quorum: quorumRule,
  watchWords: z.array(z.string().trim().min(1).max(80)).max(2000),
  localNames: z.array(z.string().trim().min(1).max(80)).max(5000),
});

export const settings = settingsFields.extend({
  principles: z.array(z.object({ code: z.string(), summary: z.string() })),
  ...timestamps,
});
export type Settings = z.infer<typeof settings>;

function uniqueIds(list: { id: string }[]) {
  return new Set(list.map((x) => x.id)).size === list.length;
}

export const settingsUpdate = settingsFields
  .partial()
  .extend({ version })
  .refine((s) => !s.ageBands || uniqueIds(s.ageBands), {
    message: 'Each age band needs its own id',
    path: ['ageBands'],
  })
  .refine((s) => !s.forums || uniqueIds(s.forums), { message: 'Each forum needs its own id', path: ['forums'] });
export type SettingsUpdate = z.infer<typeof settingsUpdate>;
