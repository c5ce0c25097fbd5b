// The participation workflow on top of feedback: moderation (identifier check, approval,
// withdrawal), the waiting list, loop measures, the "You said, we did" sheet, and survey
// import/export. Safeguarding-flagged items are seen by participation workers and admins only.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { seesSafeguarding } from '../domain/need-to-know.js';
import { setImmediate } from 'node:timers/promises';
import { z } from 'zod';
import {
  IMPORT_MAX_CHARS,
  IMPORT_MAX_ROWS,
  IMPORT_PROBLEMS_LISTED,
  feedbackApprove,
  feedbackFindings,
  feedbackImport,
  feedbackImportResult,
  feedbackItem,
  feedbackSource,
  feedbackWithdraw,
  idParam,
  isoDate,
  loopMeasures,
  loopMeasuresQuery,
  problem,
  waitingPage,
  waitingQuery,
  youSaidQuery,
  youSaidSheet,
  type CheckedField,
  type ImportField,
  type LoopGroupBy,
  type LoopMeasureRow,
  type Role,
} from '../contracts/index.js';
import { HttpProblem, invalid, notFound } from '../errors.js';
import { daysBetween, dateIn, median } from '../domain/time.js';
import { shareWithinTarget } from '../domain/loop-metrics.js';
import { waitingState } from '../domain/waiting-state.js';
import { isHardStop, maskIdentifiers, type Finding } from '../domain/identifiers.js';
import { approveWords, confirmWords, findingsIn, identifierContext, wordsState } from '../services/publishing.js';
import { clearedLive } from '../../db/repositories/word-reviews.js';
import { checkCsv, suggestMapping, type ColumnMapping, type ParsedCsv } from '../domain/csv-import.js';
import { offThread } from '../workers/off-thread.js';
import { readCache } from '../read-cache.js';
import { getSettings } from '../../db/repositories/settings.js';
import { FEEDBACK_EXPORT_COLUMNS, feedbackExportRows } from '../services/feedback-export.js';
import { UTF8_BOM } from '../domain/status-words.js';
import { allPromiseIds, getFeedback } from '../../db/repositories/feedback.js';
import {
  changePublishing,
  lastForumSessionBefore,
  loopSource,
  nextForumSession,
  waitingItems,
  type LoopMeasureSource,
} from '../../db/repositories/feedback-workflow.js';
import { importFeedback, type ImportRow } from '../../db/repositories/feedback-import.js';
import { listThemes } from '../../db/repositories/themes.js';
import { publicSheet } from '../../db/repositories/public.js';
import { sheetItem } from '../domain/you-said-sheet.js';

const WORKERS = ['participation', 'admin'] as const satisfies readonly Role[];
/** Public words approval checks besides publicText: the answer, which the kiosk shows with them. */
const ANSWER_CHECKED = [
  'responseText',
  'cantReason',
  'responseTextCy',
  'cantReasonCy',
] as const satisfies readonly CheckedField[];
const withHard = (findings: readonly Finding[]) => findings.map((f) => ({ ...f, hard: isHardStop(f) }));

// ---- Pure rules, exported for tests ----

/** Calendar quarter of a date, e.g. '2026-Q2'. */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/** Loop figures over one group of items. */
export function loopRow(
  key: string,
  label: string,
  rows: readonly LoopMeasureSource[],
  today: string,
  targetDays: number,
): LoopMeasureRow {
  const toAnswer: number[] = [];
  const toFeedBack: number[] = [];
  let withinTarget = 0;
  let overdue = 0;
  let waitingWithin = 0;
  let linked = 0;
  for (const r of rows) {
    if (r.linkedToCommitment) linked++;
    if (r.respondedOn) {
      const d = daysBetween(r.heardOn, r.respondedOn);
      toAnswer.push(d);
      if (d <= targetDays) withinTarget++;
    } else if (daysBetween(r.heardOn, today) > targetDays) overdue++;
    else waitingWithin++;
    if (r.fedBackOn) toFeedBack.push(daysBetween(r.heardOn, r.fedBackOn));
  }
  return {
    key,
    label,
    items: rows.length,
    answered: toAnswer.length,
    answeredWithinTarget: withinTarget,
    shareWithinTarget: shareWithinTarget(withinTarget, toAnswer.length, overdue),
    medianDaysToAnswer: median(toAnswer),
    medianDaysToFeedBack: median(toFeedBack),
    linkedToCommitment: linked,
    shareLinkedToCommitment: rows.length === 0 ? null : linked / rows.length,
    neverAnswered: overdue,
    waitingWithinTarget: waitingWithin,
  };
}

/** Groups items by forum, theme (an item linked to two themes counts in both) or quarter heard. */
export function groupLoop(
  rows: readonly LoopMeasureSource[],
  by: LoopGroupBy,
  labels: (key: string) => string,
  today: string,
  targetDays: number,
): LoopMeasureRow[] {
  const groups = new Map<string, LoopMeasureSource[]>();
  const put = (key: string, r: LoopMeasureSource) => {
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  };
  for (const r of rows) {
    if (by === 'forum') put(r.forumId ?? '', r);
    else if (by === 'quarter') put(quarterOf(r.heardOn), r);
    else if (r.themeIds.length === 0) put('', r);
    else for (const t of r.themeIds) put(String(t), r);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'en', { numeric: true })))
    .map(([key, group]) => loopRow(key, labels(key), group, today, targetDays));
}

// ---- Import: one row of the survey file ----

// Built once: checkCsv gives it trimmed cells, an empty cell as the file's default or undefined.
const importRowSchema = z.object({
  text: z.string({ error: 'This cell is empty' }).min(1).max(4000, 'Keep it under 4000 characters'),
  heardOn: isoDate,
  ageBand: z.string().max(40),
  source: feedbackSource.optional(),
  forumId: z.string().max(40).optional(),
  publicText: z.string().max(1000, 'Keep it under 1000 characters').optional(),
  promiseIds: z
    .string()
    .regex(/^\s*\d+(\s*[;|]\s*\d+)*\s*$/, 'Write promise numbers separated by ; (for example 3;7)')
    .transform((s) => s.split(/[;|]/).map((x) => Number(x.trim())))
    .optional(),
});
type ImportRowValue = z.infer<typeof importRowSchema>;

const IMPORT_ALIASES: Record<ImportField, readonly string[]> = {
  text: ['text', 'comment', 'what they said'],
  heardOn: ['heard_on', 'date'],
  ageBand: ['age_band', 'age'],
  source: ['source'],
  forumId: ['forum', 'forum_id'],
  publicText: ['public_text'],
  promiseIds: ['promise_ids', 'promises'],
};

const feedbackWorkflowRoutes: FastifyPluginAsyncZod = async (app) => {
  const today = () => dateIn(app.clock.now(), getSettings(app.db).timeZone);

  function visible(id: number, role: Role | undefined) {
    const item = getFeedback(app.db, id);
    if (!item || (item.safeguarding && !seesSafeguarding(role))) throw notFound('Feedback');
    return item;
  }

  // ---- Moderation: every rule is in server/services/publishing.ts, the one gate to the public ----

  app.get(
    '/feedback/:id/findings',
    {
      config: { access: WORKERS },
      schema: { tags: ['feedback'], params: idParam, response: { 200: feedbackFindings, 404: problem } },
    },
    async (request) => {
      const item = visible(request.params.id, request.user?.role);
      const state = wordsState(app.db, 'feedback', item.id);
      const context = identifierContext(app.db);
      const original = findingsIn(item.text, context);
      const checked = (field: string) => state.checks.find((c) => c.field === field)?.findings ?? [];
      return {
        publicText: item.publicText,
        findings: checked('publicText'),
        answers: ANSWER_CHECKED.filter((field) => item[field].trim() !== '').map((field) => ({
          field,
          text: item[field],
          findings: checked(field),
        })),
        blocked: state.blocked,
        original: { findings: withHard(original), masked: maskIdentifiers(item.text, original) },
        review: state.review && {
          state: state.review.state,
          reason: state.review.reason,
          firstById: state.review.firstById,
          firstAt: state.review.firstAt,
        },
      };
    },
  );

  app.post(
    '/feedback/:id/approve',
    {
      config: { access: WORKERS },
      schema: {
        tags: ['feedback'],
        params: idParam,
        body: feedbackApprove,
        response: { 200: feedbackItem, 400: problem, 404: problem, 409: problem },
      },
    },
    async (request) => {
      visible(request.params.id, request.user?.role);
      approveWords(app.db, request.actor, 'feedback', request.params.id, {
        version: request.body.version,
        reason: request.body.safeReason,
        now: app.clock.now().toISOString(),
      });
      return getFeedback(app.db, request.params.id)!;
    },
  );

  app.post(
    '/feedback/:id/confirm',
    {
      config: { access: WORKERS },
      schema: {
        tags: ['feedback'],
        params: idParam,
        response: { 200: feedbackItem, 400: problem, 404: problem, 409: problem },
      },
    },
    async (request) => {
      visible(request.params.id, request.user?.role);
      confirmWords(app.db, request.actor, 'feedback', request.params.id, app.clock.now().toISOString());
      return getFeedback(app.db, request.params.id)!;
    },
  );

  app.post(
    '/feedback/:id/withdraw',
    {
      config: { access: WORKERS },
      schema: {
        tags: ['feedback'],
        params: idParam,
        body: feedbackWithdraw,
        response: { 200: feedbackItem, 404: problem },
      },
    },
    async (request) => {
      const now = app.clock.now().toISOString();
      // No version: a child asking for their words to come down must never be refused as stale.
      // The reason is staff-only: kept on the item and in the audit entry, never public. The live
      // copy goes at once, so every public surface (and the kiosk's caches at their next contact)
      // loses the words; the draft stays for the record.
      return changePublishing(app.db, request.actor, request.params.id, null, 'withdraw', () => ({
        publishState: 'withheld',
        ...clearedLive('feedback'),
        approvedById: null,
        approvedAt: null,
        withdrawnReason: request.body.reason ?? '',
        withdrawnAt: now,
        withdrawnById: request.actor.id,
      }));
    },
  );

  // ---- Waiting list ----

  app.get(
    '/feedback/waiting',
    {
      config: { access: WORKERS },
      schema: { tags: ['feedback'], querystring: waitingQuery, response: { 200: waitingPage, 400: problem } },
      // Workers all see flagged items; the class is named anyway in case access ever widens.
      ...readCache(app, { vary: (request) => (seesSafeguarding(request.user?.role) ? 'flagged' : 'unflagged') }),
    },
    async (request) => {
      const q = request.query;
      const settings = getSettings(app.db);
      const day = today();
      const { items, total } = waitingItems(app.db, q);
      return {
        items: items.map((item) => {
          const next =
            item.response !== null && item.forumId && item.respondedOn
              ? nextForumSession(app.db, item.forumId, item.respondedOn, day)
              : null;
          return { item, ...waitingState(item, day, settings.answerTargetDays, next) };
        }),
        total,
        page: q.page,
        pageSize: q.pageSize,
        answerTargetDays: settings.answerTargetDays,
      };
    },
  );

  // ---- Loop measures ----

  app.get(
    '/feedback/loop-measures',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['feedback'],
        querystring: loopMeasuresQuery,
        response: { 200: loopMeasures, 400: problem },
      },
    },
    async (request) => {
      const { by, heardFrom, heardTo } = request.query;
      const settings = getSettings(app.db);
      const day = today();
      const rows = loopSource(app.db, { heardFrom, heardTo }, seesSafeguarding(request.user?.role));
      const forumNames = new Map(settings.forums.map((f) => [f.id, f.name]));
      const themeNames = new Map(listThemes(app.db, true).map((t) => [String(t.id), t.name]));
      const label = (key: string) => {
        if (by === 'quarter') return key;
        if (key === '') return by === 'forum' ? 'Not from a forum' : 'Not linked to a promise';
        return (by === 'forum' ? forumNames.get(key) : themeNames.get(key)) ?? key;
      };
      return {
        by,
        answerTargetDays: settings.answerTargetDays,
        rows: groupLoop(rows, by, label, day, settings.answerTargetDays),
        total: loopRow('all', 'All feedback', rows, day, settings.answerTargetDays),
      };
    },
  );

  // ---- "You said, we did" ----

  app.get(
    '/feedback/you-said-we-did',
    {
      config: { access: WORKERS },
      schema: {
        tags: ['feedback'],
        querystring: youSaidQuery,
        response: { 200: youSaidSheet, 400: problem, 404: problem },
      },
    },
    async (request) => {
      const settings = getSettings(app.db);
      const forum = settings.forums.find((f) => f.id === request.query.forumId);
      if (!forum) throw notFound('Forum');
      const day = today();
      const since = request.query.since ?? lastForumSessionBefore(app.db, forum.id, day);
      const lang = request.query.lang ?? 'en';
      if (lang === 'cy' && !settings.useWelsh)
        throw invalid([
          { path: 'querystring.lang', message: 'Turn on "Use Welsh" in settings to print a Welsh sheet' },
        ]);
      // Printed for the children: through the public door, approved words only.
      const sheet = publicSheet(app.db, forum.id, since, day);
      return {
        forumId: forum.id,
        forumName: forum.name,
        lang,
        useWelsh: settings.useWelsh,
        councilName: (lang === 'cy' && settings.councilNameCy) || settings.councilName,
        timeZone: settings.timeZone,
        since,
        today: day,
        items: sheet.rows.map((r) => sheetItem(r, lang, settings.ageBands)),
        missingPublicText: sheet.notApproved,
      };
    },
  );

  // ---- Survey import and export ----

  app.post(
    '/feedback/import',
    {
      config: { access: WORKERS },
      // JSON escapes and multi-byte letters make the body longer than the file's characters.
      bodyLimit: 2 * IMPORT_MAX_CHARS,
      schema: {
        tags: ['feedback'],
        body: feedbackImport,
        response: { 200: feedbackImportResult, 201: feedbackImportResult, 400: problem },
      },
    },
    async (request, reply) => {
      const { csv, defaults = {}, dryRun } = request.body;
      const settings = getSettings(app.db);
      const day = today();
      const forums = new Set(settings.forums.map((f) => f.id));
      const bands = new Set(settings.ageBands.map((b) => b.id));
      const defaultProblems: { path: string; message: string }[] = [];
      if (defaults.forumId && !forums.has(defaults.forumId))
        defaultProblems.push({ path: 'body.defaults.forumId', message: 'Choose one of the council’s forums' });
      if (defaults.ageBand && !bands.has(defaults.ageBand))
        defaultProblems.push({ path: 'body.defaults.ageBand', message: 'Choose one of the age bands' });
      if (defaults.heardOn && defaults.heardOn > day)
        defaultProblems.push({ path: 'body.defaults.heardOn', message: 'The date cannot be in the future' });
      if (defaultProblems.length > 0) throw invalid(defaultProblems);

      // The file is read once: its headings suggest the mapping, then its rows are checked.
      let parsed: ParsedCsv | undefined;
      try {
        // A 100,000-row file takes ~0.4 s to parse: in the worker thread, off the event loop.
        parsed = await offThread('parseCsv', csv);
      } catch {
        // Malformed CSV: checkCsv below reads it again and reports where.
      }
      const mapping: ColumnMapping = request.body.mapping ?? suggestMapping(parsed?.headers ?? [], IMPORT_ALIASES);
      const required = (['text', 'heardOn', 'ageBand'] as const).filter((f) => !defaults[f as keyof typeof defaults]);
      // Read once per file, and only if some row names a promise.
      let promiseIds: Set<number> | null = null;
      const check = checkCsv(parsed ?? csv, mapping, importRowSchema, {
        required: ['text', ...required],
        maxRows: IMPORT_MAX_ROWS,
        defaults,
        extraCheck: (v: ImportRowValue) => {
          const out: { field: string; message: string }[] = [];
          if (!bands.has(v.ageBand))
            out.push({ field: 'ageBand', message: `“${v.ageBand}” is not one of the age bands` });
          if (v.forumId && !forums.has(v.forumId))
            out.push({ field: 'forumId', message: `“${v.forumId}” is not one of the council’s forums` });
          if ((v.source ?? 'survey') === 'forum' && !v.forumId)
            out.push({ field: 'forumId', message: 'Say which forum it was heard at' });
          if (v.heardOn > day) out.push({ field: 'heardOn', message: 'The date cannot be in the future' });
          if (v.promiseIds?.length) {
            const known = (promiseIds ??= allPromiseIds(app.db));
            const missing = v.promiseIds.filter((id) => !known.has(id));
            if (missing.length > 0)
              out.push({ field: 'promiseIds', message: `No promise has number ${missing.join(', ')}` });
          }
          return out;
        },
      });
      const toSave = (value: ImportRowValue): ImportRow => ({
        text: value.text,
        heardOn: value.heardOn,
        ageBand: value.ageBand,
        source: value.source ?? 'survey',
        forumId: value.forumId ?? null,
        publicText: value.publicText ?? '',
        promiseIds: value.promiseIds ?? [],
        loggedById: request.actor.id,
      });
      const result = {
        dryRun,
        headers: check.headers,
        mapping: Object.fromEntries(Object.entries(mapping).filter((e): e is [string, string] => !!e[1])),
        rowCount: check.rowCount,
        problems: check.problems.slice(0, IMPORT_PROBLEMS_LISTED),
        problemCount: check.problems.length,
        preview: check.rows.slice(0, 20).map(({ row, value }) => {
          const r = toSave(value);
          return {
            row,
            text: r.text,
            heardOn: r.heardOn,
            ageBand: r.ageBand,
            source: r.source,
            forumId: r.forumId ?? null,
            promiseIds: r.promiseIds,
          };
        }),
        created: 0,
      };
      if (dryRun) return reply.code(200).send(result);
      // All or nothing: a file with any problem changes nothing.
      if (check.problems.length > 0)
        throw new HttpProblem(
          400,
          'There is a problem',
          `Nothing was imported: the file has ${check.problems.length} problem${check.problems.length === 1 ? '' : 's'}. Fix them and try again.`,
          result.problems.map((p) => ({
            path: `csv.row${p.row}.${p.column}`,
            message: p.row > 0 ? `Row ${p.row}, ${p.column || 'file'}: ${p.message}` : p.message,
          })),
        );
      await setImmediate();
      const created = importFeedback(
        app.db,
        request.actor,
        check.rows.map(({ value }) => toSave(value)),
      );
      return reply.code(201).send({ ...result, created });
    },
  );

  app.get(
    '/feedback/export.csv',
    {
      config: { access: WORKERS },
      schema: { tags: ['feedback'], response: { 200: z.string().describe('CSV, the import’s format') } },
    },
    async (_request, reply) => {
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="feedback-${today()}.csv"`)
        .send(
          UTF8_BOM +
            (await offThread('csv', { headers: [...FEEDBACK_EXPORT_COLUMNS], rows: feedbackExportRows(app.db) })),
        );
    },
  );
};

export default feedbackWorkflowRoutes;
