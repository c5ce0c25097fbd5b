import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isOverdue } from '../domain/commitment-state.js';
import {
  idParam,
  problem,
  promise,
  promiseCard,
  promiseCreate,
  promiseHistory,
  promiseListQuery,
  promisePage,
  promiseUpdate,
  type PromiseCard,
} from '../contracts/index.js';
import { invalid, notFound, type FieldProblem } from '../errors.js';
import { principlesFor } from '../domain/principles.js';
import { ragTrend } from '../domain/rag-trend.js';
import { suppressValue } from '../domain/small-numbers.js';
import { readCache } from '../read-cache.js';
import { canSeeOriginalWords, seesSafeguarding } from '../domain/need-to-know.js';
import { wordsReader } from '../services/words-shown.js';
import { historySeenBy } from '../services/history-seen.js';
import { getSettings } from '../../db/repositories/settings.js';
import { getTheme } from '../../db/repositories/themes.js';
import {
  archivePromise,
  createPromise,
  getPromise,
  listPromises,
  loadPromiseCard,
  promiseHistory as loadHistory,
  updatePromise,
  userName,
} from '../../db/repositories/promises.js';

const promiseRoutes: FastifyPluginAsyncZod = async (app) => {
  // The list and the card differ between callers only in whether flagged feedback counts and
  // whether the children's original words are shown.
  const cache = readCache(app, {
    vary: (request) =>
      `${seesSafeguarding(request.user?.role) ? 'safeguarding' : 'standard'}:${canSeeOriginalWords(request.user?.role) ? 'original' : 'shown'}`,
  });

  /** Checks the references a create or update sends; all problems are reported at once. */
  async function checkReferences(body: { themeId?: number; principles?: string[]; ownerId?: number | null }) {
    const errors: FieldProblem[] = [];
    if (body.themeId !== undefined && !(await getTheme(app.db, body.themeId)))
      errors.push({ path: 'body.themeId', message: 'Choose a theme that exists' });
    if (body.principles) {
      const nation = getSettings(app.db).nation;
      const known = new Set(principlesFor(nation).map((p) => p.code));
      const unknown = body.principles.filter((code) => !known.has(code));
      if (unknown.length > 0)
        errors.push({
          path: 'body.principles',
          message: `Not a ${nation === 'wales' ? 'well-being outcome' : 'corporate parenting principle'} code: ${unknown.join(', ')}`,
        });
    }
    if (body.ownerId !== undefined && body.ownerId !== null && !(await userName(app.db, body.ownerId)))
      errors.push({ path: 'body.ownerId', message: 'Choose an owner who has an account' });
    if (errors.length > 0) throw invalid(errors);
  }

  const unique = (codes: string[] | undefined) => (codes ? [...new Set(codes)] : undefined);

  app.get(
    '/promises',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['promises'], querystring: promiseListQuery, response: { 200: promisePage } },
      ...cache,
    },
    async (request) => {
      const q = request.query;
      const page = await listPromises(
        app.db,
        {
          themeId: q.themeId,
          audience: q.audience,
          ownerId: q.ownerId,
          archived: q.archived ?? false,
          q: q.q || undefined,
          sort: q.sort ?? 'theme',
          page: q.page,
          pageSize: q.pageSize,
        },
        { today: app.today(), includeSafeguarding: seesSafeguarding(request.user?.role) },
      );
      return {
        ...page,
        items: page.items.map((p) => ({
          ...p,
          rag: { ...p.rag, trend: p.rag.latest ? ragTrend(p.rag.previous, p.rag.latest) : null },
        })),
      };
    },
  );

  app.get(
    '/promises/:id',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['promises'], params: idParam, response: { 200: promise, 404: problem } },
    },
    async (request) => (await getPromise(app.db, request.params.id)) ?? Promise.reject(notFound('Promise')),
  );

  app.post(
    '/promises',
    {
      config: { access: ['admin'] },
      schema: { tags: ['promises'], body: promiseCreate, response: { 201: promise, 400: problem } },
    },
    async (request, reply) => {
      await checkReferences(request.body);
      const row = await createPromise(app.db, request.actor, {
        ...request.body,
        // With the same words on, the repository copies the staff words into this draft.
        childText: request.body.childText ?? '',
        principles: unique(request.body.principles),
      });
      return reply.code(201).send(row);
    },
  );

  app.patch(
    '/promises/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['promises'],
        params: idParam,
        body: promiseUpdate,
        response: { 200: promise, 400: problem, 404: problem, 409: problem },
      },
    },
    async (request) => {
      if (!(await getPromise(app.db, request.params.id))) throw notFound('Promise');
      await checkReferences(request.body);
      const { version, ...patch } = request.body;
      if (patch.principles) patch.principles = unique(patch.principles);
      return await updatePromise(app.db, request.actor, request.params.id, version, patch);
    },
  );

  app.delete(
    '/promises/:id',
    {
      config: { access: ['admin'] },
      schema: { tags: ['promises'], params: idParam, response: { 200: promise, 404: problem } },
    },
    async (request) =>
      (await archivePromise(app.db, request.actor, request.params.id)) ?? Promise.reject(notFound('Promise')),
  );

  app.get(
    '/promises/:id/card',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['promises'], params: idParam, response: { 200: promiseCard, 404: problem } },
      ...cache,
    },
    async (request): Promise<PromiseCard> => {
      const row = await getPromise(app.db, request.params.id);
      if (!row) throw notFound('Promise');
      const user = request.user!;
      const card = await loadPromiseCard(app.db, row, seesSafeguarding(user.role));
      const reader = wordsReader(app.db, user.role);
      const onDate = app.today();
      const threshold = getSettings(app.db).smallNumberThreshold;
      const latest = card.reviews[0]?.rating ?? null;
      const previous = card.reviews[1]?.rating ?? null;
      return {
        promise: row,
        owner: card.owner,
        theme: card.theme,
        youSaid: {
          items: card.youSaid.items.map(({ publicText, publishState, ...item }) => {
            const { words, shown } = reader.of({ ...item, publicText, publishState });
            return { ...item, text: words, wordsShown: shown };
          }),
          total: card.youSaid.total,
        },
        weWill: card.weWill.map((c) => ({
          ...c,
          overdue: isOverdue(c, onDate),
        })),
        howWeWillKnow: {
          measures: card.measures.map((m) => {
            const { values, ...measure } = m;
            // A figure built on very few children could identify one. The card is a display, not
            // the owner's edit view, so it hides small numbers from everyone, owners included.
            return {
              id: measure.id,
              name: measure.name,
              unit: measure.unit,
              direction: measure.direction,
              baseline: measure.baseline,
              target: measure.target,
              source: measure.source,
              ownerId: measure.ownerId,
              councilWide: measure.councilWide,
              promiseId: measure.promiseId,
              values: values.map((v) => {
                const shown = suppressValue({ unit: measure.unit, value: v.value, base: v.base }, threshold);
                return {
                  period: v.period,
                  periodEnd: v.periodEnd,
                  value: shown.value,
                  // The base of a hidden figure is itself a small number.
                  base: shown.suppressed ? null : v.base,
                  suppressed: shown.suppressed,
                  englandAverage: v.englandAverage,
                  statNeighbours: v.statNeighbours,
                };
              }),
            };
          }),
          evidence: card.evidence,
        },
        weDid: {
          items: card.weDid.items.map(({ publishState, safeguarding, ...answer }) => ({
            ...answer,
            publicText: reader.publicWords({ ...answer, publishState, safeguarding }),
          })),
          total: card.weDid.total,
        },
        rag: {
          latest,
          previous,
          trend: latest ? ragTrend(previous, latest) : null,
          history: card.reviews,
        },
      };
    },
  );

  app.get(
    '/promises/:id/history',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['promises'], params: idParam, response: { 200: promiseHistory, 404: problem } },
    },
    async (request) => {
      if (!(await getPromise(app.db, request.params.id))) throw notFound('Promise');
      return {
        items: await historySeenBy(app.db, request.user?.role, await loadHistory(app.db, request.params.id), 'promise'),
      };
    },
  );
};

export default promiseRoutes;
