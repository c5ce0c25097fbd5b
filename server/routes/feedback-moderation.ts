// Moderation of a feedback item's public words: the identifier check's findings, approval,
// the second worker's confirmation, and withdrawal. Every rule is in server/services/publishing.ts,
// the one gate to the public. Safeguarding-flagged items are seen by participation workers and
// admins only.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { seesSafeguarding } from '../domain/need-to-know.js';
import {
  feedbackApprove,
  feedbackFindings,
  feedbackItem,
  feedbackWithdraw,
  idParam,
  problem,
  type CheckedField,
  type Role,
} from '../contracts/index.js';
import { notFound } from '../errors.js';
import { isHardStop, maskIdentifiers, type Finding } from '../domain/identifiers.js';
import { approveWords, confirmWords, findingsIn, identifierContext, wordsState } from '../services/publishing.js';
import { clearedLive } from '../../db/repositories/word-reviews.js';
import { getFeedback } from '../../db/repositories/feedback.js';
import { changePublishing } from '../../db/repositories/feedback-workflow.js';

const WORKERS = ['participation', 'admin'] as const satisfies readonly Role[];
/** Public words approval checks besides publicText: the answer, which the kiosk shows with them. */
const ANSWER_CHECKED = [
  'responseText',
  'cantReason',
  'responseTextCy',
  'cantReasonCy',
] as const satisfies readonly CheckedField[];
const withHard = (findings: readonly Finding[]) => findings.map((f) => ({ ...f, hard: isHardStop(f) }));

const feedbackModerationRoutes: FastifyPluginAsyncZod = async (app) => {
  function visible(id: number, role: Role | undefined) {
    const item = getFeedback(app.db, id);
    if (!item || (item.safeguarding && !seesSafeguarding(role))) throw notFound('Feedback');
    return item;
  }

  app.get(
    '/feedback/:id/findings',
    {
      config: { access: WORKERS },
      schema: { tags: ['feedback'], params: idParam, response: { 200: feedbackFindings, 404: problem } },
    },
    async (request) => {
      const item = visible(request.params.id, request.user?.role);
      const state = await wordsState(app.db, 'feedback', item.id);
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
      await approveWords(app.db, request.actor, 'feedback', request.params.id, {
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
      await confirmWords(app.db, request.actor, 'feedback', request.params.id, app.clock.now().toISOString());
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
      return await changePublishing(app.db, request.actor, request.params.id, null, 'withdraw', () => ({
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
};

export default feedbackModerationRoutes;
