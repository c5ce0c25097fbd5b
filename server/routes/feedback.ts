// "You said": log what children told us, link it to promises and commitments, record the
// council's answer and the day it went back to them. Safeguarding-flagged items exist only for
// participation workers and admins: everyone else gets 404, as if the item were not there.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { seesSafeguarding } from '../domain/need-to-know.js';
import { z } from 'zod';
import {
  feedbackCommitmentParams,
  feedbackCreate,
  feedbackItem,
  feedbackPage,
  feedbackPromiseParams,
  feedbackQuery,
  feedbackSeen,
  feedbackUpdate,
  idParam,
  problem,
  safeguardingFlag,
  type FeedbackUpdate,
  type Role,
} from '../contracts/index.js';
import { invalid, notFound, type FieldProblem } from '../errors.js';
import { instantFromLocal } from '../domain/local-time.js';
import { wordsReader, type WordsReader } from '../services/words-shown.js';
import { getSettings, type SettingsRow } from '../../db/repositories/settings.js';
import { clearedLive } from '../../db/repositories/word-reviews.js';
import { findingsIn, identifierContext } from '../services/publishing.js';
import {
  commitmentExists,
  createFeedback,
  deleteFeedback,
  getFeedback,
  listFeedback,
  missingPromiseIds,
  promiseExists,
  setLink,
  updateFeedback,
  type FeedbackInsert,
  type FeedbackRow,
  type FeedbackWithLinks,
} from '../../db/repositories/feedback.js';

const WORKERS = ['participation', 'admin'] as const satisfies readonly Role[];

/** An item as this reader may see it: everyone but workers gets the words they are shown, never the original. */
function seenBy(reader: WordsReader, item: FeedbackWithLinks) {
  if (reader.seesOriginal) return { ...item, wordsShown: 'original' as const };
  const { words, shown } = reader.of(item);
  return {
    ...item,
    text: words,
    publicText: reader.publicWords(item),
    // A worker's notes on the words may quote them: masked like them.
    safeReason: reader.mask(item.safeReason),
    withdrawnReason: reader.mask(item.withdrawnReason),
    wordsShown: shown,
  };
}

/** Does a search match what this reader is shown (LIKE's case rule: ASCII letters in any case)? */
function matches(reader: WordsReader, item: FeedbackRow, q: string): boolean {
  const needle = q.toLowerCase();
  return [reader.of(item).words, item.responseText].some((w) => w.toLowerCase().includes(needle));
}

const forumIds = (s: SettingsRow) => new Set(s.forums.map((f) => f.id));
const ageBandIds = (s: SettingsRow) => new Set(s.ageBands.map((b) => b.id));

/**
 * The rules an item must keep once a change is applied to it. Pure: takes the merged item,
 * which fields were sent, the council's settings and today's date.
 */
export function feedbackProblems(
  item: Pick<
    FeedbackRow,
    'source' | 'forumId' | 'heardOn' | 'ageBand' | 'response' | 'cantReason' | 'respondedOn' | 'fedBackOn'
  >,
  sent: ReadonlySet<string>,
  settings: SettingsRow,
  today: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ path: `body.${field}`, message });
  if (sent.has('forumId') && item.forumId !== null && !forumIds(settings).has(item.forumId))
    add('forumId', 'Choose one of the council’s forums');
  if (item.source === 'forum' && !item.forumId) add('forumId', 'Choose the forum it was heard at');
  if (sent.has('ageBand') && !ageBandIds(settings).has(item.ageBand)) add('ageBand', 'Choose one of the age bands');
  if (sent.has('heardOn') && item.heardOn > today) add('heardOn', 'The date it was heard cannot be in the future');
  if (item.response === 'cant' && item.cantReason.trim() === '')
    add('cantReason', 'Explain why we can’t: children are owed a reason');
  if (item.respondedOn !== null) {
    if (sent.has('respondedOn') && item.respondedOn > today)
      add('respondedOn', 'The date of the answer cannot be in the future');
    else if (item.respondedOn < item.heardOn) add('respondedOn', 'The answer cannot come before it was heard');
  }
  if (item.fedBackOn !== null) {
    if (item.response === null) add('fedBackOn', 'Record the answer before the date it was fed back');
    else if (sent.has('fedBackOn') && item.fedBackOn > today)
      add('fedBackOn', 'The date it was fed back cannot be in the future');
    else if (item.respondedOn !== null && item.fedBackOn < item.respondedOn)
      add('fedBackOn', 'It cannot be fed back before the answer was given');
    else if (item.fedBackOn < item.heardOn) add('fedBackOn', 'It cannot be fed back before it was heard');
  }
  return problems;
}

function patchFrom(body: Omit<FeedbackUpdate, 'version'>): Partial<FeedbackInsert> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as Partial<FeedbackInsert>;
}

const feedbackRoutes: FastifyPluginAsyncZod = async (app) => {
  /** The item with the kinds of identifier its original words hold: lists and capture warn of them. */
  function withChecks<T extends FeedbackRow>(item: T, context = identifierContext(app.db)) {
    return { ...item, identifierKinds: [...new Set(findingsIn(item.text, context).map((f) => f.kind))] };
  }

  /** The item if this caller may see it; flagged items are absent for everyone but workers. */
  function visible(id: number, role: Role | undefined) {
    const item = getFeedback(app.db, id);
    if (!item || (item.safeguarding && !seesSafeguarding(role))) throw notFound('Feedback');
    return item;
  }

  app.get(
    '/feedback',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['feedback'], querystring: feedbackQuery, response: { 200: feedbackPage, 400: problem } },
    },
    async (request) => {
      const q = request.query;
      const reader = wordsReader(app.db, request.user?.role);
      const context = identifierContext(app.db);
      // A search by words matches only the words the caller is shown: the database narrows it,
      // and each candidate is judged on its shown words, so no original word can be fished for.
      const search = q.q;
      const keep = !reader.seesOriginal && search ? (item: FeedbackRow) => matches(reader, item, search) : undefined;
      const result = await listFeedback(app.db, q, { seesFlagged: seesSafeguarding(request.user?.role) }, keep);
      return {
        ...result,
        items: result.items.map((item) => seenBy(reader, withChecks(item, context))),
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );

  app.get(
    '/feedback/:id',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['feedback'], params: idParam, response: { 200: feedbackSeen, 404: problem } },
    },
    async (request) =>
      seenBy(wordsReader(app.db, request.user?.role), withChecks(visible(request.params.id, request.user?.role))),
  );

  app.post(
    '/feedback',
    {
      config: { access: WORKERS },
      schema: { tags: ['feedback'], body: feedbackCreate, response: { 201: feedbackItem, 400: problem } },
    },
    async (request, reply) => {
      const { promiseIds = [], ...body } = request.body;
      const input = {
        ...body,
        forumId: body.forumId ?? null,
        publicText: body.publicText ?? '',
        loggedById: request.user?.id ?? null,
      };
      const settings = getSettings(app.db);
      const sent = new Set(Object.keys(body));
      const problems = feedbackProblems(
        { ...input, response: null, cantReason: '', respondedOn: null, fedBackOn: null },
        sent,
        settings,
        app.today(),
      );
      const missing = await missingPromiseIds(app.db, promiseIds);
      if (missing.length > 0)
        problems.push({ path: 'body.promiseIds', message: `No promise has id ${missing.join(', ')}` });
      if (problems.length > 0) throw invalid(problems);
      return reply.code(201).send(withChecks(await createFeedback(app.db, request.actor, input, promiseIds)));
    },
  );

  app.patch(
    '/feedback/:id',
    {
      config: { access: WORKERS },
      schema: {
        tags: ['feedback'],
        params: idParam,
        body: feedbackUpdate,
        response: { 200: feedbackItem, 400: problem, 404: problem, 409: problem },
      },
    },
    async (request) => {
      const { version, ...body } = request.body;
      const patch = patchFrom(body);
      const settings = getSettings(app.db);
      const day = app.today();
      const updated = await updateFeedback(app.db, request.actor, request.params.id, version, (current) => {
        const merged = { ...current, ...patch };
        const problems = feedbackProblems(merged, new Set(Object.keys(patch)), settings, day);
        if (problems.length > 0) throw invalid(problems);
        // Edited public words and answers are a new draft: the approved ones stay live until a
        // person approves the change (db/repositories/word-reviews.ts keeps the queue).
        return patch;
      });
      return withChecks(updated);
    },
  );

  app.post(
    '/feedback/:id/safeguarding',
    {
      config: { access: WORKERS },
      schema: {
        tags: ['feedback'],
        params: idParam,
        body: safeguardingFlag,
        response: { 200: feedbackItem, 400: problem, 404: problem },
      },
    },
    async (request) => {
      const { toldOn, toldTime } = request.body;
      // Typed as a date and a time in the council's zone; an ISO instant from other systems.
      const typed = toldOn && toldTime ? instantFromLocal(toldOn, toldTime, getSettings(app.db).timeZone) : null;
      const toldAt = new Date(request.body.toldAt ?? typed ?? NaN);
      const field = request.body.toldAt ? 'body.toldAt' : 'body.toldOn';
      if (Number.isNaN(toldAt.getTime())) throw invalid([{ path: field, message: 'Enter a real date' }]);
      if (toldAt.getTime() > app.clock.now().getTime())
        throw invalid([{ path: field, message: 'The time you told someone cannot be in the future' }]);
      // No version: a safeguarding flag must never be refused because someone else edited the item.
      return await updateFeedback(
        app.db,
        request.actor,
        request.params.id,
        null,
        () => ({
          safeguarding: true,
          safeguardingToldWhom: request.body.toldWhom,
          safeguardingToldAt: toldAt.toISOString(),
          // Withheld for good: a flagged item is never published, and any approval is void.
          publishState: 'withheld',
          ...clearedLive('feedback'),
          approvedById: null,
          approvedAt: null,
        }),
        'safeguarding',
      );
    },
  );

  app.delete(
    '/feedback/:id',
    {
      config: { access: ['admin'] },
      schema: { tags: ['feedback'], params: idParam, response: { 204: z.null(), 404: problem } },
    },
    async (request, reply) => {
      await deleteFeedback(app.db, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );

  for (const linked of [true, false]) {
    const method = linked ? 'put' : 'delete';
    app[method](
      '/feedback/:id/promises/:promiseId',
      {
        config: { access: WORKERS },
        schema: {
          tags: ['feedback'],
          params: feedbackPromiseParams,
          response: { 200: feedbackItem, 404: problem },
        },
      },
      async (request) => {
        const { id, promiseId } = request.params;
        visible(id, request.user?.role);
        if (!(await promiseExists(app.db, promiseId))) throw notFound('Promise');
        return await setLink(app.db, request.actor, id, 'promise', promiseId, linked);
      },
    );
    app[method](
      '/feedback/:id/commitments/:commitmentId',
      {
        config: { access: WORKERS },
        schema: {
          tags: ['feedback'],
          params: feedbackCommitmentParams,
          response: { 200: feedbackItem, 404: problem },
        },
      },
      async (request) => {
        const { id, commitmentId } = request.params;
        visible(id, request.user?.role);
        if (!(await commitmentExists(app.db, commitmentId))) throw notFound('Commitment');
        return await setLink(app.db, request.actor, id, 'commitment', commitmentId, linked);
      },
    );
  }
};

export default feedbackRoutes;
