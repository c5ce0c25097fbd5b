// Reminders: loads what is open, asks server/domain/reminders.ts who needs to do what today, and
// queues the emails: the weekly digest, the pre-board reminders and the escalation ladder's
// messages. Each email is written to the outbox in the same transaction as its reminder_sends
// row, whose unique key (person, kind, period) means a restart or a second server sends nothing
// twice. Used by the scheduler (server/plugins/reminder-schedule.ts), `npm run reminders` and
// the "needs doing" API.
import type { Db } from '../../db/client.js';
import { recordAudit, type Actor } from '../../db/repositories/audit.js';
import { openCommitments } from '../../db/repositories/my-actions.js';
import { nextForumSession } from '../../db/repositories/feedback-workflow.js';
import { enqueueMail } from '../../db/repositories/outbox.js';
import {
  alreadySent,
  allMeetings,
  claimSend,
  escalationsOf,
  feedbackNotFedBack,
  issueUpdateLink,
  measuresForReminders,
  noteOutbox,
  recordEscalation,
  redRatings,
  reminderPeople,
  type ReminderPerson,
} from '../../db/repositories/reminders.js';
import { getSettings, type SettingsRow } from '../../db/repositories/settings.js';
import { write } from '../../db/repositories/write.js';
import { dateIn } from '../domain/time.js';
import {
  boardCycles,
  digestsDue,
  itemsFor,
  needsDoing,
  rungsReached,
  type NeedsDoing,
  type ReminderCommitment,
  type Rung,
} from '../domain/reminders.js';
import { digestMail, escalationMail, RUNG_WORDS, type OutgoingReminder } from '../domain/reminder-mail.js';

/** How long a partner contact's update link works. */
export const UPDATE_LINK_DAYS = 7;
export const remindersActor: Actor = { id: null, email: 'reminders', ip: '' };

const SOURCE_WORDS: Record<string, string> = {
  forum: 'A forum',
  survey: 'A survey',
  complaint: 'A complaint',
  takeover_day: 'A takeover day',
  other: 'Feedback',
};

export type Loaded = {
  today: string;
  settings: SettingsRow;
  all: NeedsDoing[];
  commitments: (ReminderCommitment & { promiseId: number; progress: number; ownerName: string | null })[];
  meetings: { id: number; meetingDate: string }[];
};

/** Everything open today, judged by the domain rules. */
export async function loadNeedsDoing(db: Db, now: Date): Promise<Loaded> {
  const settings = getSettings(db);
  const today = dateIn(now, settings.timeZone);
  const forumNames = new Map(settings.forums.map((f) => [f.id, f.name]));
  const commitments = (await openCommitments(db)).map((c) => ({
    id: c.id,
    title: c.title,
    ownerId: c.ownerId,
    ownerName: c.ownerName,
    promiseId: c.promiseId,
    progress: c.progress,
    status: c.status,
    dueDate: c.dueDate,
    lastTouchedOn: dateIn(new Date(c.lastUpdateAt ?? c.createdAt), settings.timeZone),
  }));
  const feedback = await Promise.all(
    (await feedbackNotFedBack(db)).map(async (f) => ({
      id: f.id,
      title: (f.forumId && forumNames.get(f.forumId)) || SOURCE_WORDS[f.source] || 'Feedback',
      heardOn: f.heardOn,
      response: f.response,
      respondedOn: f.respondedOn,
      nextForumOn:
        f.response !== null && f.forumId && f.respondedOn
          ? await nextForumSession(db, f.forumId, f.respondedOn, today)
          : null,
    })),
  );
  const meetings = await allMeetings(db);
  const all = needsDoing(
    { commitments, measures: await measuresForReminders(db), feedback, meetings },
    {
      today,
      dueSoonDays: settings.dueSoonDays,
      staleAfterDays: settings.staleAfterDays,
      answerTargetDays: settings.answerTargetDays,
    },
  );
  return { today, settings, all, commitments, meetings };
}

const seesTeamList = (role: string) => role === 'participation';

/** One person's "needs doing" list, most urgent first (My actions, the worker's home, the counts). */
export async function needsDoingFor(db: Db, now: Date, user: { id: number; role: string }): Promise<NeedsDoing[]> {
  return itemsFor((await loadNeedsDoing(db, now)).all, user.id, seesTeamList(user.role));
}

export const itemPath = (item: Pick<NeedsDoing, 'entity' | 'id'>) =>
  item.entity === 'commitment'
    ? `/actions/commitments/${item.id}`
    : item.entity === 'measure'
      ? `/actions/measures/${item.id}`
      : `/feedback/${item.id}`;

export type PlannedReminder = {
  person: Pick<ReminderPerson, 'id' | 'email' | 'name'>;
  kind: 'weekly' | 'pre_board' | 'escalation';
  period: string;
  items: NeedsDoing[];
  board?: { meetingDate: string; daysBefore: number };
  escalation?: Escalation;
};

type Escalation = {
  commitmentId: number;
  title: string;
  ownerName: string;
  rung: Rung;
  cycles: number;
  toldUserId: number | null;
  status: string;
  progress: number;
};

/** Each rung of the ladder a commitment has reached today and not been told of before. */
async function newEscalations(db: Db, loaded: Loaded, people: Map<number, ReminderPerson>): Promise<Escalation[]> {
  const held = loaded.meetings.filter((m) => m.meetingDate <= loaded.today);
  const red = await redRatings(db);
  const reached = new Set((await escalationsOf(db)).map((e) => `${e.commitmentId}:${e.rung}`));
  const ladder = loaded.settings.escalationLadder;
  const out: Escalation[] = [];
  for (const c of loaded.commitments) {
    const cycles = boardCycles(c, held, red.get(c.promiseId) ?? new Set());
    for (const rung of rungsReached(cycles, ladder)) {
      if (reached.has(`${c.id}:${rung}`)) continue;
      const owner = c.ownerId === null ? undefined : people.get(c.ownerId);
      const toldUserId =
        rung === 'manager'
          ? (owner?.managerId ?? null)
          : rung === 'director'
            ? loaded.settings.directorId
            : loaded.settings.chairId;
      out.push({
        commitmentId: c.id,
        title: c.title,
        ownerName: c.ownerName ?? 'nobody yet',
        status: c.status,
        progress: c.progress,
        rung,
        cycles,
        toldUserId: toldUserId !== null && people.has(toldUserId) ? toldUserId : null,
      });
    }
  }
  return out;
}

/** What would be sent today, and to whom, leaving out what was sent already. Reads only. */
export async function planReminders(db: Db, now: Date): Promise<{ today: string; planned: PlannedReminder[] }> {
  const loaded = await loadNeedsDoing(db, now);
  const people = new Map((await reminderPeople(db)).map((p) => [p.id, p]));
  const planned: PlannedReminder[] = [];
  for (const due of digestsDue(loaded.today, loaded.settings.digestWeekday, loaded.meetings)) {
    for (const person of people.values()) {
      if (person.notify === 'none' || (due.kind === 'weekly' && person.notify !== 'weekly')) continue;
      const mine = itemsFor(loaded.all, person.id, seesTeamList(person.role));
      const items =
        due.kind === 'weekly'
          ? mine
          : itemsFor(
              loaded.all.filter((i) => i.kind === 'board_update' && i.date === due.meetingDate),
              person.id,
              false,
            );
      if (items.length === 0 || (await alreadySent(db, person.id, due.kind, due.period))) continue;
      planned.push({
        person,
        kind: due.kind,
        period: due.period,
        items,
        board: due.kind === 'pre_board' ? { meetingDate: due.meetingDate, daysBefore: due.daysBefore } : undefined,
      });
    }
  }
  for (const e of await newEscalations(db, loaded, people)) {
    const told = e.toldUserId === null ? undefined : people.get(e.toldUserId);
    // Nobody named for the rung: it is still recorded (and on the agenda) when sent.
    planned.push({
      person: told ?? { id: 0, email: '', name: '' },
      kind: 'escalation',
      period: `${e.commitmentId}-${e.rung}`,
      items: [],
      escalation: e,
    });
  }
  return { today: loaded.today, planned };
}

export type SendOptions = { publicUrl: string; mail: boolean };

/**
 * Queues today's reminders, each once. Returns how many emails were queued. With `mail` false
 * (no SMTP_URL) nothing is queued or recorded, except escalations, which the board needs either way.
 */
export async function sendReminders(
  db: Db,
  now: Date,
  options: SendOptions,
): Promise<{ queued: number; escalated: number }> {
  const { today, planned } = await planReminders(db, now);
  const settings = getSettings(db);
  const people = new Map((await reminderPeople(db)).map((p) => [p.id, p]));
  const base = options.publicUrl.replace(/\/+$/, '');
  let queued = 0;
  let escalated = 0;
  for (const plan of planned) {
    await write(db, async (tx) => {
      if (plan.escalation) {
        const e = plan.escalation;
        const told = plan.person.id ? plan.person : null;
        const note = `Escalated to ${RUNG_WORDS[e.rung].replace('their ', "the owner's ")}${told ? ` (${told.name})` : ', but nobody is named for it in settings'} after ${e.cycles} board ${e.cycles === 1 ? 'cycle' : 'cycles'} overdue or red.`;
        const row = await recordEscalation(
          tx,
          remindersActor,
          { commitmentId: e.commitmentId, rung: e.rung, cycles: e.cycles, toldUserId: told?.id ?? null },
          note,
          e.status,
          e.progress,
          today,
          now.toISOString(),
        );
        if (!row) return;
        escalated++;
        if (!told || !options.mail) return;
        const send = await claimSend(tx, told.id, plan.kind, plan.period);
        if (send === null) return;
        const mail = escalationMail({
          to: told.email,
          name: told.name,
          councilName: settings.councilName,
          rung: e.rung,
          cycles: e.cycles,
          title: e.title,
          ownerName: e.ownerName,
          link: `${base}/actions/commitments/${e.commitmentId}`,
        });
        await noteOutbox(tx, send, await enqueue(tx, mail, now));
        queued++;
        return;
      }
      if (!options.mail) return;
      const send = await claimSend(tx, plan.person.id, plan.kind, plan.period);
      if (send === null) return;
      const partner = people.get(plan.person.id)?.noPassword ?? false;
      const items = plan.items.map((item) => ({
        ...item,
        // A partner contact has no password: each commitment gets a fresh single-use link.
        link:
          partner && item.entity === 'commitment'
            ? `${base}/update#${issueUpdateLink(tx, plan.person.id, item.id, now, UPDATE_LINK_DAYS * 86_400_000)}`
            : `${base}${itemPath(item)}`,
      }));
      const mail = digestMail({
        to: plan.person.email,
        name: plan.person.name,
        councilName: settings.councilName,
        timeZone: settings.timeZone,
        items,
        settingsLink: partner ? `${base}/sign-in` : `${base}/my/notifications`,
        board: plan.board,
        linkDays: partner && items.some((i) => i.entity === 'commitment') ? UPDATE_LINK_DAYS : undefined,
      });
      await noteOutbox(tx, send, await enqueue(tx, mail, now));
      queued++;
    });
  }
  if (queued || escalated) {
    await write(
      db,
      async (tx) => await recordAudit(tx, remindersActor, 'send', 'reminders', today, null, { queued, escalated }),
    );
  }
  return { queued, escalated };
}

async function enqueue(tx: Parameters<typeof enqueueMail>[0], mail: OutgoingReminder, now: Date): Promise<number> {
  return (await enqueueMail(tx, mail, now)).id;
}
