// Builds the frozen snapshots a board pack is printed from. Pure: what was loaded, and the
// board summary worked out from it, in; the snapshot out. Nothing here reads the clock or the
// database, so a pack is exactly the evidence as at its date, and stays so.
import type { BoardSummary, ChallengeListItemDto, QuorumStatus } from '../contracts/board.js';
import { isOverdue } from './commitment-state.js';
import type {
  BoardPackSnapshot,
  ChildrenPackSnapshot,
  PackPromise,
  ProgressReportSnapshot,
} from '../contracts/board-pack.js';
import type { RagRating } from '../contracts/common.js';
import { childStatusOf } from './child-status.js';
import { suppressValue } from './small-numbers.js';
import { groupBy } from './group-by.js';
import { dateWords, type DateLanguage } from './date-words.js';
import { loopSentences } from './loop-words.js';

export type PackInput = {
  councilName: string;
  asAt: string;
  periodFrom: string;
  periodTo: string;
  smallNumberThreshold: number;
  ageBandLabel: (id: string) => string;
  summary: BoardSummary;
  themes: readonly { id: number; name: string; childName: string }[];
  promises: readonly { id: number; themeId: number; staffText: string; childText: string; ownerName: string | null }[];
  commitments: readonly {
    promiseId: number;
    title: string;
    childTitle: string;
    status: PackPromise['weWill'][number]['status'];
    progress: number;
    dueDate: string;
    childUpdate: string;
    childReason: string;
    ownerName: string | null;
    latestNote: string;
  }[];
  measures: readonly {
    promiseId: number;
    name: string;
    unit: 'count' | 'percent' | 'score';
    direction: 'higher' | 'lower' | 'context';
    target: number | null;
    values: readonly { period: string; periodEnd: string; value: number; base: number | null }[];
    councilWide?: boolean;
    /** The other promises it is linked to (numbers and staff words), shown beside it once. */
    alsoOn?: readonly string[];
  }[];
  linkedFeedback: readonly {
    promiseId: number | null;
    publicText: string;
    ageBand: string;
    heardOn: string;
    response: 'did' | 'doing' | 'cant' | null;
    responseText: string;
    respondedOn: string | null;
  }[];
  childrenToldUs: readonly { publicText: string; ageBand: string; heardOn: string }[];
};

/**
 * The evidence as it stood on `asOf`, the pack's one cut-off: a measure's figures for periods
 * ending after it, and anything heard after it, are left out. The suggestion's reasons, the
 * charts and their tables are all worked out from this, so a pack cannot say "latest 34" beside
 * a chart that stops at 29.
 */
export function evidenceAsOf<
  E extends {
    measures: readonly { values: readonly { periodEnd: string }[] }[];
    feedback: readonly { heardOn: string }[];
  },
>(evidence: E, asOf: string): E {
  return {
    ...evidence,
    measures: evidence.measures.map((m) => ({ ...m, values: m.values.filter((v) => v.periodEnd <= asOf) })),
    feedback: evidence.feedback.filter((f) => f.heardOn <= asOf),
  };
}

const YOU_SAID_LIMIT = 5;
const WE_DID_LIMIT = 5;

function byPromise<T extends { promiseId: number | null }>(rows: readonly T[]) {
  const map = groupBy(rows, (r) => r.promiseId);
  map.delete(null);
  return map as Map<number, T[]>;
}

function shownMeasures(input: PackInput, promiseId: number, measures: Map<number, PackInput['measures'][number][]>) {
  return (measures.get(promiseId) ?? []).map((m) => ({
    name: m.name,
    unit: m.unit,
    direction: m.direction,
    target: m.target,
    ...(m.councilWide ? { councilWide: true, alsoOn: [...(m.alsoOn ?? [])] } : {}),
    values: m.values
      .filter((v) => v.periodEnd <= input.periodTo)
      .map((v) => {
        const shown = suppressValue({ unit: m.unit, value: v.value, base: v.base }, input.smallNumberThreshold);
        return { period: v.period, value: shown.value, suppressed: shown.suppressed };
      }),
  }));
}

export function buildBoardPack(
  input: PackInput & {
    meeting: BoardPackSnapshot['meeting'];
    quorum: QuorumStatus | null;
    mattersArising: readonly (ChallengeListItemDto & { ownerName: string | null; promise: string | null })[];
    /** What the board decided at this meeting: empty until it has met. */
    decisions: readonly { promiseId: number; rating: RagRating; rationale: string }[];
    /** The challenges the board set at this meeting. */
    challengesSet: readonly {
      text: string;
      promise: string | null;
      ownerName: string | null;
      dueDate: string;
      answer: string;
      closedOn: string | null;
    }[];
  },
): BoardPackSnapshot {
  const commitments = byPromise(input.commitments);
  const measures = byPromise(input.measures);
  const feedback = byPromise(input.linkedFeedback);
  const summaryById = new Map(input.summary.themes.flatMap((t) => t.promises.map((p) => [p.id, p] as const)));
  const ragCounts = { red: 0, amber: 0, green: 0, blue: 0, notRated: 0 };
  const exceptions: BoardPackSnapshot['exceptions'] = [];

  const promiseOf = (p: PackInput['promises'][number]): PackPromise | null => {
    const s = summaryById.get(p.id);
    if (!s) return null;
    const decided = s.latest?.rating ?? null;
    if (decided) ragCounts[decided] += 1;
    else ragCounts.notRated += 1;
    const weWill = (commitments.get(p.id) ?? []).map((c) => ({
      title: c.title,
      status: c.status,
      progress: c.progress,
      dueDate: c.dueDate,
      overdue: isOverdue(c, input.asAt),
      ownerName: c.ownerName,
      note: c.latestNote,
    }));
    if (decided === 'red' || s.trend === 'worse')
      exceptions.push({
        promiseId: p.id,
        staffText: p.staffText,
        rating: decided ?? s.suggested.rating,
        trend: s.trend,
        ownerName: p.ownerName,
        commentary: weWill.filter((c) => c.note).map((c) => `${c.title}: ${c.note}`),
      });
    const said = feedback.get(p.id) ?? [];
    return {
      id: p.id,
      staffText: p.staffText,
      ownerName: p.ownerName,
      decided,
      decidedOn: s.latest?.decidedOn ?? null,
      suggested: s.suggested,
      trend: s.trend,
      verdicts: s.verdicts,
      childrenDisagree: s.attention.includes('children_disagree'),
      youSaid: said
        .filter((f) => f.publicText)
        .slice(0, YOU_SAID_LIMIT)
        .map((f) => ({ text: f.publicText, ageBand: input.ageBandLabel(f.ageBand), heardOn: f.heardOn })),
      weWill,
      howWeWillKnow: shownMeasures(input, p.id, measures),
      weDid: said
        .filter((f) => f.response && f.responseText)
        .slice(0, WE_DID_LIMIT)
        .map((f) => ({ text: f.responseText, on: f.respondedOn })),
      loop: {
        awaitingResponse: s.awaitingResponse,
        awaitingOverTarget: s.awaitingOverTarget,
        medianDaysToRespond: s.medianDaysToRespond,
        shareWithinTarget: s.shareWithinTarget,
      },
    };
  };

  const themes = input.themes
    .map((t) => ({
      name: t.name,
      promises: input.promises
        .filter((p) => p.themeId === t.id)
        .map(promiseOf)
        .filter((p): p is PackPromise => p !== null),
    }))
    .filter((t) => t.promises.length > 0);

  // Red first, then worsening; in each, the order the promises are listed.
  const rank = (e: BoardPackSnapshot['exceptions'][number]) => (e.rating === 'red' ? 0 : 1);
  exceptions.sort((a, b) => rank(a) - rank(b));

  const totals = input.summary.totals;
  const loopTotals = {
    // Every item heard is answered or still waiting (safeguarding-flagged ones left out of both).
    answered: totals.feedback - totals.awaitingResponse,
    awaitingResponse: totals.awaitingResponse,
    awaitingOverTarget: totals.awaitingOverTarget,
    medianDaysToRespond: totals.medianDaysToRespond,
    shareWithinTarget: totals.shareWithinTarget,
  };
  return {
    kind: 'board',
    councilName: input.councilName,
    asAt: input.asAt,
    periodFrom: input.periodFrom,
    periodTo: input.periodTo,
    meeting: input.meeting,
    quorum: input.quorum,
    definitions: input.summary.definitions,
    answerTargetDays: input.summary.answerTargetDays,
    ragCounts,
    exceptions,
    themes,
    loopTotals,
    loopWords: loopSentences({ ...loopTotals, targetDays: input.summary.answerTargetDays }),
    mattersArising: input.mattersArising.map((c) => ({
      text: c.text,
      promise: c.promise,
      ownerName: c.ownerName,
      dueDate: c.dueDate,
      overdue: c.overdue,
      setAt: `${c.meetingTitle} (${dateWords(c.meetingDate)})`,
    })),
    decisions: input.decisions.flatMap((d) => {
      const promise = input.promises.find((p) => p.id === d.promiseId);
      return promise ? [{ promise: promise.staffText, rating: d.rating, rationale: d.rationale }] : [];
    }),
    challengesSet: input.challengesSet.map((c) => ({
      text: c.text,
      promise: c.promise,
      ownerName: c.ownerName,
      dueDate: c.dueDate,
      dueWords: dateWords(c.dueDate),
      answer: c.answer,
      closed: c.closedOn !== null,
    })),
    childrenToldUs: input.childrenToldUs
      .filter((f) => f.publicText)
      .map((f) => ({ text: f.publicText, ageBand: input.ageBandLabel(f.ageBand), heardOn: f.heardOn })),
  };
}

export type ChildrenPackInput = {
  councilName: string;
  asAt: string;
  lang?: DateLanguage;
  childAgeBandLabel: (id: string) => string;
  /** Approved children's words only, from the public door (db/repositories/public.ts). */
  words: ChildrenPackWords;
};

export type ChildrenPackWords = {
  themes: readonly { id: number; name: string }[];
  promises: readonly { id: number; themeId: number; text: string }[];
  commitments: readonly {
    promiseId: number;
    text: string;
    status: PackPromise['weWill'][number]['status'];
    update: string;
    reason: string;
  }[];
  linked: readonly { promiseId: number; youSaid: string; weDid: string }[];
  toldUs: readonly { youSaid: string; ageBand: string }[];
};

/** How a line reads to a person: the same words, whatever the spacing, capitals or full stop. */
const sameWords = (s: string) =>
  s
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.!。]+$/u, '')
    .toLowerCase();

/** The lines, each said once (first wording kept), leaving out blanks and any already said in `said`. */
export function distinctLines(lines: readonly string[], said: readonly string[] = []): string[] {
  const seen = new Set(said.map(sameWords).filter(Boolean));
  const out: string[] = [];
  for (const line of lines) {
    const key = sameWords(line);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(line.trim().replace(/\s+/g, ' '));
  }
  return out;
}

/**
 * The same pack for the children in care council: the promise in the children's words, actions
 * as Done / Doing it / Not started yet, answers given; no colours, no ratings, no owners' names.
 * Only words a person approved for children: nothing staff wrote stands in for them.
 */
export function buildChildrenPack(input: ChildrenPackInput): ChildrenPackSnapshot {
  const { words } = input;
  const commitments = groupBy(words.commitments, (c) => c.promiseId);
  const linked = groupBy(words.linked, (f) => f.promiseId);
  const themes = words.themes
    .map((t) => ({
      name: t.name,
      promises: words.promises
        .filter((p) => p.themeId === t.id)
        .map((p) => {
          const said = linked.get(p.id) ?? [];
          return {
            text: p.text,
            weWill: (commitments.get(p.id) ?? []).map((c) => ({
              text: c.text,
              status: childStatusOf(c.status),
              update: c.status === 'dropped' ? c.reason : c.update,
            })),
            // One line per answer: the same answer given to several children is said once, however
            // it was spaced or finished, and an answer already said as an action's update is not
            // said again.
            weDid: distinctLines(
              said.map((f) => f.weDid),
              (commitments.get(p.id) ?? []).map((c) => (c.status === 'dropped' ? c.reason : c.update)),
            ).slice(0, WE_DID_LIMIT),
            youSaid: said.map((f) => f.youSaid).slice(0, YOU_SAID_LIMIT),
          };
        }),
    }))
    .filter((t) => t.promises.length > 0);
  return {
    kind: 'children',
    councilName: input.councilName,
    asAt: input.asAt,
    asAtWords: dateWords(input.asAt, input.lang ?? 'en'),
    ...(input.lang === 'cy' && { lang: 'cy' as const }),
    themes,
    childrenToldUs: words.toldUs.map((f) => ({ text: f.youSaid, ageBand: input.childAgeBandLabel(f.ageBand) })),
  };
}

/** The six-monthly report to scrutiny and full council: what the board decided and what moved. */
export function buildProgressReport(
  input: PackInput & {
    reviews: readonly { promiseId: number; rating: RagRating; decidedOn: string }[];
    /** Feedback linked to each promise and heard in the period: how many, and how many answered. */
    heard: readonly { promiseId: number; heard: number; answered: number }[];
  },
): ProgressReportSnapshot {
  const commitments = byPromise(input.commitments);
  const measures = byPromise(input.measures);
  const reviews = byPromise(input.reviews);
  const heard = new Map(input.heard.map((h) => [h.promiseId, h]));
  const summaryById = new Map(input.summary.themes.flatMap((t) => t.promises.map((p) => [p.id, p] as const)));
  const themes = input.themes
    .map((t) => ({
      name: t.name,
      promises: input.promises
        .filter((p) => p.themeId === t.id && summaryById.has(p.id))
        .map((p) => {
          const cs = commitments.get(p.id) ?? [];
          const open = cs.filter((c) => !['done', 'dropped'].includes(c.status));
          return {
            staffText: p.staffText,
            ownerName: p.ownerName,
            ratings: (reviews.get(p.id) ?? [])
              .filter((r) => r.decidedOn >= input.periodFrom && r.decidedOn <= input.periodTo)
              .sort((a, b) => a.decidedOn.localeCompare(b.decidedOn))
              .map((r) => ({ rating: r.rating, decidedOn: r.decidedOn })),
            suggested: summaryById.get(p.id)!.suggested.rating,
            actionsDone: cs.filter((c) => c.status === 'done').length,
            actionsOpen: open.length,
            actionsOverdue: open.filter((c) => c.dueDate < input.asAt).length,
            heard: heard.get(p.id)?.heard ?? 0,
            answered: heard.get(p.id)?.answered ?? 0,
            measures: shownMeasures(input, p.id, measures).map((m) => ({
              ...m,
              values: m.values.filter((v) => {
                const end = input.measures.find((x) => x.promiseId === p.id && x.name === m.name);
                const period = end?.values.find((x) => x.period === v.period);
                return period ? period.periodEnd >= input.periodFrom : true;
              }),
            })),
          };
        }),
    }))
    .filter((t) => t.promises.length > 0);
  return {
    kind: 'progress',
    councilName: input.councilName,
    asAt: input.asAt,
    periodFrom: input.periodFrom,
    periodTo: input.periodTo,
    definitions: input.summary.definitions,
    themes,
  };
}

/** Stands where an approved Welsh version is missing in the Welsh children's pack. */
export const WELSH_NOT_YET = 'Does dim fersiwn Gymraeg wedi’i chymeradwyo eto.';
