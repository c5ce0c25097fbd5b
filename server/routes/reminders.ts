// Reminders in the product: a person's "needs doing" list (My actions, the participation
// worker's home, the counts in the navigation), their choice of reminder emails, and the public
// single-use link a partner agency's contact updates one commitment with, without a password.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  myNotifications,
  myNotificationsUpdate,
  needsDoingList,
  problem,
  updateLinkCheck,
  updateLinkInfo,
  updateLinkSubmit,
} from '../contracts/index.js';
import { HttpProblem } from '../errors.js';
import { smtpConfigured } from '../config.js';
import { reasonLine } from '../domain/reminder-mail.js';
import { dateWords } from '../domain/date-words.js';
import { needsDoingFor, itemPath } from '../services/reminders.js';
import { getSettings } from '../../db/repositories/settings.js';
import { recordAudit } from '../../db/repositories/audit.js';
import { write } from '../../db/repositories/write.js';
import { getCommitment, updateCommitment } from '../../db/repositories/commitments.js';
import { findUpdateLink, notifyChoice, setNotifyChoice, useUpdateLink } from '../../db/repositories/reminders.js';

const URGENT = new Set(['commitment_overdue', 'feedback_over_target']);
/** A partner's update is a status, a percentage and a note: a few KB at most. */
const UPDATE_LINK_BODY_LIMIT = 8 * 1024;

const reminderRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me/needs-doing',
    { config: { access: 'signedIn' }, schema: { tags: ['reminders'], response: { 200: needsDoingList } } },
    async (request) => {
      const { timeZone } = getSettings(app.db);
      const items = (await needsDoingFor(app.db, app.clock.now(), request.user!)).map((item) => ({
        ...item,
        path: itemPath(item),
        reason: reasonLine(item, timeZone),
      }));
      return { total: items.length, urgent: items.filter((i) => URGENT.has(i.kind)).length, items };
    },
  );

  const mine = async (userId: number) => ({
    ...(await notifyChoice(app.db, userId))!,
    digestWeekday: getSettings(app.db).digestWeekday,
    sending: smtpConfigured(app.config),
  });

  app.get(
    '/me/notifications',
    { config: { access: 'signedIn' }, schema: { tags: ['reminders'], response: { 200: myNotifications } } },
    async (request) => await mine(request.user!.id),
  );

  app.put(
    '/me/notifications',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['reminders'], body: myNotificationsUpdate, response: { 200: myNotifications, 400: problem } },
    },
    async (request) => {
      const userId = request.user!.id;
      await setNotifyChoice(app.db, request.actor, userId, request.body.notify, app.clock.now());
      return await mine(userId);
    },
  );

  // ---- A partner contact's single-use link ----

  app.post(
    '/update-links/check',
    {
      config: { access: 'public' },
      bodyLimit: UPDATE_LINK_BODY_LIMIT,
      schema: { tags: ['reminders'], body: updateLinkCheck, response: { 200: updateLinkInfo, 404: problem } },
    },
    async (request) => {
      const found = await findUpdateLink(app.db, request.body.token, app.clock.now());
      const c = found && (await getCommitment(app.db, found.link.commitmentId));
      if (!found || !c || c.archived) throw linkGone();
      return {
        name: found.user.name,
        commitment: {
          title: c.title,
          status: c.status,
          progress: c.progress,
          dueDate: c.dueDate,
          dueWords: dateWords(c.dueDate, 'en', getSettings(app.db).timeZone),
        },
        expiresAt: found.link.expiresAt,
      };
    },
  );

  app.post(
    '/update-links/update',
    {
      config: { access: 'public' },
      bodyLimit: UPDATE_LINK_BODY_LIMIT,
      schema: {
        tags: ['reminders'],
        body: updateLinkSubmit,
        response: { 204: z.null(), 400: problem, 404: problem },
      },
    },
    async (request, reply) => {
      const { token, status, progress, note } = request.body;
      const now = app.clock.now();
      const found = await findUpdateLink(app.db, token, now);
      const c = found && (await getCommitment(app.db, found.link.commitmentId));
      if (!found || !c || c.archived) throw linkGone();
      // Audited as the person the link was sent to, and only ever the one commitment it names.
      const actor = { id: found.user.id, email: found.user.email, ip: request.ip };
      const day = app.today();
      await write(app.db, async (tx) => {
        if (!(await useUpdateLink(tx, found.link.id, now))) throw linkGone();
        await updateCommitment(app.db, actor, c.id, {
          version: c.version,
          patch: { status, progress },
          note,
          today: day,
          now: now.toISOString(),
        });
        await recordAudit(tx, actor, 'use-update-link', 'commitment', c.id, null, { linkId: found.link.id });
      });
      return reply.code(204).send(null);
    },
  );
};

export default reminderRoutes;

const linkGone = () =>
  new HttpProblem(
    404,
    'Link not working',
    'This link has expired or has already been used. Your next reminder brings a new one.',
  );
