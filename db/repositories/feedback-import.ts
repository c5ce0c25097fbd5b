// The survey import: every row of a file in one transaction, and one audit entry for the file.
// What each item was made with is kept beside that entry (feedback_imports), so the trail names
// who imported which items and an item's history still shows its own import, in the same image
// a single create records.
import { getTableColumns, is, SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import { feedback } from '../schema.js';
import { recordAudit, type Actor } from './audit.js';
import type { FeedbackInsert, FeedbackRow, FeedbackWithLinks } from './feedback.js';
import { perConnection, write } from './write.js';

export type ImportRow = Pick<
  FeedbackInsert,
  'text' | 'heardOn' | 'ageBand' | 'source' | 'forumId' | 'publicText' | 'loggedById'
> & { promiseIds: number[] };

/** What each item's array in feedback_imports.rows holds, in this order; all else is a default. */
export const IMPORTED_ROW_FIELDS = [
  'text',
  'source',
  'forumId',
  'heardOn',
  'ageBand',
  'loggedById',
  'publicText',
  'promiseIds',
] as const;

/**
 * What drizzle would read back after an import's insert, short of the per-row values: each
 * column's schema default (null when it has none), in the table's column order. Read from the
 * schema, so a new column needs no change here; a default only SQLite or a function knows
 * cannot be, and is refused.
 */
function importedRowDefaults(): FeedbackWithLinks {
  const perRow = new Set<string>([...IMPORTED_ROW_FIELDS, 'id', 'createdAt', 'updatedAt']);
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(feedback))) {
    if (perRow.has(key)) row[key] = null;
    else if (is(column.default, SQL) || column.defaultFn || column.onUpdateFn)
      throw new Error(`An import cannot know the default of feedback.${key}: set it in importFeedback`);
    else row[key] = column.default ?? null;
  }
  return { ...(row as FeedbackRow), promiseIds: [], commitmentIds: [] };
}
let rowDefaults: FeedbackWithLinks | undefined;

/**
 * Plain better-sqlite3 statements, prepared once per connection: drizzle's per-row placeholder
 * filling and result mapping were half an import's write.
 */
const statements = perConnection((db) => ({
  // The instant the schema's default would give, read once for the whole file.
  now: db.$client.prepare<[], string>("select strftime('%Y-%m-%dT%H:%M:%fZ','now')").pluck(),
  item: db.$client.prepare<[string, string, string | null, string, string, number | null, string, string, string]>(
    `insert into feedback (text, source, forum_id, heard_on, age_band, logged_by_id, public_text, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  link: db.$client.prepare<[number, number]>('insert into feedback_promises (feedback_id, promise_id) values (?, ?)'),
  queueWords: db.$client.prepare<[number | null, string, number, number]>(
    "insert into word_reviews (entity, entity_id, changed_by_id, changed_at) select 'feedback', id, ?, ? from feedback where id between ? and ? and trim(public_text) <> ''",
  ),
  kept: db.$client.prepare<[number, number, number, string, string]>(
    'insert into feedback_imports (audit_id, first_id, last_id, created_at, rows) values (?, ?, ?, ?, ?)',
  ),
  // The file whose ids include this one: files' id ranges never overlap, so it is the one that
  // starts at or before it, if that one reaches it.
  covering: db.$client.prepare<[{ id: number }], { auditId: number; createdAt: string; row: string | null }>(
    `select audit_id as auditId, created_at as createdAt,
            json_extract(rows, '$[' || cast(@id - first_id as integer) || ']') as row
       from (select * from feedback_imports where first_id <= @id order by first_id desc limit 1)
      where last_id >= @id`,
  ),
}));

/** The page cache an import may use, in KiB: see importFeedback. */
const IMPORT_CACHE_KIB = 16_000;

/**
 * Every row in one transaction: a failure part-way leaves nothing behind. One audit entry for
 * the file, with the ids it made; each item's values are kept beside it.
 */
export async function importFeedback(db: Db, actor: Actor, rows: readonly ImportRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  // A file's rows land all over the date indexes. In the server's 2 MB page cache SQLite spills
  // and reads back those pages many times over: 100,000 rows took 2.1 s at 2 MB and 1.3 s at
  // 16 MB (better-sqlite3's own default). The cache goes back once the file is written.
  const client = db.$client;
  const cacheSize = client.pragma('cache_size', { simple: true }) as number;
  client.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  try {
    return write(db, async () => {
      const s = statements(db);
      const now = s.now.get()!;
      const kept: unknown[][] = new Array(rows.length);
      let firstId = 0;
      let lastId = 0;
      for (let i = 0; i < rows.length; i++) {
        const input = rows[i]!;
        const forumId = input.forumId ?? null;
        const publicText = input.publicText ?? '';
        const loggedById = input.loggedById ?? null;
        const { lastInsertRowid } = s.item.run(
          input.text,
          input.source,
          forumId,
          input.heardOn,
          input.ageBand,
          loggedById,
          publicText,
          now,
          now,
        );
        const id = Number(lastInsertRowid);
        if (i === 0) firstId = id;
        else if (id !== lastId + 1) throw new Error(`Imported item ${id} does not follow ${lastId}`);
        lastId = id;
        const promiseIds = input.promiseIds.length === 0 ? [] : [...new Set(input.promiseIds)].sort((a, b) => a - b);
        for (const promiseId of promiseIds) s.link.run(id, promiseId);
        // In IMPORTED_ROW_FIELDS' order.
        kept[i] = [input.text, input.source, forumId, input.heardOn, input.ageBand, loggedById, publicText, promiseIds];
      }
      const auditId = await recordAudit(db, actor, 'import', 'feedback', `${firstId}-${lastId}`, null, {
        items: rows.length,
        firstRecord: firstId,
        lastRecord: lastId,
      });
      s.kept.run(auditId, firstId, lastId, now, JSON.stringify(kept));
      // Public words from the file wait for a person, like words typed on the item's page.
      s.queueWords.run(actor.id, now, firstId, lastId);
      return rows.length;
    });
  } finally {
    client.pragma(`cache_size = ${cacheSize}`);
  }
}

/**
 * The import entry of one imported item, as the item's own: its id, and the image a single
 * create records (the row as inserted, its promise ids, no commitments). Undefined when the
 * item was not imported.
 */
export async function importedItemEntry(
  db: Db,
  feedbackId: number,
): Promise<{ auditId: number; entityId: string; after: FeedbackWithLinks } | undefined> {
  const found = statements(db).covering.get({ id: feedbackId });
  if (!found?.row) return undefined;
  const values = JSON.parse(found.row) as unknown[];
  const image: Record<string, unknown> = { ...(rowDefaults ??= importedRowDefaults()), id: feedbackId };
  IMPORTED_ROW_FIELDS.forEach((field, i) => (image[field] = values[i]));
  image.createdAt = found.createdAt;
  image.updatedAt = found.createdAt;
  return { auditId: found.auditId, entityId: String(feedbackId), after: image as FeedbackWithLinks };
}
