import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { themes } from '../schema.js';
import { changedFields, recordAudit, type Actor } from './audit.js';
import { sameWordsDraft, syncReview } from './word-reviews.js';
import { updateVersioned, write } from './write.js';

export type ThemeRow = typeof themes.$inferSelect;

export async function listThemes(db: Db, includeArchived = false): Promise<ThemeRow[]> {
  const q = db.select().from(themes);
  return await (includeArchived ? q : q.where(eq(themes.archived, false))).orderBy(
    asc(themes.sortOrder),
    asc(themes.id),
  );
}

export async function getTheme(db: Db, id: number): Promise<ThemeRow | undefined> {
  const [row] = await db.select().from(themes).where(eq(themes.id, id)).limit(1);
  return row;
}

/**
 * A new theme. Without a colour it takes `pickColour(colours already used)` (the route passes the
 * palette's rule, server/domain/theme-colours.ts), read in the same transaction as the insert.
 */
export async function createTheme(
  db: Db,
  actor: Actor,
  input: Omit<typeof themes.$inferInsert, 'id'>,
  pickColour?: (used: string[]) => string,
): Promise<ThemeRow> {
  return write(db, async (tx) => {
    const colour =
      input.colour ??
      (pickColour
        ? pickColour((await tx.select({ colour: themes.colour }).from(themes)).map((r) => r.colour))
        : undefined);
    const sortOrder =
      input.sortOrder ??
      ((
        await tx
          .select({ max: sql<number>`coalesce(max(${themes.sortOrder}), -1)` })
          .from(themes)
          .limit(1)
      )[0]?.max ?? -1) + 1;
    const row = (
      await tx
        .insert(themes)
        .values({ ...input, sortOrder, ...(colour ? { colour } : {}), ...sameWordsDraft('theme', null, input) })
        .returning()
    )[0]!;
    await recordAudit(tx, actor, 'create', 'theme', row.id, null, row);
    await syncReview(tx, 'theme', null, row, actor);
    return row;
  });
}

export async function updateTheme(
  db: Db,
  actor: Actor,
  id: number,
  version: number,
  patch: Partial<typeof themes.$inferInsert>,
): Promise<ThemeRow> {
  return write(db, async (tx) => {
    const before = (await tx.select().from(themes).where(eq(themes.id, id)).limit(1))[0];
    // With the same words on, editing the staff words edits the children's draft too.
    const row = await updateVersioned(tx, themes, id, version, {
      ...patch,
      ...(before && sameWordsDraft('theme', before, patch)),
    });
    if (before) {
      const diff = changedFields(before, row);
      await recordAudit(tx, actor, 'update', 'theme', id, diff.before, diff.after);
      await syncReview(tx, 'theme', before, row, actor);
    }
    return row;
  });
}
