// The board summary's loop figures, kept current as feedback changes instead of worked out again
// over every item after each write (0.4–1.4 s of blocked event loop at 200,000 items).
//
// One full pass builds each item's state (heard, days to answer, days to feed back, flagged,
// promises). From then on, temporary triggers on this connection note the ids of the feedback
// and the promises each write touches, in the write's own transaction; the next read takes just
// those items out of the bins and puts their current rows back in. Taking an item out uses the
// state kept for it, so reading a touched item again is harmless. The one invalidation rule:
// touched rows are read again; anything the triggers cannot see (another connection's commit, a
// shared commit that rolled back) starts a full pass.
import type Database from 'better-sqlite3';
import type { Db } from '../client.js';
import type { DayCount, LoopCounts, WaitingCount } from './board-figures.js';
import { outsideGeneration } from './write.js';

type Item = { heard: number; respond: number | null; fedBack: number | null; flagged: boolean; links: number[] };

/**
 * One promise's bins (or the whole set's, promiseId null); an empty bin is deleted. What they
 * give is kept until an item moves them (`out`), so a read after a write lists again only the
 * bins of the promises it touched.
 */
type Bins = {
  waitingHeard: Map<number, number>;
  respond: Map<number, number>;
  fedBack: Map<number, number>;
  out?: { overTargetBefore: number; waiting: WaitingCount | null; respondDays: DayCount[]; feedBackDays: DayCount[] };
};

class Tally {
  readonly bins = new Map<number | null, Bins>();
  feedback = 0;
  unlinked = 0;

  apply(item: Item, sign: 1 | -1) {
    this.feedback += sign;
    if (item.links.length === 0) this.unlinked += sign;
    this.binItem(null, item, sign);
    for (const promiseId of item.links) this.binItem(promiseId, item, sign);
  }

  counts(overTargetBefore: number): LoopCounts {
    const waiting: WaitingCount[] = [];
    const respondDays: DayCount[] = [];
    const feedBackDays: DayCount[] = [];
    for (const [promiseId, bins] of this.bins) {
      const out =
        bins.out?.overTargetBefore === overTargetBefore
          ? bins.out
          : (bins.out = listed(promiseId, bins, overTargetBefore));
      if (out.waiting) waiting.push(out.waiting);
      for (const row of out.respondDays) respondDays.push(row);
      for (const row of out.feedBackDays) feedBackDays.push(row);
    }
    // The whole set always has a waiting row, as a count over no rows still gives one.
    if (!this.bins.has(null)) waiting.push({ promiseId: null, n: 0, overTarget: 0 });
    return { waiting, respondDays, feedBackDays, feedback: this.feedback, unlinkedFeedback: this.unlinked };
  }

  private binItem(promiseId: number | null, item: Item, sign: 1 | -1) {
    let bins = this.bins.get(promiseId);
    if (!bins) this.bins.set(promiseId, (bins = { waitingHeard: new Map(), respond: new Map(), fedBack: new Map() }));
    bins.out = undefined;
    if (item.respond === null) add(bins.waitingHeard, item.heard, sign);
    else add(bins.respond, item.respond, sign);
    if (item.fedBack !== null) add(bins.fedBack, item.fedBack, sign);
    if (promiseId !== null && !bins.waitingHeard.size && !bins.respond.size && !bins.fedBack.size)
      this.bins.delete(promiseId);
  }
}

function listed(promiseId: number | null, bins: Bins, overTargetBefore: number): NonNullable<Bins['out']> {
  let waiting: WaitingCount | null = null;
  if (bins.waitingHeard.size || promiseId === null) {
    waiting = { promiseId, n: 0, overTarget: 0 };
    for (const [heard, k] of bins.waitingHeard) {
      waiting.n += k;
      if (heard < overTargetBefore) waiting.overTarget += k;
    }
  }
  return {
    overTargetBefore,
    waiting,
    respondDays: [...bins.respond].map(([days, n]) => ({ promiseId, days, n })),
    feedBackDays: [...bins.fedBack].map(([days, n]) => ({ promiseId, days, n })),
  };
}

function add(bins: Map<number, number>, key: number, sign: 1 | -1) {
  const n = (bins.get(key) ?? 0) + sign;
  if (n === 0) bins.delete(key);
  else bins.set(key, n);
}

/** Work done to keep the figures current, for tests and the bench. */
export type KeptLoopWork = { fullPasses: number; itemsRead: number };

type State = {
  generation: string;
  /** The last touched row read. */
  seen: number;
  items: Map<number, Item>;
  all: Tally;
  flagged: Tally;
  /** Moves with every full pass: anything kept per promise before one is stale. */
  epoch: number;
  /** Moves for a promise whenever a write touches its evidence (feedback, commitments, measures) or a linked item's live answer. */
  promiseVersions: Map<number, number>;
  work: KeptLoopWork;
};

const states = new WeakMap<object, State>();

// Feedback whose loop figures may have changed, and promises whose evidence may have.
const TRIGGERS = `
  create temp table if not exists pt_touched (seq integer primary key autoincrement, kind text not null, id integer not null);
  create temp trigger if not exists pt_feedback_in after insert on main.feedback
    begin insert into pt_touched (kind, id) values ('f', new.id); end;
  create temp trigger if not exists pt_feedback_up
    after update of heard_on, responded_on, response, fed_back_on, safeguarding, publish_state,
      live_public_text, live_response, live_responded_on on main.feedback
    begin
      insert into pt_touched (kind, id) values ('f', old.id), ('f', new.id);
      insert into pt_touched (kind, id) select 'p', promise_id from main.feedback_promises where feedback_id = new.id;
    end;
  create temp trigger if not exists pt_feedback_del before delete on main.feedback
    begin
      insert into pt_touched (kind, id) values ('f', old.id);
      insert into pt_touched (kind, id) select 'p', promise_id from main.feedback_promises where feedback_id = old.id;
    end;
  create temp trigger if not exists pt_links_in after insert on main.feedback_promises
    begin insert into pt_touched (kind, id) values ('f', new.feedback_id), ('p', new.promise_id); end;
  create temp trigger if not exists pt_links_up after update on main.feedback_promises
    begin
      insert into pt_touched (kind, id) values ('f', old.feedback_id), ('f', new.feedback_id),
                                    ('p', old.promise_id), ('p', new.promise_id);
    end;
  create temp trigger if not exists pt_links_del after delete on main.feedback_promises
    begin insert into pt_touched (kind, id) values ('f', old.feedback_id), ('p', old.promise_id); end;
  create temp trigger if not exists pt_promises_in after insert on main.promises
    begin insert into pt_touched (kind, id) values ('p', new.id); end;
  create temp trigger if not exists pt_promises_up after update on main.promises
    begin insert into pt_touched (kind, id) values ('p', old.id), ('p', new.id); end;
  create temp trigger if not exists pt_promises_del after delete on main.promises
    begin insert into pt_touched (kind, id) values ('p', old.id); end;
  ${['commitments', 'measures']
    .map(
      (table) => `
  create temp trigger if not exists pt_${table}_in after insert on main.${table}
    begin insert into pt_touched (kind, id) values ('p', new.promise_id); end;
  create temp trigger if not exists pt_${table}_up after update on main.${table}
    begin insert into pt_touched (kind, id) values ('p', old.promise_id), ('p', new.promise_id); end;
  create temp trigger if not exists pt_${table}_del after delete on main.${table}
    begin insert into pt_touched (kind, id) values ('p', old.promise_id); end;`,
    )
    .join('')}
  create temp trigger if not exists pt_values_in after insert on main.measure_values
    begin insert into pt_touched (kind, id) select 'p', promise_id from main.measures where id = new.measure_id; end;
  create temp trigger if not exists pt_values_up after update on main.measure_values
    begin
      insert into pt_touched (kind, id) select 'p', promise_id from main.measures where id in (old.measure_id, new.measure_id);
    end;
  create temp trigger if not exists pt_values_del after delete on main.measure_values
    begin insert into pt_touched (kind, id) select 'p', promise_id from main.measures where id = old.measure_id; end;`;

/** Items as the bins read them, one row per (item, promise); an item's rows come together. */
const ITEM_ROWS = `
  select f.id, julianday(f.heard_on),
         cast(round(julianday(f.responded_on) - julianday(f.heard_on)) as integer),
         cast(round(julianday(f.fed_back_on) - julianday(f.heard_on)) as integer),
         fp.promise_id
  from feedback f left join feedback_promises fp on fp.feedback_id = f.id`;
type ItemRow = [id: number, heard: number, respond: number | null, fedBack: number | null, promiseId: number | null];

/** Every publish state listed, so the (publish_state, safeguarding) index finds the flagged few. */
const FLAGGED = `select id from feedback where publish_state in ('draft', 'approved', 'withheld') and safeguarding = 1`;

/** Above this many touched items a full pass is cheaper than reading them one by one. */
const FULL_PASS_ABOVE = 20_000;

function fullPass(client: Database.Database, previous: State | undefined): State {
  client.exec(TRIGGERS);
  const seen = (client.prepare('select coalesce(max(seq), 0) from temp.pt_touched').pluck().get() as number) ?? 0;
  const flaggedIds = new Set(client.prepare(FLAGGED).pluck().all() as number[]);
  const state: State = {
    generation: outsideGenerationOf(client),
    seen,
    items: new Map(),
    all: new Tally(),
    flagged: new Tally(),
    epoch: (previous?.epoch ?? 0) + 1,
    promiseVersions: new Map(),
    work: { fullPasses: (previous?.work.fullPasses ?? 0) + 1, itemsRead: previous?.work.itemsRead ?? 0 },
  };
  readItems(state, client.prepare(ITEM_ROWS).raw().iterate() as IterableIterator<ItemRow>, flaggedIds);
  return state;
}

function readItems(state: State, rows: Iterable<ItemRow>, flaggedIds: Set<number>) {
  let item: Item | undefined;
  let id = -1;
  const put = () => {
    if (!item) return;
    state.items.set(id, item);
    state.all.apply(item, 1);
    if (item.flagged) state.flagged.apply(item, 1);
    state.work.itemsRead++;
  };
  for (const [rowId, heard, respond, fedBack, promiseId] of rows) {
    if (rowId !== id) {
      put();
      id = rowId;
      item = { heard, respond, fedBack, flagged: flaggedIds.has(rowId), links: [] };
    }
    if (promiseId !== null) item!.links.push(promiseId);
  }
  put();
}

/** Takes the touched items out of the bins and puts their current rows back. */
function catchUp(client: Database.Database, state: State): State {
  const touched = client
    .prepare('select seq, kind, id from temp.pt_touched where seq > ? order by seq')
    .raw()
    .all(state.seen) as [number, 'f' | 'p', number][];
  if (!touched.length) return state;
  const feedbackIds = new Set<number>();
  for (const [seq, kind, id] of touched) {
    state.seen = seq;
    if (kind === 'f') feedbackIds.add(id);
    else state.promiseVersions.set(id, (state.promiseVersions.get(id) ?? 0) + 1);
  }
  if (feedbackIds.size > FULL_PASS_ABOVE) return fullPass(client, state);
  for (const id of feedbackIds) {
    const old = state.items.get(id);
    if (!old) continue;
    state.items.delete(id);
    state.all.apply(old, -1);
    if (old.flagged) state.flagged.apply(old, -1);
    // The promises it was linked to before: their suggestions read its words' dates too.
    for (const p of old.links) state.promiseVersions.set(p, (state.promiseVersions.get(p) ?? 0) + 1);
  }
  const ids = JSON.stringify([...feedbackIds]);
  const flaggedIds = new Set(
    client.prepare(`${FLAGGED} and id in (select value from json_each(?))`).pluck().all(ids) as number[],
  );
  const rows = client
    .prepare(`${ITEM_ROWS} where f.id in (select value from json_each(?)) order by f.id`)
    .raw()
    .all(ids) as ItemRow[];
  readItems(state, rows, flaggedIds);
  // Outside a transaction what was read is on disk: the rows are not needed again. (Inside one,
  // they stay, and a rollback starts a full pass.)
  if (!client.inTransaction) client.prepare('delete from temp.pt_touched where seq <= ?').run(state.seen);
  return state;
}

function outsideGenerationOf(client: Database.Database) {
  return outsideGeneration({ $client: client } as Db);
}

/** The kept state, brought up to date with every write so far. */
function current(db: Db): State {
  const client = db.$client;
  let state = states.get(client);
  if (!state || state.generation !== outsideGeneration(db)) state = fullPass(client, state);
  else state = catchUp(client, state);
  states.set(client, state);
  return state;
}

/**
 * Builds the kept state now (the server does so before it listens), so the one full pass over
 * every item (~0.7 s at 200,000 items, longer on a busy machine) is not made on the first
 * dashboard or kiosk read while everyone else waits.
 */
export async function warmKeptFigures(db: Db): Promise<void> {
  current(db);
}

/** The loop figures over all feedback and over the safeguarding-flagged items, as summaryFigures gives them. */
export async function keptLoopCounts(
  db: Db,
  overTargetBefore: string,
): Promise<{ all: LoopCounts; safeguarding: LoopCounts }> {
  const state = current(db);
  const before = julianDay(overTargetBefore);
  return { all: state.all.counts(before), safeguarding: state.flagged.counts(before) };
}

/**
 * How far each promise's evidence has moved: a figure kept per promise is current while its
 * `epoch` and `version` are the same as when it was worked out.
 */
export function promiseChanges(db: Db): { epoch: number; version: (promiseId: number) => number } {
  const state = current(db);
  return { epoch: state.epoch, version: (promiseId) => state.promiseVersions.get(promiseId) ?? 0 };
}

/** What keeping the figures has cost so far on this connection. */
export async function keptLoopWork(db: Db): Promise<KeptLoopWork> {
  return { ...(states.get(db.$client)?.work ?? { fullPasses: 0, itemsRead: 0 }) };
}

/** SQLite's julianday of a YYYY-MM-DD date (noon-less: midnight UTC). */
function julianDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000 + 2_440_587.5;
}
