import { eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { settings } from '../schema.js';
import { DEFAULT_AGE_BANDS, DEFAULT_FORUMS, DEFAULT_QUORUM, DEFAULT_RAG_WORDING } from '../defaults.js';
import { dataGeneration } from './write.js';

export type SettingsRow = typeof settings.$inferSelect;

const cache = new WeakMap<object, { generation: string; row: SettingsRow }>();

/** Settings are read on almost every request; they are cached until the next write. */
export function getSettings(db: Db): SettingsRow {
  const generation = dataGeneration(db);
  const hit = cache.get(db.$client);
  if (hit && hit.generation === generation) return hit.row;
  const row = db.select().from(settings).where(eq(settings.id, 1)).get();
  if (!row) throw new Error('Settings are missing: run the migrations and seed');
  cache.set(db.$client, { generation, row });
  return row;
}

/** Makes sure the one settings row exists, so a fresh database works at once. */
export function ensureSettings(db: Db, councilName = 'Our council', nation: 'england' | 'wales' = 'england'): void {
  db.insert(settings)
    .values({
      id: 1,
      councilName,
      nation,
      ageBands: DEFAULT_AGE_BANDS,
      forums: DEFAULT_FORUMS,
      ragWording: DEFAULT_RAG_WORDING,
      quorum: DEFAULT_QUORUM,
    })
    .onConflictDoNothing()
    .run();
}
