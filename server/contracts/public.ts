// The public (signed-out) API: only approved, anonymised, child-friendly content.
import { z } from 'zod';
import { themeIcon } from './themes.js';

export const childStatus = z.enum(['done', 'doing', 'not_started', 'stuck', 'cant']);
export type ChildStatus = z.infer<typeof childStatus>;

export const journeySteps = ['heard', 'planned', 'doing', 'done'] as const;
export const journeyStep = z.enum(journeySteps);
export type JourneyStep = z.infer<typeof journeyStep>;

export const publicTheme = z.object({
  id: z.number().int(),
  name: z.string(),
  nameCy: z.string(),
  colour: z.string(),
  icon: themeIcon,
  promiseCount: z.number().int(),
  /** Promises the board has rated: the rest are "not checked yet", never "not on track". */
  checkedCount: z.number().int(),
  onTrackCount: z.number().int(),
  /** Promises in the theme with something new since the last forum. */
  newCount: z.number().int(),
});

export const publicPromiseSummary = z.object({
  id: z.number().int(),
  themeId: z.number().int(),
  text: z.string(),
  textCy: z.string(),
  onTrack: z.boolean().nullable(),
  updatedOn: z.string().nullable(),
  /** Something a child can see changed since the last forum. */
  isNew: z.boolean(),
});

export const publicSummary = z.object({
  councilName: z.string(),
  /** The council's name in Welsh; '' when not written (the kiosk shows the English). */
  councilNameCy: z.string(),
  nation: z.enum(['england', 'wales']),
  /** Whether the kiosk offers Welsh: its language button shows only when this is true. */
  useWelsh: z.boolean(),
  /** The council's time zone, in which the kiosk says when it was last updated. */
  timeZone: z.string(),
  generatedAt: z.string(),
  /** The most recent forum before today ('YYYY-MM-DD'), or null when none is recorded. */
  lastForumOn: z.string().nullable(),
  themes: z.array(publicTheme),
  promises: z.array(publicPromiseSummary),
});
export type PublicSummary = z.infer<typeof publicSummary>;

export const publicQuote = z.object({
  id: z.number().int(),
  text: z.string(),
  ageGroup: z.string(),
  /** The age group in Welsh; '' when not written (the kiosk shows the English, marked). */
  ageGroupCy: z.string(),
  heardIn: z.string(),
  /** 'YYYY-MM', so the kiosk can name the month in the chosen language. */
  heardMonth: z.string(),
});

export const publicAction = z.object({
  id: z.number().int(),
  text: z.string(),
  textCy: z.string(),
  status: childStatus,
  reason: z.string(),
  /** The latest update, in words a child understands (Welsh where written). */
  update: z.string(),
  updateCy: z.string(),
  dueBy: z.string(),
  dueMonth: z.string(),
  updatedOn: z.string().nullable(),
  isNew: z.boolean(),
});

export const publicMeasure = z.object({
  id: z.number().int(),
  sentence: z.string(),
  sentenceCy: z.string(),
  unit: z.enum(['count', 'percent', 'score']),
  direction: z.enum(['higher', 'lower', 'context']),
  target: z.number().nullable(),
  values: z.array(z.object({ period: z.string(), value: z.number().nullable(), tooFewToShow: z.boolean() })),
});

export const publicAnswer = z.object({
  id: z.number().int(),
  youSaid: z.string(),
  ageGroup: z.string(),
  ageGroupCy: z.string(),
  answer: z.enum(['did', 'doing', 'cant']),
  weDid: z.string(),
  /** The answer and reason in Welsh, approved with the English; '' when not written. */
  weDidCy: z.string(),
  reason: z.string(),
  reasonCy: z.string(),
  answeredOn: z.string().nullable(),
  isNew: z.boolean(),
});

export const publicPromise = z.object({
  id: z.number().int(),
  theme: z.object({ id: z.number().int(), name: z.string(), nameCy: z.string(), colour: z.string(), icon: themeIcon }),
  text: z.string(),
  textCy: z.string(),
  onTrack: z.boolean().nullable(),
  /** How far the promise has got, from "We heard you" to "Done" (server/domain/journey.ts). */
  journey: journeyStep,
  lastForumOn: z.string().nullable(),
  isNew: z.boolean(),
  /** The newest update in a child's words across the promise's commitments, or null. */
  latestUpdate: z.object({ text: z.string(), textCy: z.string(), on: z.string() }).nullable(),
  youSaid: z.array(publicQuote),
  weWill: z.array(publicAction),
  howWeWillKnow: z.array(publicMeasure),
  weDid: z.array(publicAnswer),
});
export type PublicPromise = z.infer<typeof publicPromise>;

// The children's verdict, tapped on the kiosk during a rating session (see rating-sessions.ts).
export const verdictChoice = z.enum(['kept', 'getting_there', 'not_yet']);
export type VerdictChoice = z.infer<typeof verdictChoice>;

export const verdictPin = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'Enter the 6-digit PIN');

export const verdictJoin = z.object({ pin: verdictPin });
export const verdictJoined = z.object({ open: z.literal(true), expiresAt: z.string() });

export const verdictTap = z.object({
  pin: verdictPin,
  /** A random token the kiosk makes for one child's turn: a second tap replaces the first. */
  voterToken: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'Not a voter token'),
  promiseId: z.number().int().positive(),
  verdict: verdictChoice,
});
/** `replaced`: this turn had already given a verdict on the promise, and changed it (it never adds). */
export const verdictTapped = z.object({ recorded: z.literal(true), replaced: z.boolean() });
export type VerdictTapped = z.infer<typeof verdictTapped>;
