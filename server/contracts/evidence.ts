// "How we'll know", in words: case studies, quotes and documents that show a promise is kept.
import { z } from 'zod';
import { isoDate, pageOf, pageQuery, shortText, timestamps, version } from './common.js';

export const evidenceKind = z.enum(['case_study', 'quote', 'document']);

export const evidenceItem = z.object({
  id: z.number().int(),
  promiseId: z.number().int(),
  kind: evidenceKind,
  title: z.string(),
  body: z.string(),
  url: z.string(),
  dated: z.string(),
  addedById: z.number().int().nullable(),
  addedByName: z.string().nullable(),
  ...timestamps,
});
export type EvidenceItem = z.infer<typeof evidenceItem>;

export const evidenceQuery = z.object({
  ...pageQuery,
  promiseId: z.coerce.number().int().positive().optional(),
  kind: evidenceKind.optional(),
});
export type EvidenceQuery = z.infer<typeof evidenceQuery>;

export const evidencePage = pageOf(evidenceItem);

/** Empty, or a web address starting http:// or https://. */
export const evidenceUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => {
    if (s === '') return true;
    if (!/^https?:\/\//i.test(s)) return false;
    try {
      new URL(s);
      return true;
    } catch {
      return false;
    }
  }, 'Enter a web address starting with http:// or https://');

/** A document needs a link to it; case studies and quotes may have one. */
export function evidenceUrlProblem(kind: string, url: string | undefined): string | null {
  return kind === 'document' && !url ? 'Enter the web address of the document' : null;
}

// Fields without defaults: a partial update must never reset a field it did not send.
const evidenceFields = z.object({
  promiseId: z.number().int().positive(),
  kind: evidenceKind,
  title: shortText(200),
  body: z.string().trim().max(5000),
  url: evidenceUrl,
  dated: isoDate,
});

export const evidenceCreate = evidenceFields.partial({ body: true, url: true }).superRefine((e, ctx) => {
  const message = evidenceUrlProblem(e.kind, e.url);
  if (message) ctx.addIssue({ code: 'custom', path: ['url'], message });
});
export type EvidenceCreate = z.infer<typeof evidenceCreate>;

export const evidenceUpdate = evidenceFields.partial().extend({ version });
export type EvidenceUpdate = z.infer<typeof evidenceUpdate>;
