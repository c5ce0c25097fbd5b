// The promise card's two feedback lists ("you said": newest heard first; "we did": newest answer
// first), kept per promise and picked again only when a write has touched that promise. Picking
// them reads every link of the promise with its item's dates and flag: ~2,000 rows read at random
// from the wide feedback table, ~8 ms of CPU at 200,000 items, while every write made every card
// cold. The one invalidation rule is the kept board figures' (board-kept-loop.ts): their triggers
// note every promise whose links, or whose linked items' dates, answer, flag or publish state,
// change, and anything they cannot see (another connection's commit, a rollback) moves the epoch.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { feedback, feedbackPromises } from '../schema.js';
import { promiseChanges } from './board-kept-loop.js';

export const CARD_FEEDBACK_LIMIT = 50;

/** The ids each list shows, in order, and how many items each holds in all. */
export type CardLists = { heardIds: number[]; heardTotal: number; answeredIds: number[]; answeredTotal: number };

type Link = { id: number; heardOn: string; respondedOn: string | null; answered: boolean; flagged: boolean };
/** Both callers' lists: with safeguarding-flagged items, and without. */
type Kept = { version: number; all: CardLists; unflagged: CardLists };
type KeptCards = { epoch: number; byPromise: Map<number, Kept> };
const keptCards = new WeakMap<object, KeptCards>();

/** Negative when `a` is the later date, so a sort puts the latest first (dates sort as text). */
const later = (a: string | null, b: string | null) => ((a ?? '') < (b ?? '') ? 1 : (a ?? '') > (b ?? '') ? -1 : 0);

function listsOf(links: Link[]): CardLists {
  const answered = links.filter((l) => l.answered);
  const heardIds = [...links]
    .sort((a, b) => later(a.heardOn, b.heardOn) || b.id - a.id)
    .slice(0, CARD_FEEDBACK_LIMIT)
    .map((l) => l.id);
  // Answered items with no answer date (none are written so) come last, as SQL's nulls do here.
  const answeredIds = answered
    .sort(
      (a, b) =>
        Number(a.respondedOn === null) - Number(b.respondedOn === null) ||
        later(a.respondedOn, b.respondedOn) ||
        b.id - a.id,
    )
    .slice(0, CARD_FEEDBACK_LIMIT)
    .map((l) => l.id);
  return { heardIds, heardTotal: links.length, answeredIds, answeredTotal: answered.length };
}

async function readLists(db: Db, promiseId: number, version: number): Promise<Kept> {
  const links = await db
    .select({
      id: feedback.id,
      heardOn: feedback.heardOn,
      respondedOn: feedback.respondedOn,
      answered: sql<boolean>`${feedback.response} is not null`.mapWith(Boolean),
      flagged: feedback.safeguarding,
    })
    .from(feedbackPromises)
    .innerJoin(feedback, eq(feedback.id, feedbackPromises.feedbackId))
    .where(eq(feedbackPromises.promiseId, promiseId));
  return { version, all: listsOf(links), unflagged: listsOf(links.filter((l) => !l.flagged)) };
}

/** The card's lists for one promise, as a caller who does (or does not) see flagged items is shown them. */
export async function cardLists(db: Db, promiseId: number, includeSafeguarding: boolean): Promise<CardLists> {
  const changes = promiseChanges(db);
  let kept = keptCards.get(db.$client);
  if (kept?.epoch !== changes.epoch) keptCards.set(db.$client, (kept = { epoch: changes.epoch, byPromise: new Map() }));
  const version = changes.version(promiseId);
  let lists = kept.byPromise.get(promiseId);
  if (lists?.version !== version) {
    lists = await readLists(db, promiseId, version);
    // Read inside a shared write transaction, the lists may hold changes that are rolled back:
    // then the epoch moves (a rollback starts a full pass) and they are never used again.
    kept.byPromise.set(promiseId, lists);
  }
  return includeSafeguarding ? lists.all : lists.unflagged;
}
