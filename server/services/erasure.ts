// Erasing children's words, on request and by the council's retention period, and making the
// bytes go: every connection runs with secure_delete (db/client.ts), so SQLite overwrites what it
// frees, and after an erasure the WAL is checkpointed and truncated, so no older copy of a page
// is left in it. Backups older than BACKUP_KEEP runs are deleted by the backup schedule.
import type { Db } from '../../db/client.js';
import type { Actor } from '../../db/repositories/audit.js';
import {
  dueForRetention,
  eraseWords,
  recordRetentionRun,
  requestPlan,
  retentionPlan,
  type Erased,
} from '../../db/repositories/erasure.js';
import type { FeedbackRow } from '../../db/repositories/feedback.js';
import { getSettings } from '../../db/repositories/settings.js';
import { approvedPublicWords } from '../domain/need-to-know.js';
import { retentionCutoff } from '../domain/retention.js';
import { dateIn } from '../domain/time.js';

/** True when the reason repeats the words it is erasing (the audit would keep them). */
export function reasonRepeatsWords(reason: string, item: FeedbackRow): boolean {
  const r = reason.toLowerCase();
  return [item.text, item.publicText, item.livePublicText].some(
    (w) => w.trim().length >= 4 && r.includes(w.trim().toLowerCase()),
  );
}

/**
 * A person's erasure of one item's words (the child asked, or they were typed by mistake).
 * `check` sees the current row inside the transaction and may refuse it.
 */
export async function eraseOnRequest(
  db: Db,
  actor: Actor,
  id: number,
  version: number,
  reason: string,
  now: Date,
  check: (item: FeedbackRow) => void,
): Promise<Erased> {
  return await eraseWords(
    db,
    actor,
    id,
    version,
    'request',
    reason,
    (item) => {
      check(item);
      return requestPlan(item);
    },
    now,
  );
}

export type RetentionRun = { cutoff: string; erased: number };

/** How many items' words the next run would erase. */
export async function dueNow(db: Db, now: Date): Promise<number> {
  const s = getSettings(db);
  return (await dueForRetention(db, retentionCutoff(dateIn(now, s.timeZone), s.retentionMonths), 100_000)).length;
}

/**
 * Erases the original words of every item whose loop closed more than the council's retention
 * period ago; the approved public words (if any), the answer and all counts stay. One transaction
 * per item, so a long first run never holds the database for long; one audit entry for the run.
 */
export async function runRetention(db: Db, actor: Actor, now: Date): Promise<RetentionRun> {
  const s = getSettings(db);
  const cutoff = retentionCutoff(dateIn(now, s.timeZone), s.retentionMonths);
  let erased = 0;
  const reason = `Loop closed more than ${s.retentionMonths} months ago`;
  for (;;) {
    const due = await dueForRetention(db, cutoff);
    if (due.length === 0) break;
    for (const item of due) {
      await eraseWords(
        db,
        actor,
        item.id,
        null,
        'retention',
        reason,
        (current) => retentionPlan(current, approvedPublicWords(current)),
        now,
      );
      erased++;
      // Each erase resolves without a turn of the event loop (better-sqlite3 answers at once), so
      // a first run over years of closed loops would answer nobody until it ended: let them in.
      await letOthersIn();
    }
  }
  if (erased > 0)
    await recordRetentionRun(db, actor, {
      summary: `Retention: erased the words of ${erased} ${erased === 1 ? 'item' : 'items'}`,
      erased,
      months: s.retentionMonths,
      closedBy: cutoff,
    });
  return { cutoff, erased };
}

const letOthersIn = () => new Promise((resolve) => setImmediate(resolve));

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Folds the WAL into the database file and truncates it, once no transaction is open on this
 * connection: the pages that held erased words are then overwritten in the file, and no older
 * copy of them is left in the WAL. Tries for about two seconds while other writes keep it busy;
 * false if it never got a complete checkpoint (the next one, at most a few seconds later, does).
 */
export async function forgetFreedPages(db: Db, tries = 40): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (!db.$client.inTransaction) {
      const [result] = db.$client.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      if (result?.busy === 0) return true;
    }
    await pause(50);
  }
  return false;
}
