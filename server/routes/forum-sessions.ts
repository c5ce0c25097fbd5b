// Forum sessions and surveys: a participation worker logs a meeting (forum, date, how many came)
// or a survey (year, how many answered, the age bands it asked) and every item said in it in one
// request, written in one transaction.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  forumSessionCreate,
  forumSessionPage,
  forumSessionQuery,
  forumSessionWithItems,
  idParam,
  problem,
  type Role,
} from '../contracts/index.js';
import { invalid, notFound, type FieldProblem } from '../errors.js';
import { getSettings } from '../../db/repositories/settings.js';
import { missingPromiseIds } from '../../db/repositories/feedback.js';
import { findingsIn, identifierContext } from '../services/publishing.js';
import {
  createForumSession,
  getForumSession,
  listForumSessions,
  type ForumSessionWithCount,
} from '../../db/repositories/forum-sessions.js';

const WORKERS = ['participation', 'admin'] as const satisfies readonly Role[];

/** The API's shape: a survey has no forum and no attendance, a forum no respondents. */
function toForumSession<T extends ForumSessionWithCount>(row: T) {
  const { surveyYear, forumId, attendance, ...rest } = row;
  const survey = row.kind === 'survey';
  return {
    ...rest,
    year: surveyYear,
    forumId: survey ? null : forumId,
    attendance: survey ? null : attendance,
    respondents: survey ? row.respondents : null,
  };
}

const forumSessionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/forum-sessions',
    {
      config: { access: WORKERS },
      schema: {
        tags: ['feedback'],
        querystring: forumSessionQuery,
        response: { 200: forumSessionPage, 400: problem },
      },
    },
    async (request) => {
      const q = request.query;
      const { items, total } = await listForumSessions(app.db, q);
      return { items: items.map(toForumSession), total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/forum-sessions/:id',
    {
      config: { access: WORKERS },
      schema: { tags: ['feedback'], params: idParam, response: { 200: forumSessionWithItems, 404: problem } },
    },
    async (request) => {
      const found = await getForumSession(app.db, request.params.id, true);
      if (!found) throw notFound('Forum session');
      return toForumSession(found);
    },
  );

  app.post(
    '/forum-sessions',
    {
      config: { access: WORKERS },
      schema: {
        tags: ['feedback'],
        body: forumSessionCreate,
        response: { 201: forumSessionWithItems, 400: problem },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const settings = getSettings(app.db);
      const today = app.today();
      const problems: FieldProblem[] = [];
      if (body.kind === 'forum' && !settings.forums.some((f) => f.id === body.forumId))
        problems.push({ path: 'body.forumId', message: 'Choose one of the council’s forums' });
      if (body.heldOn > today) problems.push({ path: 'body.heldOn', message: 'The date cannot be in the future' });
      const bands = new Set(settings.ageBands.map((b) => b.id));
      (body.ageBands ?? []).forEach((band, i) => {
        if (!bands.has(band)) problems.push({ path: `body.ageBands.${i}`, message: 'Choose one of the age bands' });
      });
      for (const [i, item] of body.items.entries()) {
        if (!bands.has(item.ageBand))
          problems.push({ path: `body.items.${i}.ageBand`, message: 'Choose one of the age bands' });
        const missing = await missingPromiseIds(app.db, item.promiseIds ?? []);
        if (missing.length > 0)
          problems.push({ path: `body.items.${i}.promiseIds`, message: `No promise has id ${missing.join(', ')}` });
      }
      if (problems.length > 0) throw invalid(problems);
      const created = await createForumSession(
        app.db,
        request.actor,
        {
          kind: body.kind,
          forumId: body.forumId ?? '',
          heldOn: body.heldOn,
          attendance: body.attendance ?? 0,
          respondents: body.respondents ?? null,
          surveyYear: body.year ?? '',
          title: body.title ?? '',
          ageBands: [...new Set(body.ageBands ?? [])],
          notes: body.notes ?? '',
        },
        body.items.map((i) => ({
          text: i.text,
          ageBand: i.ageBand,
          publicText: i.publicText ?? '',
          promiseIds: i.promiseIds ?? [],
        })),
      );
      // Checked at capture: each item says what in its words may identify someone.
      const context = identifierContext(app.db);
      const items = created.items.map((item) => ({
        ...item,
        identifierKinds: [...new Set(findingsIn(item.text, context).map((f) => f.kind))],
      }));
      return reply.code(201).send({ ...toForumSession(created), items });
    },
  );
};

export default forumSessionRoutes;
