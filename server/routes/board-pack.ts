// Board packs (frozen snapshots, printed to PDF on the server), the child-friendly companion,
// the six-monthly progress report, and CSV / XLSX exports of promises, actions and measures.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isOverdue } from '../domain/commitment-state.js';
import { z } from 'zod';
import { and, asc, count, gte, lte, sql } from 'drizzle-orm';
import {
  idParam,
  pack,
  packCreate,
  packList,
  packQuery,
  problem,
  progressReportCreate,
  type PackSnapshot,
  type Role,
} from '../contracts/index.js';
import { HttpProblem, invalid, notFound } from '../errors.js';
import { addDays } from '../domain/time.js';
import { quorum } from '../domain/quorum.js';
import { publicPackData } from '../../db/repositories/public.js';
import {
  buildBoardPack,
  buildChildrenPack,
  WELSH_NOT_YET,
  buildProgressReport,
  evidenceAsOf,
  type PackInput,
} from '../domain/board-pack.js';
import { suppressValue } from '../domain/small-numbers.js';
import { storedPackSnapshot } from '../domain/stored-pack.js';
import { approvedPublicWords } from '../domain/need-to-know.js';
import { packPdf, PackPdfFailed } from '../pdf/board-pack-pdf.js';
import { offThread } from '../workers/off-thread.js';
import { settleMemoryAfter } from '../workers/settle-memory.js';
import type { WorkbookSheet } from '../domain/xlsx-workbook.js';
import {
  COMMITMENT_STATUS_WORDS,
  DIRECTION_WORDS,
  TREND_WORDS,
  UNIT_WORDS,
  UTF8_BOM,
  codeWords,
} from '../domain/status-words.js';
import { boardSummary, summaryAsOf } from '../services/board-summary.js';
import { getMeeting, mattersArising, meetingChallenges, meetingReviews } from '../../db/repositories/board.js';
import { ragEvidence } from '../../db/repositories/board-evidence.js';
import {
  createPack,
  getPack,
  getPackForPrint,
  listPacks,
  loadPackData,
  previousMeetingDate,
  type PackFeedbackRow,
  type PackRow,
} from '../../db/repositories/board-pack.js';
import { getSettings } from '../../db/repositories/settings.js';
import { feedback, feedbackPromises, ragReviews, themes } from '../../db/schema.js';
import { allUserNames } from '../../db/repositories/users.js';
import type { Db } from '../../db/client.js';
import { councilWideMeasures } from '../../db/repositories/measure-links.js';

const BOARD: readonly Role[] = ['board', 'admin'];
/** A pack with no earlier meeting covers the six months before it. */
const DEFAULT_PERIOD_DAYS = 182;

function toPack(row: PackRow) {
  return { ...row, snapshot: storedPackSnapshot(row.snapshot) };
}

/** A pack is read by everyone: it carries only approved public words, never a child's original ones. */
function approvedOnly(rows: readonly PackFeedbackRow[]): PackFeedbackRow[] {
  return rows.flatMap((f) => {
    const words = approvedPublicWords(f);
    return words === null ? [] : [{ ...f, publicText: words }];
  });
}

/**
 * What a pack reads, all of it as at `asOf`: the summary's figures and suggestions, the charts and
 * their tables, and the words children said, from one cut-off (see evidenceAsOf).
 */
async function packInput(db: Db, asOf: string, from: string, to: string): Promise<PackInput> {
  const settings = getSettings(db);
  const data = await loadPackData(db, { from, to });
  const evidence = evidenceAsOf(ragEvidence(db), asOf);
  const bands = new Map(settings.ageBands.map((b) => [b.id, b]));
  const wide = await councilWideMeasures(db);
  return {
    councilName: settings.councilName,
    asAt: asOf,
    periodFrom: from,
    periodTo: to,
    smallNumberThreshold: settings.smallNumberThreshold,
    ageBandLabel: (id) => bands.get(id)?.label ?? id,
    // Everyone who reads a pack sees the same figures: safeguarding-flagged items are left out.
    summary: await summaryAsOf(db, asOf, evidence),
    themes: data.themes,
    promises: data.promises,
    commitments: data.commitments,
    // A council-wide figure is shown once, under its own promise, naming the others it informs.
    measures: evidence.measures.map((m) => {
      const alsoOn = wide.get(m.id);
      return alsoOn ? { ...m, councilWide: true, alsoOn } : m;
    }),
    linkedFeedback: approvedOnly(data.linkedFeedback),
    childrenToldUs: approvedOnly(data.childrenToldUs),
  };
}

const boardPackRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/board/meetings/:id/packs',
    {
      ...settleMemoryAfter,
      config: { access: BOARD },
      schema: {
        tags: ['board'],
        params: idParam,
        body: packCreate,
        response: { 201: pack, 400: problem, 404: problem },
      },
    },
    async (request, reply) => {
      const meeting = await getMeeting(app.db, request.params.id);
      if (!meeting) throw notFound('Board meeting');
      // One cut-off for the whole pack: the day it is made. A pack made after the meeting carries
      // what the board decided and asked there; everything in it is as at this date.
      const asAt = app.today();
      const to = asAt;
      const from =
        (await previousMeetingDate(app.db, meeting.meetingDate, meeting.id)) ??
        addDays(meeting.meetingDate, -DEFAULT_PERIOD_DAYS);
      const input = await packInput(app.db, asAt, from, to);
      let snapshot: PackSnapshot;
      const settings = getSettings(app.db);
      const welsh = request.body.lang === 'cy';
      if (welsh && request.body.kind !== 'children')
        throw invalid([{ path: 'body.lang', message: 'Only the children’s pack can be made in Welsh' }]);
      if (welsh && !settings.useWelsh)
        throw invalid([{ path: 'body.lang', message: 'Turn on Welsh in Settings to make a Welsh children’s pack' }]);
      if (request.body.kind === 'children') {
        const bands = new Map(
          settings.ageBands.map((b) => [b.id, welsh ? b.childLabelCy?.trim() || WELSH_NOT_YET : b.childLabel]),
        );
        snapshot = buildChildrenPack({
          councilName: welsh ? settings.councilNameCy.trim() || input.councilName : input.councilName,
          asAt,
          ...(welsh && { lang: 'cy' as const }),
          childAgeBandLabel: (id) => bands.get(id) ?? '',
          words: await publicPackData(app.db, { from, to }, welsh ? { missing: WELSH_NOT_YET } : undefined),
        });
      } else {
        const focus = meeting.focusThemeId
          ? (app.db
              .select({ name: themes.name })
              .from(themes)
              .where(sql`${themes.id} = ${meeting.focusThemeId}`)
              .get()?.name ?? null)
          : null;
        const names = await allUserNames(app.db);
        const promiseText = new Map(input.promises.map((p) => [p.id, p.staffText]));
        snapshot = buildBoardPack({
          ...input,
          meeting: { id: meeting.id, title: meeting.title, meetingDate: meeting.meetingDate, focusTheme: focus },
          quorum: quorum(meeting.attendance, getSettings(app.db).quorum),
          mattersArising: (await mattersArising(app.db, meeting)).map((c) => ({
            ...c,
            overdue: c.dueDate < asAt,
            ownerName: c.ownerId ? (names.get(c.ownerId) ?? null) : null,
            promise: c.promiseId ? (promiseText.get(c.promiseId) ?? null) : null,
          })),
          decisions: meeting.meetingDate <= asAt ? await meetingReviews(app.db, meeting.id) : [],
          challengesSet: (await meetingChallenges(app.db, meeting.id)).map((c) => ({
            ...c,
            ownerName: c.ownerId ? (names.get(c.ownerId) ?? null) : null,
            promise: c.promiseId ? (promiseText.get(c.promiseId) ?? null) : null,
          })),
        });
      }
      const row = await createPack(app.db, request.actor, {
        meetingId: meeting.id,
        kind: request.body.kind,
        asAt,
        periodFrom: from,
        periodTo: to,
        snapshot,
        createdById: request.actor.id,
      });
      return reply.code(201).send(toPack(row));
    },
  );

  app.post(
    '/board/progress-reports',
    {
      config: { access: BOARD },
      schema: { tags: ['board'], body: progressReportCreate, response: { 201: pack, 400: problem } },
    },
    async (request, reply) => {
      const { from, to } = request.body;
      const asAt = app.today();
      const input = await packInput(app.db, asAt, from, to);
      const reviews = app.db
        .select({ promiseId: ragReviews.promiseId, rating: ragReviews.rating, decidedOn: ragReviews.decidedOn })
        .from(ragReviews)
        .where(and(gte(ragReviews.decidedOn, from), lte(ragReviews.decidedOn, to)))
        .orderBy(asc(ragReviews.decidedOn))
        .all();
      const heard = app.db
        .select({
          promiseId: feedbackPromises.promiseId,
          heard: count(),
          answered: sql<number>`coalesce(sum(${feedback.respondedOn} is not null), 0)`,
        })
        .from(feedbackPromises)
        .innerJoin(feedback, sql`${feedback.id} = ${feedbackPromises.feedbackId}`)
        .where(and(gte(feedback.heardOn, from), lte(feedback.heardOn, to), sql`${feedback.safeguarding} = 0`))
        .groupBy(feedbackPromises.promiseId)
        .all();
      const snapshot = buildProgressReport({ ...input, reviews, heard });
      const row = await createPack(app.db, request.actor, {
        meetingId: null,
        kind: 'progress',
        asAt,
        periodFrom: from,
        periodTo: to,
        snapshot,
        createdById: request.actor.id,
      });
      return reply.code(201).send(toPack(row));
    },
  );

  app.get(
    '/board/packs',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['board'], querystring: packQuery, response: { 200: packList } },
    },
    async (request) => ({ items: await listPacks(app.db, request.query) }),
  );

  app.get(
    '/board/packs/:id',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['board'], params: idParam, response: { 200: pack, 404: problem } },
    },
    async (request) => {
      const row = await getPack(app.db, request.params.id);
      if (!row) throw notFound('Board pack');
      return toPack(row);
    },
  );

  app.get(
    '/board/packs/:id/pdf',
    {
      ...settleMemoryAfter,
      config: { access: 'signedIn' },
      schema: {
        tags: ['board'],
        params: idParam,
        response: { 200: z.any().describe('application/pdf'), 404: problem, 503: problem },
      },
    },
    async (request, reply) => {
      const row = await getPackForPrint(app.db, request.params.id);
      if (!row) throw notFound('Board pack');
      const pdf = await packPdf(row.snapshotJson).catch((err: unknown) => {
        if (!(err instanceof PackPdfFailed)) throw err;
        // The cause (Chromium missing or crashed, the worker's file missing) is for whoever runs
        // the server; the person asking is told what they can do instead.
        request.log.error({ err }, 'board pack PDF could not be printed');
        throw new HttpProblem(
          503,
          'The PDF cannot be made right now',
          'The pack is saved, but the server could not turn it into a PDF. The problem has been logged for whoever runs the server. Try again later, or open the pack and print it from your browser.',
        );
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${row.kind}-pack-${row.id}-${row.asAt}.pdf"`)
        .send(pdf);
    },
  );

  // ---- exports

  const exportQuery = z.object({ table: z.enum(['promises', 'actions', 'measures']).default('promises') });

  app.get(
    '/board/export.csv',
    {
      ...settleMemoryAfter,
      config: { access: 'signedIn' },
      schema: { tags: ['board'], querystring: exportQuery, response: { 200: z.string().describe('CSV') } },
    },
    async (request, reply) => {
      const sheet = (await exportSheets(app.db, app.today()))[request.query.table];
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${request.query.table}-${app.today()}.csv"`)
        .send(UTF8_BOM + (await offThread('csv', { headers: sheet.columns, rows: sheet.rows })));
    },
  );

  app.get(
    '/board/export.xlsx',
    {
      ...settleMemoryAfter,
      config: { access: 'signedIn' },
      schema: { tags: ['board'], response: { 200: z.any().describe('XLSX workbook') } },
    },
    async (_request, reply) => {
      const sheets = await exportSheets(app.db, app.today());
      const bytes = await offThread(
        'xlsx',
        Object.entries(sheets).map(([name, sheet]) => ({ name: name[0]!.toUpperCase() + name.slice(1), ...sheet })),
      );
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="promises-${app.today()}.xlsx"`)
        .send(buffer);
    },
  );
};

type Sheet = Omit<WorkbookSheet, 'name'>;

/** Promises with their RAG, their actions, and their measures' figures (small numbers hidden). */
export async function exportSheets(db: Db, today: string): Promise<Record<'promises' | 'actions' | 'measures', Sheet>> {
  const summary = await boardSummary(db, today, false);
  const settings = getSettings(db);
  const data = await loadPackData(db, { from: today, to: today });
  const evidence = ragEvidence(db);
  const text = new Map(data.promises.map((p) => [p.id, p.staffText]));
  const definitions = summary.definitions;
  // The council's own words for the colour first, the colour beside it: "On track (green)".
  const label = (r: keyof typeof definitions | null | undefined) => (r ? `${definitions[r].label} (${r})` : '');
  const themeOf = new Map(data.promises.map((p) => [p.id, data.themes.find((t) => t.id === p.themeId)?.name ?? '']));
  const promisesSheet: Sheet = {
    columns: [
      'Theme',
      'Promise number',
      'Promise',
      'Owner',
      'Board RAG',
      'Decided on',
      'Trend',
      'Suggested RAG',
      'Why suggested',
      'Overdue actions',
      'Stale actions',
      'Waiting for an answer',
    ],
    dates: ['Decided on'],
    rows: summary.themes.flatMap((t) =>
      t.promises.map((p) => [
        t.name,
        p.id,
        p.staffText,
        p.ownerName,
        label(p.latest?.rating),
        p.latest?.decidedOn ?? '',
        codeWords(TREND_WORDS, p.trend),
        label(p.suggested.rating),
        p.suggested.reasons.map((r) => r.text).join('; '),
        p.overdueCommitments,
        p.staleCommitments,
        p.awaitingResponse,
      ]),
    ),
  };
  const actionsSheet: Sheet = {
    columns: [
      'Theme',
      'Promise number',
      'Promise',
      'Action',
      'Owner',
      'Status',
      'Due',
      'Progress %',
      'Overdue',
      'Latest note',
      'Note written on',
    ],
    dates: ['Due', 'Note written on'],
    rows: data.commitments.map((c) => [
      themeOf.get(c.promiseId) ?? '',
      c.promiseId,
      text.get(c.promiseId) ?? '',
      c.title,
      c.ownerName,
      codeWords(COMMITMENT_STATUS_WORDS, c.status),
      c.dueDate,
      c.progress,
      isOverdue(c, today) ? 'Yes' : 'No',
      c.latestNote,
      c.latestNoteOn?.slice(0, 10) ?? '',
    ]),
  };
  const measuresSheet: Sheet = {
    columns: [
      'Theme',
      'Promise number',
      'Promise',
      'Measure',
      'Unit',
      'Better when',
      'Baseline',
      'Target',
      'Period',
      'Period ends',
      'Value',
    ],
    dates: ['Period ends'],
    rows: evidence.measures.flatMap((m) =>
      (m.values.length ? m.values : [null]).map((v) => [
        themeOf.get(m.promiseId) ?? '',
        m.promiseId,
        text.get(m.promiseId) ?? '',
        m.name,
        codeWords(UNIT_WORDS, m.unit),
        codeWords(DIRECTION_WORDS, m.direction),
        m.baseline,
        m.target,
        v?.period ?? '',
        v?.periodEnd ?? '',
        v
          ? (suppressValue({ unit: m.unit, value: v.value, base: v.base }, settings.smallNumberThreshold).value ??
            'hidden (small number)')
          : '',
      ]),
    ),
  };
  return { promises: promisesSheet, actions: actionsSheet, measures: measuresSheet };
}

export default boardPackRoutes;
