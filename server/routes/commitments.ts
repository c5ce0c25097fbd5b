// "We will": commitments, who owns them, and their history of updates.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isOverdue } from '../domain/commitment-state.js';
import { seesSafeguarding } from '../domain/need-to-know.js';
import { z } from 'zod';
import {
  archiveQuery,
  commitmentCreate,
  commitmentDetail,
  commitmentHistory,
  DETAIL_HISTORY_SHOWN,
  commitmentPage,
  commitmentSaved,
  commitmentQuery,
  commitmentUpdate,
  idParam,
  problem,
  restoreBody,
  type Commitment,
  type CommitmentDetail,
  type CommitmentHistoryEntry,
  type CommitmentSaved,
  type CommitmentYouSaid,
  type SessionUser,
} from '../contracts/index.js';
import { forbidden, invalid, notFound, type FieldProblem } from '../errors.js';
import { wordsReader, type WordsReader } from '../services/words-shown.js';
import { getSettings } from '../../db/repositories/settings.js';
import {
  archiveCommitment,
  createCommitment,
  getCommitment,
  isAssignableOwner,
  countCommitmentUpdates,
  listCommitmentUpdates,
  listCommitments,
  promiseIsOpen,
  promiseLeadId,
  restoreCommitment,
  youSaidFor,
  updateCommitment,
  type CommitmentListRow,
  type CommitmentRow,
  type CommitmentUpdateRow,
  type YouSaidRow,
} from '../../db/repositories/commitments.js';
import type { AgeBand } from '../../db/schema.js';
import type { Db } from '../../db/client.js';

export function toCommitment(row: CommitmentListRow, today: string): Commitment {
  return { ...row, overdue: isOverdue(row, today) };
}

function toHistoryEntry(row: CommitmentUpdateRow): CommitmentHistoryEntry {
  return { ...row, status: row.status as CommitmentHistoryEntry['status'] };
}

/**
 * Children's words as the API gives them: the words this reader may see (never the original
 * for anyone but workers), without the join key, with the age band in words.
 */
export function toYouSaid(rows: YouSaidRow[], ageBands: readonly AgeBand[], reader: WordsReader): CommitmentYouSaid[] {
  return rows.map(({ commitmentId: _c, publicText, publishState, ...y }) => {
    const { words, shown } = reader.of({ ...y, publicText, publishState });
    return {
      ...y,
      text: words,
      wordsShown: shown,
      ageBandLabel: ageBands.find((b) => b.id === y.ageBand)?.label ?? y.ageBand,
    };
  });
}

/** Admins may change any commitment; an owner only the ones they own; nobody else. */
export function mayEdit(user: SessionUser, row: Pick<CommitmentRow, 'ownerId'>): boolean {
  return user.role === 'admin' || (user.role === 'owner' && row.ownerId === user.id);
}

/**
 * Admins may add a commitment to any promise; an action owner to a promise they lead (the
 * promise's owner), so the person answerable for a promise can say what will be done.
 */
export function mayAddTo(user: SessionUser, promiseLeadId: number | null | undefined): boolean {
  return user.role === 'admin' || (user.role === 'owner' && promiseLeadId === user.id);
}

/** Problems with the promise and owner a commitment points at (only the ones sent). */
function referenceProblems(db: Db, body: { promiseId?: number; ownerId?: number | null }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (body.promiseId !== undefined && !promiseIsOpen(db, body.promiseId))
    problems.push({ path: 'body.promiseId', message: 'Choose a promise that exists and is not archived' });
  if (body.ownerId != null && !isAssignableOwner(db, body.ownerId))
    problems.push({ path: 'body.ownerId', message: 'Choose a person who can own actions' });
  return problems;
}

const commitmentRoutes: FastifyPluginAsyncZod = async (app) => {
  async function detail(id: number, user: SessionUser): Promise<CommitmentDetail> {
    const row = await getCommitment(app.db, id);
    const settings = getSettings(app.db);
    if (!row) throw notFound('Commitment');
    return {
      ...toCommitment(row, app.today()),
      // A year of monthly updates: an answer must not grow with every update.
      updates: (await listCommitmentUpdates(app.db, id, DETAIL_HISTORY_SHOWN)).map(toHistoryEntry),
      updatesTotal: await countCommitmentUpdates(app.db, id),
      youSaid: toYouSaid(
        (await youSaidFor(app.db, [id], seesSafeguarding(user.role))).get(id) ?? [],
        settings.ageBands,
        wordsReader(app.db, user.role),
      ),
    };
  }

  app.get(
    '/commitments',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['commitments'], querystring: commitmentQuery, response: { 200: commitmentPage, 400: problem } },
    },
    async (request) => {
      const q = request.query;
      const day = app.today();
      const { rows, total } = await listCommitments(app.db, { ...q, today: day });
      return { items: rows.map((r) => toCommitment(r, day)), total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/commitments/:id',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['commitments'], params: idParam, response: { 200: commitmentDetail, 404: problem } },
    },
    async (request) => await detail(request.params.id, request.user!),
  );

  app.get(
    '/commitments/:id/updates',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['commitments'], params: idParam, response: { 200: commitmentHistory, 404: problem } },
    },
    async (request) => {
      if (!(await getCommitment(app.db, request.params.id))) throw notFound('Commitment');
      return { items: (await listCommitmentUpdates(app.db, request.params.id)).map(toHistoryEntry) };
    },
  );

  app.post(
    '/commitments',
    {
      config: { access: ['admin', 'owner'] },
      schema: {
        tags: ['commitments'],
        body: commitmentCreate,
        response: { 201: commitmentDetail, 400: problem, 403: problem },
      },
    },
    async (request, reply) => {
      if (!mayAddTo(request.user!, await promiseLeadId(app.db, request.body.promiseId)))
        throw forbidden('You can add commitments only to promises you lead.');
      const problems = referenceProblems(app.db, request.body);
      if (problems.length) throw invalid(problems);
      const row = await createCommitment(app.db, request.actor, request.body);
      return reply.code(201).send(await detail(row.id, request.user!));
    },
  );

  app.patch(
    '/commitments/:id',
    {
      config: { access: ['admin', 'owner'] },
      schema: {
        tags: ['commitments'],
        params: idParam,
        body: commitmentUpdate,
        response: { 200: commitmentSaved, 400: problem, 403: problem, 404: problem, 409: problem },
      },
    },
    async (request): Promise<CommitmentSaved> => {
      const user = request.user!;
      const { version, note, noteDate, dueDateReason, ...patch } = request.body;
      const now = app.clock.now();
      const day = app.today();
      const { recorded, ...row } = await updateCommitment(app.db, request.actor, request.params.id, {
        version,
        patch,
        note,
        noteDate,
        dueDateReason,
        today: day,
        now: now.toISOString(),
        authorize: (current) => {
          if (!mayEdit(user, current)) throw forbidden('You can only update commitments you own.');
          const reassigns =
            (patch.ownerId !== undefined && patch.ownerId !== current.ownerId) ||
            (patch.promiseId !== undefined && patch.promiseId !== current.promiseId);
          if (reassigns && user.role !== 'admin')
            throw forbidden('Only an administrator can move a commitment to another owner or promise.');
        },
        validate: (current) => {
          const problems = referenceProblems(app.db, {
            promiseId: patch.promiseId !== current.promiseId ? patch.promiseId : undefined,
            ownerId: patch.ownerId !== current.ownerId ? patch.ownerId : undefined,
          });
          if (patch.dueDate !== undefined && patch.dueDate !== current.dueDate && !dueDateReason)
            problems.push({ path: 'body.dueDateReason', message: 'Say why the due date has changed' });
          if (noteDate !== undefined && noteDate > day)
            problems.push({ path: 'body.noteDate', message: 'The date of the update must be today or in the past' });
          if (problems.length) throw invalid(problems);
        },
      });
      // The history row's author is the person saving: their name, as the history's join gives it.
      return {
        ...toCommitment(row, day),
        recorded: recorded && toHistoryEntry({ ...recorded, authorName: user.name }),
      };
    },
  );

  app.delete(
    '/commitments/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['commitments'],
        params: idParam,
        querystring: archiveQuery,
        response: { 204: z.null(), 400: problem, 404: problem, 409: problem },
      },
    },
    async (request, reply) => {
      await archiveCommitment(app.db, request.actor, request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/commitments/:id/restore',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['commitments'],
        params: idParam,
        body: restoreBody,
        response: { 200: commitmentDetail, 400: problem, 404: problem, 409: problem },
      },
    },
    async (request) => {
      await restoreCommitment(app.db, request.actor, request.params.id, request.body.version);
      return await detail(request.params.id, request.user!);
    },
  );
};

export default commitmentRoutes;
