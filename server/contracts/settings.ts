import { z } from 'zod';
import { audience, role, shortText, timestamps, version } from './common.js';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Use lower-case letters, numbers and hyphens');

export const ageBand = z.object({
  id: slug,
  label: shortText(40),
  childLabel: shortText(40),
  /** The children's label in Welsh, for the kiosk; '' or absent: not written yet. */
  childLabelCy: z.string().trim().max(40).optional(),
});
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

/**
 * Council overrides of the RAG suggestion thresholds (server/domain/rag-rules.ts); a missing key
 * takes the default. Each red threshold must be at or above its amber one.
 */
const threshold = z.number().min(0).max(10_000);
export const ragThresholds = z
  .object({
    deliveryAmberPercent: threshold.max(100),
    deliveryRedPercent: threshold.max(100),
    staleAfterDays: threshold.int().min(1).max(730),
    gapAmberPoints: threshold.max(100),
    gapRedPoints: threshold.max(100),
    gapAmberPercent: threshold,
    gapRedPercent: threshold,
    answerTargetDays: threshold.int().min(1).max(365),
    waitingAmberCount: threshold.int().min(1),
    waitingRedCount: threshold.int().min(1),
  })
  .partial()
  .strict()
  .superRefine((t, ctx) => {
    const pairs = [
      ['deliveryAmberPercent', 'deliveryRedPercent'],
      ['gapAmberPoints', 'gapRedPoints'],
      ['gapAmberPercent', 'gapRedPercent'],
      ['waitingAmberCount', 'waitingRedCount'],
    ] as const;
    for (const [amber, red] of pairs) {
      const a = t[amber];
      const r = t[red];
      if (a !== undefined && r !== undefined && r < a)
        ctx.addIssue({ code: 'custom', path: [red], message: 'The red threshold must be at or above the amber one' });
    }
  });
export type RagThresholdsSetting = z.infer<typeof ragThresholds>;

/** Reminders: the digest's weekday (1 Monday … 7 Sunday) and the escalation ladder. */
export const escalationLadder = z.object({
  /** After how many board cycles overdue or red each is told; 0 leaves the rung out. */
  manager: z.number().int().min(0).max(12),
  director: z.number().int().min(0).max(12),
  chair: z.number().int().min(0).max(12),
});
const reminderSettings = z.object({
  digestWeekday: z.number().int().min(1).max(7),
  escalationLadder,
  /** The director of children's services and the board chair: accounts, or null while nobody is named. */
  directorId: z.number().int().positive().nullable(),
  chairId: z.number().int().positive().nullable(),
});

/**
 * The council's designated safeguarding lead, told at once of a possible disclosure: name, role,
 * phone and email ('' = not named yet). Shown to participation workers where they flag one.
 */
export const safeguardingLead = z.object({
  safeguardingLeadName: z.string().trim().max(120),
  safeguardingLeadRole: z.string().trim().max(120),
  safeguardingLeadPhone: z
    .string()
    .trim()
    .max(40)
    .regex(/^(\+?[0-9][0-9 ()-]{5,38})?$/, 'Enter a phone number, like 01632 960 123'),
  safeguardingLeadEmail: z.union([
    z.literal(''),
    z.string().trim().toLowerCase().email('Enter an email address like name@example.org').max(254),
  ]),
});
export type SafeguardingLead = z.infer<typeof safeguardingLead>;

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
  /** The council's name in Welsh ('' = not written: Welsh pages use the English). */
  councilNameCy: z.string().trim().max(120),
  /** Children see Welsh (the kiosk's language button, Welsh sheets) and staff forms ask for it. */
  useWelsh: z.boolean(),
  timeZone: validTimeZone,
  ageBands: z.array(ageBand).min(1).max(20),
  forums: z.array(forum).max(30),
  answerTargetDays: z.number().int().min(1).max(365),
  smallNumberThreshold: z.number().int().min(0).max(50),
  staleAfterDays: z.number().int().min(1).max(730),
  dueSoonDays: z.number().int().min(1).max(180),
  ragWording,
  quorum: quorumRule,
  ragThresholds,
  watchWords: z.array(z.string().trim().min(1).max(80)).max(2000),
  localNames: z.array(z.string().trim().min(1).max(80)).max(5000),
  /** Single sign-on: a group id in the provider's `groups` claim, and the role a new account from it gets. */
  ssoGroupRoles: z
    .record(z.string().trim().min(1).max(200), role)
    .refine((r) => Object.keys(r).length <= 200, 'Map at most 200 groups'),
  /** Email and password sign-in; can be turned off only when single sign-on is set up. */
  localPasswords: z.boolean(),
  ...reminderSettings.shape,
  ...safeguardingLead.shape,
});

export const settings = settingsFields.extend({
  principles: z.array(z.object({ code: z.string(), summary: z.string() })),
  ...timestamps,
});
export type Settings = z.infer<typeof settings>;

type AgeBandWithId = z.infer<typeof ageBand>;

function uniqueIds(list: { id: string }[]) {
  return new Set(list.map((x) => x.id)).size === list.length;
}

/** A band as the council sends it: a new band needs only its labels; its id is made from the label. */
export const ageBandInput = ageBand.extend({ id: slug.optional() });

export const settingsUpdate = settingsFields
  .partial()
  .extend({ version, ageBands: z.array(ageBandInput).min(1).max(20).optional() })
  .refine((s) => !s.ageBands || uniqueIds(s.ageBands.filter((b): b is AgeBandWithId => !!b.id)), {
    message: 'Each age band needs its own id',
    path: ['ageBands'],
  })
  .refine((s) => !s.forums || uniqueIds(s.forums), { message: 'Each forum needs its own id', path: ['forums'] });
export type SettingsUpdate = z.infer<typeof settingsUpdate>;
