// Which promises a measure is shown on. Every measure has a home promise (measures.promiseId: it
// is listed there, and that promise's lead may enter its figures); measure_promises links it to
// more, so a council-wide figure such as "children looked after" sits on every promise it informs.
// "Is this measure on that promise?" is one rule, measureOnPromise, used by every per-promise read.
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import { measurePromises, measures, promises } from '../schema.js';
import { recordAudit, type Actor } from './audit.js';
import { RowMissing, VersionConflict, updateVersioned, write, type DbOrTx } from './write.js';

/** The measure is on the promise: it is its home, or it is linked to it. */
export function measureOnPromise(promiseId: number): SQL {
  return or(
    eq(measures.promiseId, promiseId),
    sql`${measures.id} in (select ${measurePromises.measureId} from ${measurePromises} where ${measurePromises.promiseId} = ${promiseId})`,
  )!;
}

/** Measures on any of the promises, as measure id → the promise ids (home and linked) it is on among them. */
export async function measuresOnPromises(db: DbOrTx, promiseIds: readonly number[]): Promise<Map<number, number[]>> {
  const on = new Map<number, number[]>();
  if (promiseIds.length === 0) return on;
  const add = (measureId: number, promiseId: number) => {
    const list = on.get(measureId);
    if (!list) on.set(measureId, [promiseId]);
    else if (!list.includes(promiseId)) list.push(promiseId);
  };
  const ids = [...promiseIds];
  for (const r of await db
    .select({ measureId: measures.id, promiseId: measures.promiseId })
    .from(measures)
    .where(and(inArray(measures.promiseId, ids), eq(measures.archived, false))))
    add(r.measureId, r.promiseId);
  for (const r of await db
    .select({ measureId: measurePromises.measureId, promiseId: measurePromises.promiseId })
    .from(measurePromises)
    .innerJoin(measures, eq(measures.id, measurePromises.measureId))
    .where(and(inArray(measurePromises.promiseId, ids), eq(measures.archived, false))))
    add(r.measureId, r.promiseId);
  return on;
}

export type LinkedPromise = { id: number; staffText: string };

/** The promises each measure is linked to besides its home, in promise order. */
export async function linkedPromisesOf(
  db: DbOrTx,
  measureIds: readonly number[],
): Promise<Map<number, LinkedPromise[]>> {
  const byMeasure = new Map<number, LinkedPromise[]>(measureIds.map((id) => [id, []]));
  if (measureIds.length === 0) return byMeasure;
  const rows = await db
    .select({ measureId: measurePromises.measureId, id: promises.id, staffText: promises.staffText })
    .from(measurePromises)
    .innerJoin(promises, eq(promises.id, measurePromises.promiseId))
    .where(inArray(measurePromises.measureId, [...measureIds]))
    .orderBy(asc(promises.id));
  for (const { measureId, ...p } of rows) byMeasure.get(measureId)?.push(p);
  return byMeasure;
}

async function linkedIds(db: DbOrTx, measureId: number): Promise<number[]> {
  return (
    await db
      .select({ promiseId: measurePromises.promiseId })
      .from(measurePromises)
      .where(eq(measurePromises.measureId, measureId))
      .orderBy(asc(measurePromises.promiseId))
  ).map((r) => r.promiseId);
}

export class LinkRefused extends Error {
  constructor(readonly reason: 'home' | 'promise') {
    super(reason === 'home' ? 'The measure already belongs to that promise' : 'No such open promise');
  }
}

/**
 * Links or unlinks one promise, as one change to the measure: the version the caller saw is
 * checked (409 otherwise), bumped, and audited in the same transaction as the link row.
 * Linking what is already linked, or unlinking what is not, is refused by the caller's checks:
 * unlinking a promise that is not linked is a RowMissing (404).
 */
export async function setMeasureLink(
  db: Db,
  actor: Actor,
  measureId: number,
  promiseId: number,
  version: number,
  linked: boolean,
): Promise<typeof measures.$inferSelect> {
  return write(db, async (tx) => {
    const measure = (await tx.select().from(measures).where(eq(measures.id, measureId)).limit(1))[0];
    if (!measure) throw new RowMissing();
    if (measure.version !== version) throw new VersionConflict(measure);
    const before = await linkedIds(tx, measureId);
    if (linked) {
      if (promiseId === measure.promiseId) throw new LinkRefused('home');
      const open = (
        await tx.select({ archived: promises.archived }).from(promises).where(eq(promises.id, promiseId)).limit(1)
      )[0];
      if (!open || open.archived) throw new LinkRefused('promise');
      if (before.includes(promiseId)) return measure;
      await tx.insert(measurePromises).values({ measureId, promiseId });
    } else {
      if (!before.includes(promiseId)) throw new RowMissing();
      await tx
        .delete(measurePromises)
        .where(and(eq(measurePromises.measureId, measureId), eq(measurePromises.promiseId, promiseId)));
    }
    const row = await updateVersioned(tx, measures, measureId, version, {});
    const after = await linkedIds(tx, measureId);
    await recordAudit(
      tx,
      actor,
      linked ? 'link' : 'unlink',
      'measure',
      measureId,
      { linkedPromiseIds: before },
      {
        linkedPromiseIds: after,
      },
    );
    return row;
  });
}

/** Council-wide measures and the other promises (their staff words) each is linked to: for the board pack. */
export async function councilWideMeasures(db: DbOrTx): Promise<Map<number, string[]>> {
  const ids = (
    await db
      .select({ id: measures.id })
      .from(measures)
      .where(and(eq(measures.councilWide, true), eq(measures.archived, false)))
  ).map((r) => r.id);
  const linked = await linkedPromisesOf(db, ids);
  return new Map(ids.map((id) => [id, (linked.get(id) ?? []).map((p) => p.staffText)]));
}
