// The same tables as db/schema.ts (SQLite), for PostgreSQL: same table, column and index names,
// nullability, defaults and foreign keys, so one repository layer can serve both engines.
// db/schema.ts is the documented source (what each column means); this file only translates it,
// and test/db/schema-dialects.test.ts fails when the two disagree. The translation:
// - SQLite `integer` is `integer`; an autoincrement id is an identity column (`by default`, so
//   a row may still be written with its id, as the seed and imports do).
// - SQLite `integer` in boolean mode is `boolean`; `real` (8 bytes) is `double precision`.
// - SQLite `text` in JSON mode is `json`, not `jsonb`: `json` keeps the text exactly as written
//   (key order included), as SQLite does, so a frozen board pack reads back unchanged.
// - Instants stay UTC ISO strings in `text` ('2026-06-15T09:30:00.000Z') and dates 'YYYY-MM-DD':
//   the same values as on SQLite, so no repository converts between engines.
import { sql } from 'drizzle-orm';
import {
  pgTable,
  text,
  integer,
  boolean,
  doublePrecision,
  json,
  primaryKey,
  index,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { AgeBand, EscalationLadder, Forum, QuorumRule, RagWording, UserRole } from './schema.js';

/** SQLite's strftime('%Y-%m-%dT%H:%M:%fZ','now'): UTC, milliseconds, a Z (now() is the transaction's start). */
const now = sql`(to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;

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

export const settings = pgTable('settings', {
  id: integer('id').primaryKey(),
  councilName: text('council_name').notNull(),
  nation: text('nation', { enum: ['england', 'wales'] }).notNull(),
  councilNameCy: text('council_name_cy').notNull().default(''),
  useWelsh: boolean('use_welsh').notNull().default(false),
  timeZone: text('time_zone').notNull().default('Europe/London'),
  ageBands: json('age_bands').$type<AgeBand[]>().notNull(),
  forums: json('forums').$type<Forum[]>().notNull(),
  answerTargetDays: integer('answer_target_days').notNull().default(28),
  smallNumberThreshold: integer('small_number_threshold').notNull().default(5),
  staleAfterDays: integer('stale_after_days').notNull().default(60),
  dueSoonDays: integer('due_soon_days').notNull().default(14),
  ragWording: json('rag_wording').$type<RagWording>().notNull(),
  quorum: json('quorum').$type<QuorumRule>().notNull(),
  ragThresholds: json('rag_thresholds')
    .$type<Record<string, number>>()
    .notNull()
    .default(sql`'{}'`),
  watchWords: json('watch_words')
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'`),
  localNames: json('local_names')
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'`),
  ssoGroupRoles: json('sso_group_roles')
    .$type<Record<string, UserRole>>()
    .notNull()
    .default(sql`'{}'`),
  localPasswords: boolean('local_passwords').notNull().default(true),
  retentionMonths: integer('retention_months').notNull().default(24),
  digestWeekday: integer('digest_weekday').notNull().default(1),
  escalationLadder: json('escalation_ladder')
    .$type<EscalationLadder>()
    .notNull()
    .default(sql`'{"manager":1,"director":2,"chair":3}'`),
  directorId: integer('director_id'),
  chairId: integer('chair_id'),
  safeguardingLeadName: text('safeguarding_lead_name').notNull().default(''),
  safeguardingLeadRole: text('safeguarding_lead_role').notNull().default(''),
  safeguardingLeadPhone: text('safeguarding_lead_phone').notNull().default(''),
  safeguardingLeadEmail: text('safeguarding_lead_email').notNull().default(''),
  ...timestamps,
});

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['admin', 'participation', 'owner', 'board', 'viewer'] }).notNull(),
    jobTitle: text('job_title').notNull().default(''),
    agency: text('agency').notNull().default('Council'),
    passwordHash: text('password_hash'),
    disabled: boolean('disabled').notNull().default(false),
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lockedUntil: text('locked_until'),
    canOwnActions: boolean('can_own_actions').notNull().default(false),
    localAlways: boolean('local_always').notNull().default(false),
    managerId: integer('manager_id'),
    notify: text('notify', { enum: ['weekly', 'board_only', 'none'] })
      .notNull()
      .default('weekly'),
    ...timestamps,
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email)],
);

export const sessions = pgTable(
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

export const themes = pgTable('themes', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  name: text('name').notNull(),
  childName: text('child_name').notNull(),
  nameCy: text('name_cy').notNull().default(''),
  childNameCy: text('child_name_cy').notNull().default(''),
  sameWords: boolean('same_words').notNull().default(false),
  ...liveWords({ liveChildName: 'live_child_name', liveChildNameCy: 'live_child_name_cy' }),
  sortOrder: integer('sort_order').notNull().default(0),
  colour: text('colour').notNull().default('#1d70b8'),
  icon: text('icon', {
    enum: ['star', 'heart', 'people', 'home', 'book', 'speech', 'shield', 'sun', 'rocket', 'leaf'],
  })
    .notNull()
    .default('star'),
  archived: boolean('archived').notNull().default(false),
  ...timestamps,
});

export const promises = pgTable(
  'promises',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    themeId: integer('theme_id')
      .notNull()
      .references(() => themes.id),
    staffText: text('staff_text').notNull(),
    childText: text('child_text').notNull(),
    staffTextCy: text('staff_text_cy').notNull().default(''),
    childTextCy: text('child_text_cy').notNull().default(''),
    sameWords: boolean('same_words').notNull().default(false),
    ...liveWords({ liveChildText: 'live_child_text', liveChildTextCy: 'live_child_text_cy' }),
    audience: text('audience', { enum: ['children_in_care', 'care_leavers', 'both'] }).notNull(),
    principles: json('principles')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    ownerId: integer('owner_id').references(() => users.id),
    linkChampion: text('link_champion').notNull().default(''),
    strategyPeriod: text('strategy_period').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    archived: boolean('archived').notNull().default(false),
    ...timestamps,
  },
  (t) => [index('promises_theme_idx').on(t.themeId)],
);

export const forumSessions = pgTable('forum_sessions', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  kind: text('kind', { enum: ['forum', 'survey'] })
    .notNull()
    .default('forum'),
  forumId: text('forum_id').notNull(),
  heldOn: text('held_on').notNull(),
  attendance: integer('attendance').notNull().default(0),
  respondents: integer('respondents'),
  surveyYear: text('survey_year').notNull().default(''),
  title: text('title').notNull().default(''),
  ageBands: json('age_bands')
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'`),
  notes: text('notes').notNull().default(''),
  createdById: integer('created_by_id').references(() => users.id),
  ...timestamps,
});

export const feedback = pgTable(
  'feedback',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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
    safeReason: text('safe_reason').notNull().default(''),
    safeguarding: boolean('safeguarding').notNull().default(false),
    safeguardingToldWhom: text('safeguarding_told_whom').notNull().default(''),
    safeguardingToldAt: text('safeguarding_told_at'),
    response: text('response', { enum: ['did', 'doing', 'cant'] }),
    responseText: text('response_text').notNull().default(''),
    cantReason: text('cant_reason').notNull().default(''),
    responseTextCy: text('response_text_cy').notNull().default(''),
    cantReasonCy: text('cant_reason_cy').notNull().default(''),
    ...liveWords({
      livePublicText: 'live_public_text',
      liveResponseText: 'live_response_text',
      liveCantReason: 'live_cant_reason',
      liveResponseTextCy: 'live_response_text_cy',
      liveCantReasonCy: 'live_cant_reason_cy',
    }),
    liveResponse: text('live_response', { enum: ['did', 'doing', 'cant'] }),
    liveRespondedOn: text('live_responded_on'),
    withdrawnReason: text('withdrawn_reason').notNull().default(''),
    withdrawnAt: text('withdrawn_at'),
    withdrawnById: integer('withdrawn_by_id').references(() => users.id),
    respondedOn: text('responded_on'),
    fedBackOn: text('fed_back_on'),
    wordsErasedAt: text('words_erased_at'),
    ...timestamps,
  },
  (t) => [
    index('feedback_heard_idx').on(t.heardOn),
    index('feedback_waiting_idx').on(t.fedBackOn, t.respondedOn, t.heardOn),
    index('feedback_waiting_order_idx').on(t.fedBackOn, t.heardOn),
    index('feedback_forum_idx').on(t.forumId, t.heardOn),
    index('feedback_publish_idx').on(t.publishState, t.safeguarding),
  ],
);

export const commitments = pgTable(
  'commitments',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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
    childReason: text('child_reason').notNull().default(''),
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
    archived: boolean('archived').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    index('commitments_promise_idx').on(t.promiseId),
    index('commitments_owner_idx').on(t.ownerId),
    index('commitments_due_idx').on(t.status, t.dueDate),
  ],
);

export const commitmentUpdates = pgTable(
  'commitment_updates',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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

export const feedbackPromises = pgTable(
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

export const feedbackCommitments = pgTable(
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

export const measures = pgTable(
  'measures',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    promiseId: integer('promise_id')
      .notNull()
      .references(() => promises.id),
    name: text('name').notNull(),
    childSentence: text('child_sentence').notNull().default(''),
    childSentenceCy: text('child_sentence_cy').notNull().default(''),
    ...liveWords({ liveChildSentence: 'live_child_sentence', liveChildSentenceCy: 'live_child_sentence_cy' }),
    unit: text('unit', { enum: ['count', 'percent', 'score'] }).notNull(),
    direction: text('direction', { enum: ['higher', 'lower', 'context'] }).notNull(),
    baseline: doublePrecision('baseline'),
    target: doublePrecision('target'),
    source: text('source').notNull().default(''),
    ownerId: integer('owner_id').references(() => users.id),
    councilWide: boolean('council_wide').notNull().default(false),
    archived: boolean('archived').notNull().default(false),
    ...timestamps,
  },
  (t) => [index('measures_promise_idx').on(t.promiseId)],
);

export const measurePromises = pgTable(
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

export const measureValues = pgTable(
  'measure_values',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    measureId: integer('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    periodEnd: text('period_end').notNull(),
    value: doublePrecision('value').notNull(),
    base: integer('base'),
    englandAverage: doublePrecision('england_average'),
    statNeighbours: doublePrecision('stat_neighbours'),
    ...timestamps,
  },
  (t) => [uniqueIndex('measure_values_period_unique').on(t.measureId, t.period)],
);

export const evidence = pgTable(
  'evidence',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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

export const boardMeetings = pgTable(
  'board_meetings',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    meetingDate: text('meeting_date').notNull(),
    title: text('title').notNull(),
    focusThemeId: integer('focus_theme_id').references(() => themes.id),
    attendance: json('attendance')
      .$type<{ role: string; count: number }[]>()
      .notNull()
      .default(sql`'[]'`),
    notes: text('notes').notNull().default(''),
    ...timestamps,
  },
  (t) => [index('board_meetings_date_idx').on(t.meetingDate)],
);

export const ragReviews = pgTable(
  'rag_reviews',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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

export const challenges = pgTable(
  'challenges',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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

export const boardPacks = pgTable(
  'board_packs',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    meetingId: integer('meeting_id').references(() => boardMeetings.id),
    kind: text('kind', { enum: ['board', 'children', 'progress'] }).notNull(),
    asAt: text('as_at').notNull(),
    periodFrom: text('period_from'),
    periodTo: text('period_to'),
    snapshot: json('snapshot').notNull(),
    createdById: integer('created_by_id').references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('board_packs_meeting_idx').on(t.meetingId, t.kind)],
);

export const ratingSessions = pgTable('rating_sessions', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  pinHash: text('pin_hash').notNull(),
  forumId: text('forum_id'),
  startedById: integer('started_by_id').references(() => users.id),
  startedAt: text('started_at').notNull(),
  endedAt: text('ended_at'),
  expiresAt: text('expires_at').notNull(),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  members: integer('members'),
});

export const verdicts = pgTable(
  'verdicts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    sessionId: integer('session_id')
      .notNull()
      .references(() => ratingSessions.id),
    promiseId: integer('promise_id')
      .notNull()
      .references(() => promises.id),
    verdict: text('verdict', { enum: ['kept', 'getting_there', 'not_yet'] }).notNull(),
    voterToken: text('voter_token').notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('verdicts_one_per_child_unique').on(t.sessionId, t.promiseId, t.voterToken),
    index('verdicts_promise_idx').on(t.promiseId),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    at: text('at').notNull().default(now),
    userId: integer('user_id'),
    userEmail: text('user_email').notNull().default(''),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull().default(''),
    before: json('before'),
    after: json('after'),
    ip: text('ip').notNull().default(''),
  },
  (t) => [index('audit_entity_idx').on(t.entity, t.entityId), index('audit_at_idx').on(t.at)],
);

export const feedbackImports = pgTable(
  'feedback_imports',
  {
    auditId: integer('audit_id')
      .primaryKey()
      .references(() => auditLog.id),
    firstId: integer('first_id').notNull(),
    lastId: integer('last_id').notNull(),
    createdAt: text('created_at').notNull(),
    rows: json('rows').notNull().$type<unknown[][]>(),
  },
  (t) => [uniqueIndex('feedback_imports_first_unique').on(t.firstId)],
);

export const idempotencyKeys = pgTable('idempotency_keys', {
  key: text('key').primaryKey(),
  userId: integer('user_id'),
  method: text('method').notNull(),
  path: text('path').notNull(),
  statusCode: integer('status_code').notNull(),
  body: text('body').notNull(),
  requestHash: text('request_hash'),
  createdAt: text('created_at').notNull().default(now),
});

export const wordReviews = pgTable(
  'word_reviews',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    entity: text('entity', { enum: ['feedback', 'commitment', 'measure', 'promise', 'theme'] }).notNull(),
    entityId: integer('entity_id').notNull(),
    state: text('state', { enum: ['to_check', 'awaiting_second'] })
      .notNull()
      .default('to_check'),
    words: json('words').$type<Record<string, string>>(),
    findings: json('findings')
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

export const accountLinks = pgTable(
  'account_links',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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

export const accountTokens = pgTable(
  'account_tokens',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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

export const outbox = pgTable(
  'outbox',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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

export const reminderSends = pgTable(
  'reminder_sends',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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

export const jobLeases = pgTable('job_leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: text('expires_at').notNull(),
});

export const escalations = pgTable(
  'escalations',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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

export const updateLinks = pgTable(
  'update_links',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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

export const safeguardingNotes = pgTable(
  'safeguarding_notes',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    feedbackId: integer('feedback_id')
      .notNull()
      .references(() => feedback.id, { onDelete: 'cascade' }),
    authorId: integer('author_id').references(() => users.id),
    writtenAt: text('written_at').notNull(),
    text: text('text').notNull(),
    erasedAt: text('erased_at'),
  },
  (t) => [index('safeguarding_notes_feedback_idx').on(t.feedbackId, t.writtenAt)],
);
