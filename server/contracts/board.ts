// The Corporate Parenting Board: its meetings, the RAG ratings it gives each promise, the
// challenges it sets, and the summary it reads before each meeting.
import { z } from 'zod';
import { escalatedItem } from './reminders.js';
import { isoDate, pageOf, pageQuery, queryBool, ragRating, shortText, timestamps, trend, version } from './common.js';

/** Who attended, by role only: the board pack counts people, it never names them. */
export const attendanceRole = z.enum(['councillor', 'officer', 'partner', 'young_person', 'other']);
export type AttendanceRole = z.infer<typeof attendanceRole>;

const attendance = z
  .array(z.object({ role: attendanceRole, count: z.number().int().min(0).max(500) }).strict())
  .max(attendanceRole.options.length)
  .refine((rows) => new Set(rows.map((r) => r.role)).size === rows.length, 'List each role once');

const id = z.number().int().positive();

export const boardMeeting = z.object({
  id: z.number().int(),
  meetingDate: z.string(),
  title: z.string(),
  focusThemeId: z.number().int().nullable(),
  attendance: z.array(z.object({ role: z.string(), count: z.number().int() })),
  notes: z.string(),
  ...timestamps,
});
export type BoardMeeting = z.infer<typeof boardMeeting>;

// Fields without defaults: a partial update must never reset a field it did not send.
const meetingFields = z.object({
  meetingDate: isoDate,
  title: shortText(200),
  focusThemeId: id.nullable(),
  attendance,
  notes: z.string().trim().max(20_000),
});

export const boardMeetingCreate = meetingFields.partial({ focusThemeId: true, attendance: true, notes: true });
export type BoardMeetingCreate = z.infer<typeof boardMeetingCreate>;

export const boardMeetingUpdate = meetingFields.partial().extend({ version });
export type BoardMeetingUpdate = z.infer<typeof boardMeetingUpdate>;

export const boardMeetingQuery = z.object({ ...pageQuery });
export const boardMeetingList = pageOf(boardMeeting);

export const ragReview = z.object({
  id: z.number().int(),
  meetingId: z.number().int(),
  promiseId: z.number().int(),
  rating: ragRating,
  suggestedRating: ragRating.nullable(),
  rationale: z.string(),
  /** The meeting's date: a rating is decided when the board meets. */
  decidedOn: z.string(),
  ...timestamps,
});
export type RagReview = z.infer<typeof ragReview>;

export const ragReviewPut = z
  .object({
    rating: ragRating,
    suggestedRating: ragRating.nullable().optional(),
    rationale: z.string().trim().max(4000).optional(),
    /** Send the version you saw when changing a rating already recorded at this meeting. */
    version: version.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.suggestedRating && v.rating !== v.suggestedRating && !v.rationale)
      ctx.addIssue({
        code: 'custom',
        path: ['rationale'],
        message: `Say why the board chose ${v.rating} rather than the suggested ${v.suggestedRating}`,
      });
  });
export type RagReviewPut = z.infer<typeof ragReviewPut>;

export const ragReviewHistoryItem = ragReview.extend({ meetingTitle: z.string() });
export const ragReviewQuery = z.object({ promiseId: z.coerce.number().int().positive(), ...pageQuery });
export const ragReviewList = pageOf(ragReviewHistoryItem);

export const challenge = z.object({
  id: z.number().int(),
  meetingId: z.number().int(),
  promiseId: z.number().int().nullable(),
  ownerId: z.number().int().nullable(),
  text: z.string(),
  dueDate: z.string(),
  answer: z.string(),
  closedOn: z.string().nullable(),
  ...timestamps,
});
export type Challenge = z.infer<typeof challenge>;

export const challengeCreate = z.object({
  promiseId: id.nullable().optional(),
  ownerId: id.nullable().optional(),
  text: shortText(4000),
  dueDate: isoDate,
});
export type ChallengeCreate = z.infer<typeof challengeCreate>;

/** The owner of a challenge may send only answer and closedOn; the board and admins may send any. */
export const challengeUpdate = z.object({
  version,
  promiseId: id.nullable().optional(),
  ownerId: id.nullable().optional(),
  text: shortText(4000).optional(),
  dueDate: isoDate.optional(),
  answer: z.string().trim().max(4000).optional(),
  /** Set with an answer to close; null reopens. */
  closedOn: isoDate.nullable().optional(),
});
export type ChallengeUpdate = z.infer<typeof challengeUpdate>;

export const challengeListItem = challenge.extend({
  meetingDate: z.string(),
  meetingTitle: z.string(),
  /** Open and past its due date. */
  overdue: z.boolean(),
});
export type ChallengeListItemDto = z.infer<typeof challengeListItem>;
export const challengeQuery = z.object({
  /** true: open only (matters arising); false: closed only. */
  open: queryBool.optional(),
  /** Only challenges set at meetings held before this date. */
  before: isoDate.optional(),
  meetingId: z.coerce.number().int().positive().optional(),
  promiseId: z.coerce.number().int().positive().optional(),
  ownerId: z.coerce.number().int().positive().optional(),
  ...pageQuery,
});
export const challengeList = pageOf(challengeListItem);

export const boardMeetingDetail = boardMeeting.extend({
  reviews: z.array(ragReview),
  challenges: z.array(challenge),
});
export type BoardMeetingDetail = z.infer<typeof boardMeetingDetail>;

const ragAt = z.object({ rating: ragRating, decidedOn: z.string(), meetingId: z.number().int() });

/** How well the loop is closed, over a set of feedback. */
const loopFigures = {
  /** Linked feedback with no response yet. */
  awaitingResponse: z.number().int(),
  /** Of those, waiting longer than the council's answer target. */
  awaitingOverTarget: z.number().int(),
  medianDaysToRespond: z.number().nullable(),
  medianDaysToFeedBack: z.number().nullable(),
  /** Answered within target, out of answered plus waiting past target; null when none. */
  shareWithinTarget: z.number().nullable(),
};

/** One reason behind a suggested RAG, in words a councillor can check. */
export const ragReason = z.object({
  rule: z.enum(['empty', 'delivery', 'atRisk', 'stale', 'target', 'trend', 'feedback', 'complete']),
  rating: ragRating,
  text: z.string(),
  about: z.array(z.string()),
});
export const ragSuggestion = z.object({ rating: ragRating, reasons: z.array(ragReason) });
export type RagSuggestionDto = z.infer<typeof ragSuggestion>;

/**
 * A suggestion as the dashboard lists it: each reason's words, without the names of every action
 * or measure it is about. Those names were three fifths of the summary's bytes; they stay on the
 * promise's own suggestion (GET /board/promises/:id/suggestion) and in the board pack.
 */
export const ragSuggestionBrief = z.object({
  rating: ragRating,
  reasons: z.array(ragReason.pick({ rule: true, rating: true, text: true })),
});
export type RagSuggestionBrief = z.infer<typeof ragSuggestionBrief>;

/** Children's verdicts on a promise from the kiosk: counts only. */
export const boardVerdicts = z.object({
  kept: z.number().int(),
  gettingThere: z.number().int(),
  notYet: z.number().int(),
  total: z.number().int(),
  /** The verdict most children gave, or null when none (or a tie for first place). */
  leading: z.enum(['kept', 'getting_there', 'not_yet']).nullable(),
});
export type BoardVerdicts = z.infer<typeof boardVerdicts>;

export const attentionReason = z.enum(['red', 'worsening', 'disagreement', 'children_disagree']);
export type AttentionReason = z.infer<typeof attentionReason>;

export const boardSummaryPromise = z.object({
  id: z.number().int(),
  staffText: z.string(),
  audience: z.enum(['children_in_care', 'care_leavers', 'both']),
  ownerId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  suggested: ragSuggestion,
  /** Open actions with no update for longer than the council's stale threshold. */
  staleCommitments: z.number().int(),
  verdicts: boardVerdicts.nullable(),
  /** Why the board should look at this first; empty when nothing needs attention. */
  attention: z.array(attentionReason),
  latest: ragAt.nullable(),
  previous: ragAt.nullable(),
  /** null when the promise has never been rated. */
  trend: trend.nullable(),
  overdueCommitments: z.number().int(),
  ...loopFigures,
});

/** How many promises the board rated each colour at each meeting, oldest first. */
export const ragOverTime = z.array(
  z.object({
    meetingId: z.number().int(),
    meetingDate: z.string(),
    red: z.number().int(),
    amber: z.number().int(),
    green: z.number().int(),
    blue: z.number().int(),
  }),
);

const ragWord = z.object({ label: z.string(), meaning: z.string() });
export const ragDefinitions = z.object({ red: ragWord, amber: ragWord, green: ragWord, blue: ragWord });
export type RagDefinitions = z.infer<typeof ragDefinitions>;

const boardSummaryTheme = z.object({
  id: z.number().int(),
  name: z.string(),
  colour: z.string(),
  promises: z.array(boardSummaryPromise),
});

/** The summary as the server works it out: the board pack is built from it, reasons' names and all. */
export const boardSummary = z.object({
  today: z.string(),
  answerTargetDays: z.number().int(),
  definitions: ragDefinitions,
  ragOverTime,
  themes: z.array(boardSummaryTheme),
  totals: z.object({
    promises: z.number().int(),
    /** Over commitments of active promises. */
    overdueCommitments: z.number().int(),
    /** Over all feedback, linked or not. */
    ...loopFigures,
    feedback: z.number().int(),
    /** Feedback not linked to any promise. */
    unlinkedFeedback: z.number().int(),
  }),
});
export type BoardSummary = z.infer<typeof boardSummary>;

/** GET /board/summary: the summary with brief suggestions (see ragSuggestionBrief). */
export const boardSummaryAnswer = boardSummary.extend({
  themes: z.array(
    boardSummaryTheme.extend({ promises: z.array(boardSummaryPromise.extend({ suggested: ragSuggestionBrief })) }),
  ),
});
export type BoardSummaryAnswer = z.infer<typeof boardSummaryAnswer>;

/** The "how we decide the colour" page: the live thresholds and the rules written from them. */
export const ragRulesPage = z.object({
  definitions: ragDefinitions,
  thresholds: z.record(z.string(), z.number()),
  rules: z.array(
    z.object({
      rule: ragReason.shape.rule,
      title: z.string(),
      red: z.string(),
      amber: z.string(),
      green: z.string(),
      blue: z.string().nullable(),
    }),
  ),
});
export type RagRulesPage = z.infer<typeof ragRulesPage>;

export const promiseSuggestion = ragSuggestion.extend({
  promiseId: z.number().int(),
  latest: ragAt.nullable(),
  /** The suggestion differs from the board's last decision. */
  disagrees: z.boolean(),
});
export type PromiseSuggestion = z.infer<typeof promiseSuggestion>;

export const quorumStatus = z.object({
  quorate: z.boolean(),
  rule: z.object({ minCouncillors: z.number().int(), minPartners: z.number().int(), minTotal: z.number().int() }),
  councillors: z.number().int(),
  partners: z.number().int(),
  total: z.number().int(),
  /** What is missing, in words; empty when quorate. */
  shortfalls: z.array(z.string()),
});
export type QuorumStatus = z.infer<typeof quorumStatus>;

export const agendaItem = z.object({
  promiseId: z.number().int(),
  staffText: z.string(),
  themeId: z.number().int(),
  themeName: z.string(),
  attention: z.array(attentionReason),
  suggested: ragRating,
  latest: ragRating.nullable(),
});

export const boardMeetingFull = boardMeetingDetail.extend({
  quorum: quorumStatus,
  /** Promises needing attention (within the focus theme, if any), worst first. */
  agenda: z.array(agendaItem),
  /** Challenges from earlier meetings still open: they come back until closed with an answer. */
  mattersArising: z.array(challengeListItem),
  /** Commitments the escalation ladder has reached by the meeting, still open: listed under "Escalated". */
  escalated: z.array(escalatedItem),
});
export type BoardMeetingFull = z.infer<typeof boardMeetingFull>;
