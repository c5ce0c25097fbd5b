// The suggested RAG for a promise, from its evidence, with the reasons in plain English.
// Pure: plain data and "today" in, a rating and its reasons out. The board decides; this only
// suggests, so every colour it gives must be explained in words a councillor can check.
//
// describeRules() writes the "how we decide the colour" page from the same thresholds and the
// same wording helpers the rules use, so the page cannot drift from what the rules do.
import type { RagRating } from '../contracts/common.js';
import { isClosed, isOverdue } from './commitment-state.js';
import { loopMetrics } from './loop-metrics.js';
import { againstTarget, measureTrend, type Direction, betterWhen } from './measure-trend.js';
import { ragRank } from './rag-trend.js';
import type { MeasureUnit } from './small-numbers.js';
import { dateIn, daysBetween } from './time.js';

export type CommitmentStatus = 'not_started' | 'on_track' | 'at_risk' | 'off_track' | 'done' | 'dropped';

export type RagCommitment = {
  title: string;
  status: CommitmentStatus;
  /** YYYY-MM-DD. Due today is not overdue; due yesterday is. */
  dueDate: string;
  /** The last dated update: a UTC ISO instant (as stored) or a YYYY-MM-DD date; null if none yet. */
  lastUpdateAt: string | null;
  /**
   * When the commitment was made (instant or date). Used instead of lastUpdateAt while there has
   * been no update, so a commitment made last week is not "stale" for want of an update.
   */
  createdAt?: string | null;
};

export type RagMeasure = {
  name: string;
  unit: MeasureUnit;
  direction: Direction;
  target: number | null;
  baseline: number | null;
  /** In period order, oldest first. A null is a figure not known (or hidden) for that period. */
  values: readonly { period: string; value: number | null }[];
};

export type RagFeedback = { heardOn: string; respondedOn: string | null };

/**
 * What the council can tune. Each pair reads "amber from X, red from Y" (at or above the figure).
 * A zero amber threshold means "any": one action overdue, any shortfall against a target.
 */
export type RagThresholds = {
  /** Actions overdue or off track, as a % of the promise's actions (dropped ones left out). */
  deliveryAmberPercent: number;
  deliveryRedPercent: number;
  /** An open action with no update for more than this many days is stale (amber). */
  staleAfterDays: number;
  /** Shortfall against target for % measures, in percentage points. */
  gapAmberPoints: number;
  gapRedPoints: number;
  /** Shortfall against target for counts and scores, as a % of the target. */
  gapAmberPercent: number;
  gapRedPercent: number;
  /** Children's words still unanswered after more than this many days have waited too long. */
  answerTargetDays: number;
  /** How many such items make the promise amber, and red. */
  waitingAmberCount: number;
  waitingRedCount: number;
};

export const DEFAULT_RAG_THRESHOLDS: Readonly<RagThresholds> = Object.freeze({
  deliveryAmberPercent: 0,
  deliveryRedPercent: 50,
  staleAfterDays: 60,
  gapAmberPoints: 0,
  gapRedPoints: 10,
  gapAmberPercent: 0,
  gapRedPercent: 20,
  answerTargetDays: 28,
  waitingAmberCount: 1,
  waitingRedCount: 5,
});

export type RagRuleId = 'empty' | 'delivery' | 'atRisk' | 'stale' | 'target' | 'trend' | 'feedback' | 'complete';

export type Reason = {
  rule: RagRuleId;
  rating: RagRating;
  text: string;
  /** What the reason is about: action titles or a measure's name, for drill-down. */
  about: string[];
};

export type RagInput = {
  /** YYYY-MM-DD in the council's time zone. */
  today: string;
  /** Missing keys take the defaults, so a council's saved overrides can be passed as they are. */
  thresholds?: Partial<RagThresholds>;
  commitments: readonly RagCommitment[];
  measures: readonly RagMeasure[];
  feedback: readonly RagFeedback[];
  /** Turns stored update instants into the council's calendar dates. */
  timeZone?: string;
};

export type RagSuggestion = { rating: RagRating; reasons: Reason[] };

// ---------------------------------------------------------------------------------------------
// Wording, shared by the rules and by describeRules().

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const actions = (n: number) => plural(n, 'action', 'actions');
const days = (n: number) => plural(n, 'day', 'days');
// Figures are floating point; show at most two decimals and no noise.
const num = (n: number) => String(Math.round(n * 100) / 100);
const points = (n: number) => `${num(n)} ${num(n) === '1' ? 'point' : 'points'}`;
const figure = (n: number, unit: MeasureUnit) => (unit === 'percent' ? `${num(n)}%` : num(n));
const betterWay = betterWhen;
const shortWord = (d: Direction) => (d === 'higher' ? 'below' : 'above');
const fromPercent = (p: number, what: string) => (p > 0 ? `${num(p)}% or more of ${what}` : `any of ${what}`);
const waitingFrom = (n: number) => (n <= 1 ? 'anything children said has' : `${n} or more things children said have`);
const fromGap = (shown: string, x: number) => (x > 0 ? `${shown} or more short of` : 'short of');

// A promise with no actions has nothing the council has done to show: never green, whatever its
// figures say, and this reason is read first.
const NOTHING = 'Nothing recorded yet';
const EMPTY_TEXT = `${NOTHING}: no actions or measures, so progress cannot be shown`;
const NO_ACTIONS_TEXT = `${NOTHING}: no actions, so figures alone cannot show the promise is being kept`;

// Tidy away floating-point noise such as 0.30000000000000004 before comparing with a threshold.
const tidy = (n: number) => Math.round(n * 1e6) / 1e6;
/** "At or above": `part / whole` reaches `percent`, compared without dividing. */
const reaches = (part: number, whole: number, percent: number) => tidy(part * 100) >= tidy(percent * whole);

// ---------------------------------------------------------------------------------------------
// The rules. Each returns its reasons; the suggestion is the worst rating among them.

function deliveryRule(commitments: readonly RagCommitment[], today: string, t: RagThresholds): Reason[] {
  const counted = commitments.filter((c) => c.status !== 'dropped');
  if (counted.length === 0) return [];
  const overdue = counted.filter((c) => isOverdue(c, today));
  const offTrack = counted.filter((c) => c.status === 'off_track');
  const slipping = counted.filter((c) => overdue.includes(c) || offTrack.includes(c));
  const n = slipping.length;
  const total = counted.length;
  if (n === 0) {
    const text = total === 1 ? 'The 1 action is on time' : `All ${actions(total)} on time`;
    return [{ rule: 'delivery', rating: 'green', text, about: [] }];
  }
  const what = offTrack.length === 0 ? 'overdue' : overdue.length === 0 ? 'off track' : 'overdue or off track';
  const rating: RagRating = reaches(n, total, t.deliveryRedPercent)
    ? 'red'
    : reaches(n, total, t.deliveryAmberPercent)
      ? 'amber'
      : 'green';
  return [{ rule: 'delivery', rating, text: `${n} of ${actions(total)} ${what}`, about: slipping.map((c) => c.title) }];
}

function atRiskRule(commitments: readonly RagCommitment[]): Reason[] {
  const atRisk = commitments.filter((c) => c.status === 'at_risk');
  if (atRisk.length === 0) return [];
  const one = atRisk.length === 1;
  const text = `${actions(atRisk.length)} ${one ? 'is' : 'are'} at risk, ${one ? 'its owner says' : 'their owners say'}`;
  return [{ rule: 'atRisk', rating: 'amber', text, about: atRisk.map((c) => c.title) }];
}

function staleRule(commitments: readonly RagCommitment[], today: string, timeZone: string, t: RagThresholds): Reason[] {
  const asDate = (s: string) => (s.length === 10 ? s : dateIn(new Date(s), timeZone));
  const stale = commitments.filter((c) => {
    if (isClosed(c.status)) return false;
    const since = c.lastUpdateAt ?? c.createdAt ?? null;
    // Never updated and no date it was made: nobody can say how it is going.
    return since === null || daysBetween(asDate(since), today) > t.staleAfterDays;
  });
  if (stale.length === 0) return [];
  const text = `${actions(stale.length)} ${stale.length === 1 ? 'has' : 'have'} had no update for over ${days(t.staleAfterDays)}`;
  return [{ rule: 'stale', rating: 'amber', text, about: stale.map((c) => c.title) }];
}

function latestOf(m: RagMeasure): number | null {
  return m.values.length ? (m.values[m.values.length - 1]!.value ?? null) : null;
}

/** How a shortfall against target rates: points for % measures, share of the target otherwise. */
function gapRating(m: RagMeasure, gap: number, t: RagThresholds): RagRating {
  if (m.unit === 'percent') {
    if (gap >= t.gapRedPoints) return 'red';
    return gap >= t.gapAmberPoints ? 'amber' : 'green';
  }
  // A target of zero has no size to measure a share against: any shortfall is amber.
  if (m.target === 0) return 'amber';
  const size = Math.abs(m.target!);
  if (reaches(gap, size, t.gapRedPercent)) return 'red';
  return reaches(gap, size, t.gapAmberPercent) ? 'amber' : 'green';
}

function targetRule(m: RagMeasure, t: RagThresholds): Reason[] {
  const latest = latestOf(m);
  const status = againstTarget(latest, m.target, m.direction);
  const about = [m.name];
  if (status.result === 'no target') return [];
  if (status.result === 'not enough data')
    return [{ rule: 'target', rating: 'amber', text: `${m.name} has a target but no latest figure yet`, about }];
  const target = m.target!;
  const figures = `target ${figure(target, m.unit)}, latest ${figure(latest!, m.unit)}`;
  if (status.result === 'met')
    return [{ rule: 'target', rating: 'green', text: `${m.name} meets its target (${figures})`, about }];
  const gap = status.gap!;
  const size = m.unit === 'percent' ? points(gap) : num(gap);
  // Counts and scores are judged as a share of the target, so say the share (none for a 0 target).
  const share = m.unit !== 'percent' && target !== 0 ? `, ${num((gap / Math.abs(target)) * 100)}% off target` : '';
  // Say which way is better only where "above target" might otherwise read as good news.
  const lowerNote = m.direction === 'lower' ? `, ${betterWay(m.direction)}` : '';
  const text = `${m.name} is ${size} ${shortWord(m.direction)} target (${figures}${share}${lowerNote})`;
  return [{ rule: 'target', rating: gapRating(m, gap, t), text, about }];
}

function trendRule(m: RagMeasure): Reason[] {
  const known = m.values.map((v) => v.value);
  const trend = measureTrend(known, m.direction);
  if (trend === 'not enough data') return [];
  const previous = known[known.length - 2]!;
  const latest = known[known.length - 1]!;
  const change = `${figure(previous, m.unit)} → ${figure(latest, m.unit)} (${betterWay(m.direction)})`;
  const about = [m.name];
  if (trend === 'improving')
    return [{ rule: 'trend', rating: 'green', text: `${m.name} is getting better: ${change}`, about }];
  if (trend === 'no change')
    return [{ rule: 'trend', rating: 'green', text: `${m.name} is holding steady: ${change}`, about }];
  // A dip that still meets the target is worth saying, but is not a reason to worry.
  if (againstTarget(latest, m.target, m.direction).result === 'met')
    return [
      {
        rule: 'trend',
        rating: 'green',
        text: `${m.name} is getting worse but still meets its target: ${change}`,
        about,
      },
    ];
  return [{ rule: 'trend', rating: 'amber', text: `${m.name} is getting worse: ${change}`, about }];
}

function feedbackRule(feedback: readonly RagFeedback[], today: string, t: RagThresholds): Reason[] {
  if (feedback.length === 0) return [];
  const rows = feedback.map((f) => ({ ...f, fedBackOn: null }));
  const late = loopMetrics(rows, today, t.answerTargetDays).waiting.filter((w) => w.overTarget).length;
  const limit = days(t.answerTargetDays);
  if (late === 0) {
    const text = `Nothing children said has waited more than ${limit} for an answer`;
    return [{ rule: 'feedback', rating: 'green', text, about: [] }];
  }
  const rating: RagRating = late >= t.waitingRedCount ? 'red' : late >= t.waitingAmberCount ? 'amber' : 'green';
  const things = late === 1 ? '1 thing children said has' : `${late} things children said have`;
  return [{ rule: 'feedback', rating, text: `${things} waited more than ${limit} for an answer`, about: [] }];
}

/** Blue needs every action done (dropped ones aside, at least one done) and every target met. */
function isComplete(commitments: readonly RagCommitment[], measures: readonly RagMeasure[]): boolean {
  const counted = commitments.filter((c) => c.status !== 'dropped');
  return (
    counted.length > 0 &&
    counted.every((c) => c.status === 'done') &&
    measures.every((m) => m.target == null || againstTarget(latestOf(m), m.target, m.direction).result === 'met')
  );
}

// Starts at green: blue is never the worst of anything, it is earned by isComplete().
const worst = (ratings: readonly RagRating[]): RagRating =>
  ratings.reduce<RagRating>((a, b) => (ragRank(b) < ragRank(a) ? b : a), 'green');

export function suggestRag(input: RagInput): RagSuggestion {
  const t: RagThresholds = { ...DEFAULT_RAG_THRESHOLDS, ...input.thresholds };
  const { today, commitments, feedback } = input;
  // A context figure (children looked after) is not judged: it gives no reason for any colour.
  const measures = input.measures.filter((m) => m.direction !== 'context');
  const progress = [
    ...deliveryRule(commitments, today, t),
    ...measures.flatMap((m) => [...targetRule(m, t), ...trendRule(m)]),
  ];
  // No actions (dropped ones aside): nothing recorded, whatever the figures say.
  const noActions = !commitments.some((c) => c.status !== 'dropped');
  if (noActions)
    progress.push({ rule: 'empty', rating: 'amber', text: measures.length ? NO_ACTIONS_TEXT : EMPTY_TEXT, about: [] });
  const reasons: Reason[] = [
    ...progress,
    ...atRiskRule(commitments),
    ...staleRule(commitments, today, input.timeZone ?? 'Europe/London', t),
    ...feedbackRule(feedback, today, t),
  ];
  let rating = worst(reasons.map((r) => r.rating));
  if (rating === 'green' && isComplete(commitments, measures)) {
    rating = 'blue';
    const targets = measures.some((m) => m.target != null) ? ' and every target met' : '';
    reasons.push({ rule: 'complete', rating: 'blue', text: `Complete: every action done${targets}`, about: [] });
  }
  // Worst first, so the board reads what needs attention before what is going well; except that
  // "Nothing recorded yet" always leads, because every other reason reads differently after it.
  const lead = (r: Reason) => (r.rule === 'empty' ? 0 : 1);
  reasons.sort((a, b) => lead(a) - lead(b) || ragRank(a.rating) - ragRank(b.rating));
  return { rating, reasons };
}

// ---------------------------------------------------------------------------------------------
// The "how we decide the colour" page.

export type RuleDescription = {
  rule: RagRuleId;
  title: string;
  red: string;
  amber: string;
  green: string;
  /** Only the completion rule can make a promise blue. */
  blue: string | null;
};

const NEVER = (colour: string) => `This rule never makes a promise ${colour} on its own.`;

export function describeRules(thresholds: Partial<RagThresholds> = {}): RuleDescription[] {
  const t: RagThresholds = { ...DEFAULT_RAG_THRESHOLDS, ...thresholds };
  const waited = `waited more than ${days(t.answerTargetDays)} for an answer`;
  return [
    {
      rule: 'delivery',
      title: 'Actions overdue or off track',
      red: `Red when ${fromPercent(t.deliveryRedPercent, 'the actions')} are overdue or off track (dropped actions are not counted).`,
      amber: `Amber when ${fromPercent(t.deliveryAmberPercent, 'the actions')} are overdue or off track.`,
      green: 'Green when every action is on time and none is off track.',
      blue: null,
    },
    {
      rule: 'atRisk',
      title: 'Actions their owners say are at risk',
      red: NEVER('red'),
      amber: 'Amber when any action is marked at risk by its owner.',
      green: 'No action is marked at risk.',
      blue: null,
    },
    {
      rule: 'stale',
      title: 'Actions with no recent update',
      red: `${NEVER('red')} An action with no update means we do not know how it is going, not that it is failing.`,
      amber: `Amber when any open action has had no update for more than ${days(t.staleAfterDays)}.`,
      green: `Every open action has been updated in the last ${days(t.staleAfterDays)}.`,
      blue: null,
    },
    {
      rule: 'target',
      title: 'Measures against their targets',
      red:
        `Red when a percentage measure is ${fromGap(points(t.gapRedPoints), t.gapRedPoints)} its target, ` +
        `or a count or score is ${fromGap(`${num(t.gapRedPercent)}%`, t.gapRedPercent)} its target.`,
      amber:
        `Amber when a percentage measure is ${fromGap(points(t.gapAmberPoints), t.gapAmberPoints)} its target, ` +
        `or a count or score is ${fromGap(`${num(t.gapAmberPercent)}%`, t.gapAmberPercent)} its target; ` +
        'also when a measure has a target but no latest figure, or a count with a target of 0 is above it.',
      green:
        'Green when the latest figure meets the target. "Short" follows the measure: ' +
        'below the target when higher is better, above it when lower is better.',
      blue: null,
    },
    {
      rule: 'trend',
      title: 'Which way each measure is heading',
      red: NEVER('red'),
      amber: 'Amber when the latest figure is worse than the one before and the target is not met.',
      green:
        'Green when the latest figure is better than or the same as the one before, ' +
        'or worse but still meeting its target. Better follows the measure: higher or lower.',
      blue: null,
    },
    {
      rule: 'feedback',
      title: 'Answering what children told us',
      red: `Red when ${waitingFrom(t.waitingRedCount)} ${waited}.`,
      amber: `Amber when ${waitingFrom(t.waitingAmberCount)} ${waited}.`,
      green: `Green when nothing children said has ${waited}.`,
      blue: null,
    },
    {
      rule: 'empty',
      title: 'Promises with nothing to show yet',
      red: NEVER('red'),
      amber:
        `Amber when a promise has no actions ("${NOTHING}" comes first in its reasons), even if ` +
        'its figures meet their targets. Dropped actions are not counted.',
      green: `${NEVER('green')} A promise with no actions is never suggested green.`,
      blue: null,
    },
    {
      rule: 'complete',
      title: 'The overall colour, and complete',
      red: 'The suggested colour is the worst colour any rule above gives.',
      amber: 'One amber reason is enough to make the suggestion amber, unless another reason is red.',
      green: 'Green only when every reason is green.',
      blue:
        'Blue (complete) when everything is green, every action is done (dropped actions aside, ' +
        'and at least one done) and every measure with a target meets it.',
    },
  ];
}
