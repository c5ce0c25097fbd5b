// The approval queue for every text children read, and the approve / confirm actions on it.
// Participation workers and admins only; the rules are in server/services/publishing.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  problem,
  wordsApprove,
  wordsApproveMany,
  wordsApproveManyResult,
  wordsDetail,
  wordsParams,
  wordsQueue,
  wordsQueueQuery,
  type Role,
  type WordEntity,
} from '../contracts/index.js';
import { notFound } from '../errors.js';
import { listQueue, loadRecord } from '../../db/repositories/word-reviews.js';
import { approveWords, confirmWords, wordsState } from '../services/publishing.js';
import { approveMany } from '../services/approve-many.js';

const WORKERS = ['participation', 'admin'] as const satisfies readonly Role[];

const publicWordsRoutes: FastifyPluginAsyncZod = async (app) => {
  /** A record that exists; a safeguarding-flagged item is never in the queue's reach. */
  async function existing(entity: WordEntity, id: number) {
    const record = await loadRecord(app.db, entity, id);
    if (!record) throw notFound('That record');
    return record;
  }

  const detail = async (entity: WordEntity, id: number) => await wordsState(app.db, entity, id);

  app.get(
    '/public-words',
    {
      config: { access: WORKERS },
      schema: { tags: ['public words'], querystring: wordsQueueQuery, response: { 200: wordsQueue, 400: problem } },
    },
    async (request) => {
      const q = request.query;
      const { items, total, counts } = await listQueue(app.db, q);
      const byEntity = { feedback: 0, commitment: 0, measure: 0, promise: 0, theme: 0 } satisfies Record<
        WordEntity,
        number
      >;
      let toCheck = 0;
      let awaitingSecond = 0;
      for (const c of counts) {
        byEntity[c.entity] += c.n;
        if (c.state === 'to_check') toCheck += c.n;
        else awaitingSecond += c.n;
      }
      return { items, total, page: q.page, pageSize: q.pageSize, counts: { toCheck, awaitingSecond, byEntity } };
    },
  );

  app.get(
    '/public-words/:entity/:id',
    {
      config: { access: WORKERS },
      schema: { tags: ['public words'], params: wordsParams, response: { 200: wordsDetail, 404: problem } },
    },
    async (request) => {
      const { entity, id } = request.params;
      await existing(entity, id);
      return await detail(entity, id);
    },
  );

  app.post(
    '/public-words/:entity/:id/approve',
    {
      config: { access: WORKERS },
      schema: {
        tags: ['public words'],
        params: wordsParams,
        body: wordsApprove,
        response: { 200: wordsDetail, 400: problem, 404: problem, 409: problem },
      },
    },
    async (request) => {
      const { entity, id } = request.params;
      const record = await existing(entity, id);
      if (entity === 'feedback' && record.safeguarding) throw notFound('That record');
      await approveWords(app.db, request.actor, entity, id, { ...request.body, now: app.clock.now().toISOString() });
      return await detail(entity, id);
    },
  );

  // Several at once (a session's items): each checked and audited on its own, answered per item.
  app.post(
    '/public-words/approve',
    {
      config: { access: WORKERS },
      schema: {
        tags: ['public words'],
        body: wordsApproveMany,
        response: { 200: wordsApproveManyResult, 400: problem },
      },
    },
    async (request) => await approveMany(app.db, request.actor, request.body, app.clock.now().toISOString()),
  );

  app.post(
    '/public-words/:entity/:id/confirm',
    {
      config: { access: WORKERS },
      schema: {
        tags: ['public words'],
        params: wordsParams,
        response: { 200: wordsDetail, 400: problem, 404: problem, 409: problem },
      },
    },
    async (request) => {
      const { entity, id } = request.params;
      await existing(entity, id);
      await confirmWords(app.db, request.actor, entity, id, app.clock.now().toISOString());
      return await detail(entity, id);
    },
  );
};

export default publicWordsRoutes;
