// The public (signed-out) API: only approved, anonymised, child-friendly content.
import { z } from 'zod';

export const childStatus = z.enum(['done', 'doing', 'not_started', 'stuck', 'cant']);
export type ChildStatus = z.infer<typeof childStatus>;

export const publicTheme = z.object({
  id: z.number().int(),
  name: z.string(),
  nameCy: z.string(),
  colour: z.string(),
  promiseCount: z.number().int(),
  onTrackCount: z.number().int(),
});

export const publicPromiseSummary = z.object({
  id: z.number().int(),
  themeId: z.number().int(),
  text: z.string(),
  textCy: z.string(),
  onTrack: z.boolean().nullable(),
  updatedOn: z.string().nullable(),
});

export const publicSummary = z.object({
  councilName: z.string(),
  nation: z.enum(['england', 'wales']),
  generatedAt: z.string(),
  themes: z.array(publicTheme),
  promises: z.array(publicPromiseSummary),
});
export type PublicSummary = z.infer<typeof publicSummary>;

export const publicQuote = z.object({
  id: z.number().int(),
  text: z.string(),
  ageGroup: z.string(),
  heardIn: z.string(),
});

export const publicAction = z.object({
  id: z.number().int(),
  text: z.string(),
  textCy: z.string(),
  status: childStatus,
  reason: z.string(),
  dueBy: z.string(),
  updatedOn: z.string().nullable(),
});

export const publicMeasure = z.object({
  id: z.number().int(),
  sentence: z.string(),
  sentenceCy: z.string(),
  unit: z.enum(['count', 'percent', 'score']),
  direction: z.enum(['higher', 'lower']),
  target: z.number().nullable(),
  values: z.array(z.object({ period: z.string(), value: z.number().nullable(), tooFewToShow: z.boolean() })),
});

export const publicAnswer = z.object({
  id: z.number().int(),
  youSaid: z.string(),
  ageGroup: z.string(),
  answer: z.enum(['did', 'doing', 'cant']),
  weDid: z.string(),
  reason: z.string(),
  answeredOn: z.string().nullable(),
});

export const publicPromise = z.object({
  id: z.number().int(),
  theme: z.object({ id: z.number().int(), name: z.string(), nameCy: z.string(), colour: z.string() }),
  text: z.string(),
  textCy: z.string(),
  onTrack: z.boolean().nullable(),
  youSaid: z.array(publicQuote),
  weWill: z.array(publicAction),
  howWellKnow: z.array(publicMeasure),
  weDid: z.array(publicAnswer),
});
export type PublicPromise = z.infer<typeof publicPromise>;
