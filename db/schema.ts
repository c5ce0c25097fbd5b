// The database's source of truth. camelCase here, snake_case in SQL.
// Instants are UTC ISO strings; calendar dates are 'YYYY-MM-DD' strings.
// Every editable row carries a version for optimistic concurrency.
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, real, primaryKey, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * Approved copies of words children read. Staff edit the draft columns (child_title, public_text
 * ...); the public door reads only these, which change only when a person approves the draft.
 */
const liveText = (name: string) => text(name).notNull().default('');
function liveWords<K extends string>(columns: Record<K, string>) {
  return Object.fromEntries(Object.entries<string>(columns).map(([key, name]) => [key, liveText(name)])) as Record<
    K,
    ReturnType<typeof liveText>
  >;
}

const timestamps = {
  version: integer('version').notNull().default(1),
  createdAt: text('created_at').notNull().default(now),
  updatedAt: text('updated_at').notNull().default(now),
};

/** childLabelCy: the children's label in Welsh, for the kiosk ('' or absent: not written yet). */
export type AgeBand = { id: string; label: string; childLabel: string; childLabelCy?: string };
export type Forum = {
  id: string;
  name: string;
  audience: 'children_in_care' | 'care_leavers' | 'both';
  frequency: string;
  active: boolean;
};
export type RagWording = Record<'red' | 'amber' | 'green' | 'blue', { label: string; meaning: string }>;
export type QuorumRule = { minCouncillors: number; minPartners: number; minTotal: number };

/** One row (id = 1): everything a council configures. */
export const settings = sqliteTable('settings', {
  id: integer('id').primaryKey(),
  councilName: text('council_name').notNull(),
  nation: text('nation', { enum: ['england', 'wales'] }).notNull(),
  /** The council's name in Welsh, for the Welsh kiosk and sheet ('' = not written: the English is used). */
  councilNameCy: text('council_name_cy').notNull().default(''),
  /**
   * Children see Welsh (the kiosk's Cymraeg button, Welsh sheets) and staff forms ask for it. Set
   * on for councils in Wales when the row is made (and by the migration); any council can change it.
   */
  useWelsh: integer('use_welsh', { mode: 'boolean' }).notNull().default(false),
  timeZone: text('time_zone').notNull().default('Europe/London'),
  ageBands: text('age_bands', { mode: 'json' }).$type<AgeBand[]>().notNull(),
  forums: text('forums', { mode: 'json' }).$type<Forum[]>().notNull(),
  answerTargetDays: integer('answer_target_days').notNull().default(28),
  smallNumberThreshold: integer('small_number_threshold').notNull().default(5),
  staleAfterDays: integer('stale_after_days').notNull().default(60),
  dueSoonDays: integer('due_soon_days').notNull().default(14),
  ragWording: text('rag_wording', { mode: 'json' }).$type<RagWording>().notNull(),
  quorum: text('quorum', { mode: 'json' }).$type<QuorumRule>().notNull(),
  /** Council overrides of the RAG suggestion thresholds (server/domain/rag-rules.ts); {} = defaults. */
  ragThresholds: text('rag_thresholds', { mode: 'json' })
    .$type<Record<string, number>>()
    .notNull()
    .default(sql`'{}'`),
  watchWords: text('watch_words', { mode: 'json' })
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'`),
  localNames: text('local_names', { mode: 'json' })
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'`),
  /** Single sign-on: a group id from the provider's `groups` claim and the role it gives a new account. */
  ssoGroupRoles: text('sso_group_roles', { mode: 'json' })
    .$type<Record<string, UserRole>>()
    .notNull()
    .default(sql`'{}'`),
  /** Off once single sign-on works: then only accounts made on the command line sign in with a password. */
  localPasswords: integer('local_passwords', { mode: 'boolean' }).notNull().default(true),
  /** Months after an item's loop closed (fed back) before its original words are erased. */
  retentionMonths: integer('retention_months').notNull().default(24),
  /** Reminders: the weekday digests go out on (1 Monday … 7 Sunday, ISO). */
  digestWeekday: integer('digest_weekday').notNull().default(1),
  /** Reminders: after how many board cycles overdue or red each rung of the escalation ladder is told. */
  escalationLadder: text('escalation_ladder', { mode: 'json' })
    .$type<EscalationLadder>()
    .notNull()
    .default(sql`'{"manager":1,"director":2,"chair":3}'`),
  /** Reminders: the director of children's services and the board chair, rungs 2 and 3 of the ladder. */
  directorId: integer('director_id'),
  chairId: integer('chair_id'),
  /**
   * The council's designated safeguarding lead, shown wherever a participation worker flags or
   * reads a possible disclosure ('' = not named yet).
   */
  safeguardingLeadName: text('safeguarding_lead_name').notNull().default(''),
  safeguardingLeadRole: text('safeguarding_lead_role').notNull().default(''),
  safeguardingLeadPhone: text('safeguarding_lead_phone').notNull().default(''),
  safeguardingLeadEmail: text('safeguarding_lead_email').notNull().default(''),
  ...timestamps,
});

export type EscalationLadder = { manager: number; director: number; chair: number };
export type NotifyChoice = 'weekly' | 'board_only' | 'none';

export type UserRole = 'admin' | 'participation' | 'owner' | 'board' | 'viewer';

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['admin', 'participation', 'owner', 'board', 'viewer'] }).notNull(),
    jobTitle: text('job_title').notNull().default(''),
    /** Partner agency for owners outside the council (health, housing, education, police). */
    agency: text('agency').notNull().default('Council'),
    passwordHash: text('password_hash'),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lockedUntil: text('locked_until'),
    /** May be named owner of a commitment or measure. Set from the role when the account is made. */
    canOwnActions: integer('can_own_actions', { mode: 'boolean' }).notNull().default(false),
    /**
     * Made or reset on the command line (`npm run user`): may sign in with a password even when
     * the council has turned local passwords off, so there is always a way back in.
     */
    localAlways: integer('local_always', { mode: 'boolean' }).notNull().default(false),
    /** Who is told first when this person's commitment is escalated (reminders' ladder, rung 1). */
    managerId: integer('manager_id'),
    /** Which reminder emails the person wants: the weekly digest (and pre-board), only pre-board, or none. */
    notify: text('notify', { enum: ['weekly', 'board_only', 'none'] })
      .notNull()
      .default('weekly'),
    ...timestamps,
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const themes = sqliteTable('themes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  childName: text('child_name').notNull(),
  nameCy: text('name_cy').notNull().default(''),
  childNameCy: text('child_name_cy').notNull().default(''),
  /** The same words for children: the children's name is the staff name, still approved before it shows. */
  sameWords: integer('same_words', { mode: 'boolean' }).notNull().default(false),
  ...liveWords({ liveChildName: 'live_child_name', liveChildNameCy: 'live_child_name_cy' }),
  sortOrder: integer('sort_order').notNull().default(0),
  colour: text('colour').notNull().default('#1d70b8'),
  /** The picture on the theme's kiosk tile: the same set as themeIcons in server/contracts/themes.ts. */
  icon: text('icon', {
    enum: ['star', 'heart', 'people', 'home', 'book', 'speech', 'shield', 'sun', 'rocket', 'leaf'],
  })
    .notNull()
    .default('star'),
  archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
  ...timestamps,
});

export const promises = sqliteTable(
  'promises',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    themeId: integer('theme_id')
      .notNull()
      .references(() => themes.id),
    staffText: text('staff_text').notNull(),
    childText: text('child_text').notNull(),
    staffTextCy: text('staff_text_cy').notNull().default(''),
    childTextCy: text('child_text_cy').notNull().default(''),
    /** The same words for children: the children's text is the staff text, still approved before it shows. */
    sameWords: integer('same_words', { mode: 'boolean' }).notNull().default(false),
    ...liveWords({ liveChildText: 'live_child_text', liveChildTextCy: 'live_child_text_cy' }),
    audience: text('audience', { enum: ['children_in_care', 'care_leavers', 'both'] }).notNull(),
    /** Codes of the corporate parenting principles or Welsh well-being outcomes it serves. */
    principles: text('principles', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    ownerId: integer('owner_id').references(() => users.id),
    linkChampion: text('link_champion').notNull().default(''),
    strategyPeriod: text('strategy_period').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
    ...timestamps,
  },
  (t) => [index('promises_theme_idx').on(t.themeId)],
);

export const forumSessions = sqliteTable('forum_sessions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** A forum meeting (who came) or a survey (who answered); the contract holds each one's rules. */
  kind: text('kind', { enum: ['forum', 'survey'] })
    .notNull()
    .default('forum'),
  /** '' for a survey, which is not held at a forum. */
  forumId: text('forum_id').notNull(),
  heldOn: text('held_on').notNull(),
  attendance: integer('attendance').notNull().default(0),
  /** A survey's: how many answered, its year ("2026", "2025/26"), its title, the age bands it asked. */
  respondents: integer('respondents'),
  surveyYear: text('survey_year').notNull().default(''),
  title: text('title').notNull().default(''),
  ageBands: text('age_bands', { mode: 'json' })
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'`),
  notes: text('notes').notNull().default(''),
  createdById: integer('created_by_id').references(() => users.id),
  ...timestamps,
});

export const feedback = sqliteTable(
  'feedback',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The words as heard: staff-only, never public. */
    text: text('text').notNull(),
    source: text('source', {
      enum: ['forum', 'survey', 'complaint', 'takeover_day', 'other'],
    }).notNull(),
    forumId: text('forum_id'),
    forumSessionId: integer('forum_session_id').references(() => forumSessions.id),
    heardOn: text('heard_on').notNull(),
    ageBand: text('age_band').notNull(),
    loggedById: integer('logged_by_id').references(() => users.id),
    publicText: text('public_text').notNull().default(''),
    publishState: text('publish_state', { enum: ['draft', 'approved', 'withheld'] })
      .notNull()
      .default('draft'),
    approvedById: integer('approved_by_id').references(() => users.id),
    approvedAt: text('approved_at'),
    /** Why the worker judged the public text safe despite findings. */
    safeReason: text('safe_reason').notNull().default(''),
    safeguarding: integer('safeguarding', { mode: 'boolean' }).notNull().default(false),
    safeguardingToldWhom: text('safeguarding_told_whom').notNull().default(''),
    safeguardingToldAt: text('safeguarding_told_at'),
    response: text('response', { enum: ['did', 'doing', 'cant'] }),
    /** The answer, written for a child. */
    responseText: text('response_text').notNull().default(''),
    cantReason: text('cant_reason').notNull().default(''),
    /** The answer and the reason in Welsh: public only once approved, like the public text. */
    responseTextCy: text('response_text_cy').notNull().default(''),
    cantReasonCy: text('cant_reason_cy').notNull().default(''),
    /**
     * What the public sees: the words and answer as last approved (server/services/publishing.ts).
     * Editing the fields above changes the draft; these stay live until the change is approved.
     */
    ...liveWords({
      livePublicText: 'live_public_text',
      liveResponseText: 'live_response_text',
      liveCantReason: 'live_cant_reason',
      liveResponseTextCy: 'live_response_text_cy',
      liveCantReasonCy: 'live_cant_reason_cy',
    }),
    liveResponse: text('live_response', { enum: ['did', 'doing', 'cant'] }),
    liveRespondedOn: text('live_responded_on'),
    /** Why the public words were taken down, when and by whom: staff-only, never public. */
    withdrawnReason: text('withdrawn_reason').notNull().default(''),
    withdrawnAt: text('withdrawn_at'),
    withdrawnById: integer('withdrawn_by_id').references(() => users.id),
    respondedOn: text('responded_on'),
    fedBackOn: text('fed_back_on'),
    /** When its words were erased (on request or by retention); the audit says who, how and why. */
    wordsErasedAt: text('words_erased_at'),
    ...timestamps,
  },
  (t) => [
    index('feedback_heard_idx').on(t.heardOn),
    index('feedback_waiting_idx').on(t.fedBackOn, t.respondedOn, t.heardOn),
    // The waiting list's order: items not yet fed back, oldest heard first, without a sort.
    index('feedback_waiting_order_idx').on(t.fedBackOn, t.heardOn),
    index('feedback_forum_idx').on(t.forumId, t.heardOn),
    index('feedback_publish_idx').on(t.publishState, t.safeguarding),
  ],
);

export const commitments = sqliteTable(
  'commitments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    promiseId: integer('promise_id')
      .notNull()
      .references(() => promises.id),
    title: text('title').notNull(),
    childTitle: text('child_title').notNull().default(''),
    childTitleCy: text('child_title_cy').notNull().default(''),
    ownerId: integer('owner_id').references(() => users.id),
    dueDate: text('due_date').notNull(),
    status: text('status', {
      enum: ['not_started', 'on_track', 'at_risk', 'off_track', 'done', 'dropped'],
    })
      .notNull()
      .default('not_started'),
    progress: integer('progress').notNull().default(0),
    /** Why a commitment is dropped or stuck, in words a child understands. */
    childReason: text('child_reason').notNull().default(''),
    /** The latest update in words a child understands, for the kiosk. */
    childUpdate: text('child_update').notNull().default(''),
    childUpdateCy: text('child_update_cy').notNull().default(''),
    ...liveWords({
      liveChildTitle: 'live_child_title',
      liveChildTitleCy: 'live_child_title_cy',
      liveChildReason: 'live_child_reason',
      liveChildUpdate: 'live_child_update',
      liveChildUpdateCy: 'live_child_update_cy',
    }),
    lastUpdateAt: text('last_update_at'),
    archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
    ...timestamps,
  },
  (t) => [
    index('commitments_promise_idx').on(t.promiseId),
    index('commitments_owner_idx').on(t.ownerId),
    index('commitments_due_idx').on(t.status, t.dueDate),
  ],
);

/** Append-only history of a commitment: never updated, never deleted. */
export const commitmentUpdates = sqliteTable(
  'commitment_updates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    commitmentId: integer('commitment_id')
      .notNull()
      .references(() => commitments.id),
    note: text('note').notNull().default(''),
    status: text('status').notNull(),
    progress: integer('progress').notNull(),
    oldDueDate: text('old_due_date'),
    newDueDate: text('new_due_date'),
    dueDateReason: text('due_date_reason').notNull().default(''),
    authorId: integer('author_id').references(() => users.id),
    updatedOn: text('updated_on').notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('commitment_updates_commitment_idx').on(t.commitmentId, t.createdAt)],
);

export const feedbackPromises = sqliteTable(
  'feedback_promises',
  {
    feedbackId: integer('feedback_id')
      .notNull()
      .references(() => feedback.id, { onDelete: 'cascade' }),
    promiseId: integer('promise_id')
      .notNull()
      .references(() => promises.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.feedbackId, t.promiseId] }), index('feedback_promises_promise_idx').on(t.promiseId)],
);

export const feedbackCommitments = sqliteTable(
  'feedback_commitments',
  {
    feedbackId: integer('feedback_id')
      .notNull()
      .references(() => feedback.id, { onDelete: 'cascade' }),
    commitmentId: integer('commitment_id')
      .notNull()
      .references(() => commitments.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.feedbackId, t.commitmentId] }),
    index('feedback_commitments_commitment_idx').on(t.commitmentId),
  ],
);

export const measures = sqliteTable(
  'measures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    promiseId: integer('promise_id')
      .notNull()
      .references(() => promises.id),
    name: text('name').notNull(),
    childSentence: text('child_sentence').notNull().default(''),
    childSentenceCy: text('child_sentence_cy').notNull().default(''),
    ...liveWords({ liveChildSentence: 'live_child_sentence', liveChildSentenceCy: 'live_child_sentence_cy' }),
    unit: text('unit', { enum: ['count', 'percent', 'score'] }).notNull(),
    /** 'context': a figure for the whole picture, neither way better; never judged good or bad. */
    direction: text('direction', { enum: ['higher', 'lower', 'context'] }).notNull(),
    baseline: real('baseline'),
    target: real('target'),
    source: text('source').notNull().default(''),
    ownerId: integer('owner_id').references(() => users.id),
    /**
     * A figure for the whole council (children looked after), not one promise's: the board pack
     * shows it once among the council-wide figures. It still has a home promise (promiseId), whose
     * lead may enter its figures, and it is shown on every promise linked in measure_promises.
     */
    councilWide: integer('council_wide', { mode: 'boolean' }).notNull().default(false),
    archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
    ...timestamps,
  },
  (t) => [index('measures_promise_idx').on(t.promiseId)],
);

/** The other promises a measure is shown on, besides its home promise (measures.promiseId). */
export const measurePromises = sqliteTable(
  'measure_promises',
  {
    measureId: integer('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    promiseId: integer('promise_id')
      .notNull()
      .references(() => promises.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.measureId, t.promiseId] }), index('measure_promises_promise_idx').on(t.promiseId)],
);

export const measureValues = sqliteTable(
  'measure_values',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    measureId: integer('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    /** e.g. '2025-Q3', '2025-26', '2025-09'. */
    period: text('period').notNull(),
    periodEnd: text('period_end').notNull(),
    value: real('value').notNull(),
    /** How many children the figure is built on: drives small-number suppression. */
    base: integer('base'),
    englandAverage: real('england_average'),
    statNeighbours: real('stat_neighbours'),
    ...timestamps,
  },
  (t) => [uniqueIndex('measure_values_period_unique').on(t.measureId, t.period)],
);

export const evidence = sqliteTable(
  'evidence',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    promiseId: integer('promise_id')
      .notNull()
      .references(() => promises.id),
    kind: text('kind', { enum: ['case_study', 'quote', 'document'] }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    url: text('url').notNull().default(''),
    dated: text('dated').notNull(),
    addedById: integer('added_by_id').references(() => users.id),
    ...timestamps,
  },
  (t) => [index('evidence_promise_idx').on(t.promiseId)],
);

export const boardMeetings = sqliteTable(
  'board_meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingDate: text('meeting_date').notNull(),
    title: text('title').notNull(),
    focusThemeId: integer('focus_theme_id').references(() => themes.id),
    /** Who attended, by role only: [{ role: 'councillor', count: 5 }, ...]. */
    attendance: text('attendance', { mode: 'json' })
      .$type<{ role: string; count: number }[]>()
      .notNull()
      .default(sql`'[]'`),
    notes: text('notes').notNull().default(''),
    ...timestamps,
  },
  (t) => [index('board_meetings_date_idx').on(t.meetingDate)],
);

export const ragReviews = sqliteTable(
  'rag_reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => boardMeetings.id),
    promiseId: integer('promise_id')
      .notNull()
      .references(() => promises.id),
    rating: text('rating', { enum: ['red', 'amber', 'green', 'blue'] }).notNull(),
    suggestedRating: text('suggested_rating', { enum: ['red', 'amber', 'green', 'blue'] }),
    rationale: text('rationale').notNull().default(''),
    decidedOn: text('decided_on').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('rag_reviews_meeting_promise_unique').on(t.meetingId, t.promiseId),
    index('rag_reviews_promise_idx').on(t.promiseId, t.decidedOn),
  ],
);

export const challenges = sqliteTable(
  'challenges',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => boardMeetings.id),
    promiseId: integer('promise_id').references(() => promises.id),
    ownerId: integer('owner_id').references(() => users.id),
    text: text('text').notNull(),
    dueDate: text('due_date').notNull(),
    answer: text('answer').notNull().default(''),
    closedOn: text('closed_on'),
    ...timestamps,
  },
  (t) => [index('challenges_meeting_idx').on(t.meetingId), index('challenges_open_idx').on(t.closedOn)],
);

/** A board pack frozen as at its date: later edits never change a past pack. */
export const boardPacks = sqliteTable(
  'board_packs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id').references(() => boardMeetings.id),
    kind: text('kind', { enum: ['board', 'children', 'progress'] }).notNull(),
    asAt: text('as_at').notNull(),
    periodFrom: text('period_from'),
    periodTo: text('period_to'),
    snapshot: text('snapshot', { mode: 'json' }).notNull(),
    createdById: integer('created_by_id').references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('board_packs_meeting_idx').on(t.meetingId, t.kind)],
);

/** A children's verdict session at a forum, opened by a participation worker with a short PIN. */
export const ratingSessions = sqliteTable('rating_sessions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  pinHash: text('pin_hash').notNull(),
  forumId: text('forum_id'),
  startedById: integer('started_by_id').references(() => users.id),
  startedAt: text('started_at').notNull(),
  endedAt: text('ended_at'),
  expiresAt: text('expires_at').notNull(),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  /**
   * How many members the worker counted in the room when opening the session: no promise may
   * hold more verdicts than this. Null only for sessions opened before it was asked.
   */
  members: integer('members'),
});

/** One verdict per child's turn per promise, never more per promise than members present: counts only, never names. */
export const verdicts = sqliteTable(
  'verdicts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sessionId: integer('session_id')
      .notNull()
      .references(() => ratingSessions.id),
    promiseId: integer('promise_id')
      .notNull()
      .references(() => promises.id),
    verdict: text('verdict', { enum: ['kept', 'getting_there', 'not_yet'] }).notNull(),
    /** A random token for one child's turn on the kiosk, so a second tap replaces the first. */
    voterToken: text('voter_token').notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('verdicts_one_per_child_unique').on(t.sessionId, t.promiseId, t.voterToken),
    index('verdicts_promise_idx').on(t.promiseId),
  ],
);

/** Append-only: no API updates or deletes a row here. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull().default(now),
    userId: integer('user_id'),
    userEmail: text('user_email').notNull().default(''),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull().default(''),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    ip: text('ip').notNull().default(''),
  },
  (t) => [index('audit_entity_idx').on(t.entity, t.entityId), index('audit_at_idx').on(t.at)],
);

/**
 * Append-only, like the audit trail it belongs to. A survey import is one audit entry for the
 * whole file (who, when, how many), not one per row: per-row entries were three quarters of a
 * large import's write and buried everything else in the trail. This row keeps what each
 * imported item was made with, so an item's history still shows its own import entry.
 */
export const feedbackImports = sqliteTable(
  'feedback_imports',
  {
    auditId: integer('audit_id')
      .primaryKey()
      .references(() => auditLog.id),
    /** The file's items have every id from firstId to lastId: they were inserted one after another. */
    firstId: integer('first_id').notNull(),
    lastId: integer('last_id').notNull(),
    /** Every item's created and updated instant. */
    createdAt: text('created_at').notNull(),
    /** One array per item, in id order: the values IMPORTED_ROW_FIELDS names. */
    rows: text('rows', { mode: 'json' }).notNull().$type<unknown[][]>(),
  },
  (t) => [uniqueIndex('feedback_imports_first_unique').on(t.firstId)],
);

/** Responses remembered for Idempotency-Key retries. */
export const idempotencyKeys = sqliteTable('idempotency_keys', {
  key: text('key').primaryKey(),
  userId: integer('user_id'),
  method: text('method').notNull(),
  path: text('path').notNull(),
  statusCode: integer('status_code').notNull(),
  body: text('body').notNull(),
  /** SHA-256 of the request's body, so a retry with a different body is refused, not replayed. */
  requestHash: text('request_hash'),
  createdAt: text('created_at').notNull().default(now),
});

/**
 * Words waiting for a person to approve them before children see them: one row per record whose
 * draft differs from its live copy. The queue participation workers work through.
 */
export const wordReviews = sqliteTable(
  'word_reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entity: text('entity', { enum: ['feedback', 'commitment', 'measure', 'promise', 'theme'] }).notNull(),
    entityId: integer('entity_id').notNull(),
    /** to_check: nobody has approved the change yet; awaiting_second: approved once, with a reason. */
    state: text('state', { enum: ['to_check', 'awaiting_second'] })
      .notNull()
      .default('to_check'),
    /** The draft as the first person approved it: the second confirms exactly these words. */
    words: text('words', { mode: 'json' }).$type<Record<string, string>>(),
    findings: text('findings', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    reason: text('reason').notNull().default(''),
    firstById: integer('first_by_id').references(() => users.id),
    firstAt: text('first_at'),
    changedById: integer('changed_by_id').references(() => users.id),
    changedAt: text('changed_at').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('word_reviews_entity_unique').on(t.entity, t.entityId),
    index('word_reviews_state_idx').on(t.state),
  ],
);

/** Which single sign-on identity (issuer + subject) belongs to which account, once it has signed in. */
export const accountLinks = sqliteTable(
  'account_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('account_links_identity_unique').on(t.issuer, t.subject),
    index('account_links_user_idx').on(t.userId),
  ],
);

/**
 * Single-use links sent to a person: an invitation to set a first password, or a password reset.
 * Only the SHA-256 of the random token is kept, so a copy of the database cannot use one.
 */
export const accountTokens = sqliteTable(
  'account_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenHash: text('token_hash').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['invitation', 'reset'] }).notNull(),
    expiresAt: text('expires_at').notNull(),
    usedAt: text('used_at'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('account_tokens_hash_unique').on(t.tokenHash), index('account_tokens_user_idx').on(t.userId)],
);

/**
 * Email waiting to be sent, written in the same transaction as the change that caused it; the
 * mail sender delivers it with retries. Never holds a child's words: counts, titles and links.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    to: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: ['waiting', 'sent', 'failed'] })
      .notNull()
      .default('waiting'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    lastError: text('last_error'),
    sentAt: text('sent_at'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt)],
);

/**
 * One row per reminder email sent to a person for one thing in one period (a week, a meeting's
 * 10- or 3-day reminder, a rung of the ladder), written in the same transaction as the outbox row:
 * the unique key is what stops a restart, or a second server, sending it again.
 */
export const reminderSends = sqliteTable(
  'reminder_sends',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    period: text('period').notNull(),
    outboxId: integer('outbox_id'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('reminder_sends_once_unique').on(t.userId, t.kind, t.period)],
);

/** Which process may run a scheduled job until when: taken with one conditional write. */
export const jobLeases = sqliteTable('job_leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: text('expires_at').notNull(),
});

/** Each rung of the escalation ladder a commitment has reached: told once, kept for the record. */
export const escalations = sqliteTable(
  'escalations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    commitmentId: integer('commitment_id')
      .notNull()
      .references(() => commitments.id),
    rung: text('rung', { enum: ['manager', 'director', 'chair'] }).notNull(),
    cycles: integer('cycles').notNull(),
    toldUserId: integer('told_user_id').references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('escalations_rung_unique').on(t.commitmentId, t.rung)],
);

/**
 * Single-use links in a partner contact's reminder that let them update one commitment without
 * a password. Only the SHA-256 of the token is kept, as for account links.
 */
export const updateLinks = sqliteTable(
  'update_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenHash: text('token_hash').notNull(),
    commitmentId: integer('commitment_id')
      .notNull()
      .references(() => commitments.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: text('expires_at').notNull(),
    usedAt: text('used_at'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('update_links_hash_unique').on(t.tokenHash), index('update_links_user_idx').on(t.userId)],
);

/**
 * What happened next on a safeguarding-flagged item: dated notes by participation workers and
 * admins. Append-only: no API edits or deletes one; erasing the item's words erases their text.
 */
export const safeguardingNotes = sqliteTable(
  'safeguarding_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    feedbackId: integer('feedback_id')
      .notNull()
      .references(() => feedback.id, { onDelete: 'cascade' }),
    authorId: integer('author_id').references(() => users.id),
    /** When it was written (UTC instant). */
    writtenAt: text('written_at').notNull(),
    text: text('text').notNull(),
    /** When its text was erased with the item's words. */
    erasedAt: text('erased_at'),
  },
  (t) => [index('safeguarding_notes_feedback_idx').on(t.feedbackId, t.writtenAt)],
);
