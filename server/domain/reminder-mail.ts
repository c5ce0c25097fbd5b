// The reminder emails, as plain text. Like server/domain/mail-templates.ts, a template takes only
// what it names: staff titles of commitments and measures, where feedback was heard, dates,
// counts and links. There is no slot for what a child said.
import { dateWords } from './date-words.js';
import type { NeedsDoing, Rung } from './reminders.js';

export type ReminderMailItem = NeedsDoing & { link: string };
export type OutgoingReminder = { kind: string; to: string; subject: string; body: string };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One line saying why an item is listed, e.g. "Overdue by 3 days (due 12 June 2026)". */
export function reasonLine(item: NeedsDoing, timeZone: string): string {
  const on = (d: string | null) => (d ? dateWords(d, 'en', timeZone) : '');
  switch (item.kind) {
    case 'commitment_overdue':
      return `Overdue by ${plural(item.days, 'day')} (it was due ${on(item.date)})`;
    case 'commitment_due_soon':
      return item.days === 0 ? 'Due today' : `Due in ${plural(item.days, 'day')}, on ${on(item.date)}`;
    case 'commitment_stale':
      return `No update for ${plural(item.days, 'day')}`;
    case 'board_update':
      return `Not updated since the board last met; it meets on ${on(item.date)}`;
    case 'measure_due':
      return item.period ? `The figure for ${item.period} is due` : 'No figure has been entered yet';
    case 'feedback_over_target':
      return `Heard ${on(item.date)}: past its target, waiting ${plural(item.days, 'day')}`;
    case 'feedback_near_target':
      return `Heard ${on(item.date)}: nearing its answer target, waiting ${plural(item.days, 'day')}`;
    case 'feedback_not_fed_back':
      return `Heard ${on(item.date)}: answered, to be fed back at the next forum`;
  }
}

const entityWord = { commitment: 'Commitment', measure: 'Measure', feedback: 'Feedback' } as const;

function itemLines(items: readonly ReminderMailItem[], timeZone: string): string[] {
  return items.flatMap((item, i) => [
    `${i + 1}. ${entityWord[item.entity]}: ${item.title}`,
    `   ${reasonLine(item, timeZone)}`,
    `   ${item.link}`,
    '',
  ]);
}

export type DigestMail = {
  to: string;
  name: string;
  councilName: string;
  timeZone: string;
  items: readonly ReminderMailItem[];
  settingsLink: string;
  /** Set for a pre-board reminder: the meeting's date and how many days before it this is. */
  board?: { meetingDate: string; daysBefore: number };
  /** Partner contacts update by single-use links, which stop working after this many days. */
  linkDays?: number;
};

export function digestMail(m: DigestMail): OutgoingReminder {
  const n = m.items.length;
  const intro = m.board
    ? `The board meets on ${dateWords(m.board.meetingDate, 'en', m.timeZone)}. Please update ${n === 1 ? 'this' : 'these'} before then, so the board sees where things stand:`
    : `This is your weekly reminder from Promise Tracker at ${m.councilName}. ${plural(n, 'thing needs', 'things need')} you, most urgent first:`;
  const lines = [
    `Dear ${m.name},`,
    '',
    intro,
    '',
    ...itemLines(m.items, m.timeZone),
    ...(m.linkDays
      ? [
          `Each link lets you update that one commitment without a password. It works once and stops working after ${plural(m.linkDays, 'day')}; your next reminder brings new ones.`,
          '',
        ]
      : []),
    `Choose which reminders you get: ${m.settingsLink}`,
  ];
  return {
    kind: m.board ? 'reminder-board' : 'reminder-weekly',
    to: m.to,
    subject: m.board
      ? `The board meets on ${dateWords(m.board.meetingDate, 'en', m.timeZone)}: ${plural(n, 'update')} needed`
      : `Promise Tracker: ${plural(n, 'thing')} to do this week`,
    body: lines.join('\n'),
  };
}

export const RUNG_WORDS: Record<Rung, string> = {
  manager: 'their manager',
  director: "the director of children's services",
  chair: 'the board chair',
};

export type EscalationMail = {
  to: string;
  name: string;
  councilName: string;
  rung: Rung;
  cycles: number;
  title: string;
  ownerName: string;
  link: string;
};

export function escalationMail(m: EscalationMail): OutgoingReminder {
  const lines = [
    `Dear ${m.name},`,
    '',
    `A commitment at ${m.councilName} has been overdue or rated red for ${plural(m.cycles, 'board cycle')}, so it comes to you as ${RUNG_WORDS[m.rung]}:`,
    '',
    `Commitment: ${m.title}`,
    `Owner: ${m.ownerName}`,
    m.link,
    '',
    'The board\'s next agenda lists it under "Escalated".',
  ];
  return {
    kind: 'reminder-escalation',
    to: m.to,
    subject: `Escalated to you: a commitment ${plural(m.cycles, 'board cycle')} behind`,
    body: lines.join('\n'),
  };
}
