// The feedback export as people open it in a spreadsheet: the import's columns (so the file still
// imports cleanly), and beside each id its words: the forum's name, the age band's label, the
// promises' words, whether the words are approved for the kiosk, and the answer in words.
import type { Db } from '../../db/client.js';
import { exportPages } from '../../db/repositories/feedback-workflow.js';
import type { FeedbackWithLinks } from '../../db/repositories/feedback.js';
import { getSettings } from '../../db/repositories/settings.js';
import { promises } from '../../db/schema.js';
import { FEEDBACK_CSV_COLUMNS } from '../contracts/index.js';
import { approvedPublicWords } from '../domain/need-to-know.js';
import { RESPONSE_WORDS, SOURCE_WORDS, codeWords } from '../domain/status-words.js';

/** The import's own columns, then the words beside them; the import ignores the extra columns. */
export const FEEDBACK_EXPORT_COLUMNS = [
  ...FEEDBACK_CSV_COLUMNS,
  'source_words',
  'forum_name',
  'age_band_label',
  'promise_words',
  'approved_for_kiosk',
  'answer_words',
] as const;

/**
 * Every feedback item but the safeguarding-flagged ones (which never leave the building this way),
 * a page of rows at a time (see exportPages).
 */
export async function* feedbackExportPages(db: Db): AsyncGenerator<(string | number)[][]> {
  const settings = getSettings(db);
  const forums = new Map(settings.forums.map((f) => [f.id, f.name]));
  const bands = new Map(settings.ageBands.map((b) => [b.id, b.label]));
  const promiseText = new Map(
    db
      .select({ id: promises.id, text: promises.staffText })
      .from(promises)
      .all()
      .map((p) => [p.id, p.text]),
  );
  for await (const page of exportPages(db)) yield page.map((f) => exportRow(f, forums, bands, promiseText));
}

function exportRow(
  f: FeedbackWithLinks,
  forums: Map<string, string>,
  bands: Map<string, string>,
  promiseText: Map<number, string>,
): (string | number)[] {
  return [
    f.heardOn,
    f.source,
    f.forumId ?? '',
    f.ageBand,
    f.text,
    f.publicText,
    f.promiseIds.join(';'),
    f.response ?? '',
    f.responseText,
    f.cantReason,
    f.respondedOn ?? '',
    f.fedBackOn ?? '',
    codeWords(SOURCE_WORDS, f.source),
    f.forumId ? (forums.get(f.forumId) ?? f.forumId) : '',
    bands.get(f.ageBand) ?? f.ageBand,
    f.promiseIds.map((id) => promiseText.get(id) ?? `Promise ${id}`).join('; '),
    // What the kiosk shows is the last approved wording, even while an edit waits for approval.
    approvedPublicWords(f) !== null ? 'Yes' : 'No',
    codeWords(RESPONSE_WORDS, f.response),
  ];
}
