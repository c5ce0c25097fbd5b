// Getting into an account without an admin typing a password: invitations (admin), password reset
// links (anyone, at sign-in), what the sign-in page offers, and the email outbox (admin).
// An email is written to the outbox in the same transaction as the change that causes it and is
// sent after the response (server/plugins/mail-sender.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import {
  idParam,
  invitationCreate,
  invitationCreated,
  outboxList,
  problem,
  resetRequest,
  resetRequested,
  signInOptions,
  tokenCheck,
  tokenInfo,
  tokenPassword,
} from '../contracts/index.js';
import { z } from 'zod';
import { HttpProblem, invalid, notFound } from '../errors.js';
import { oidcConfigured, smtpConfigured } from '../config.js';
import { passwordProblem } from '../domain/passwords.js';
import { invitationMail, resetMail } from '../domain/mail-templates.js';
import { WindowLimiter } from '../domain/rate-limit.js';
import { findUserByEmail, getUser, hashPassword, insertUser, type UserRow } from '../../db/repositories/users.js';
import { findUsableToken, hashToken, issueToken, setPasswordWithToken } from '../../db/repositories/account-tokens.js';
import { enqueueMail, listOutbox } from '../../db/repositories/outbox.js';
import { recordAudit } from '../../db/repositories/audit.js';
import { getSettings } from '../../db/repositories/settings.js';
import { write } from '../../db/repositories/write.js';
import { toAccount } from '../services/accounts.js';

const RESET_ANSWER =
  'If an account uses that email address, we have sent it a link to reset the password. Check your inbox, and your junk folder.';

declare module 'fastify' {
  interface FastifyRequest {
    /** This request put email in the outbox: send it once the response (and its commit) is done. */
    mailQueued?: boolean;
  }
}

const accountAccessRoutes: FastifyPluginAsyncZod = async (app) => {
  const mailOn = smtpConfigured(app.config);
  const ssoOn = oidcConfigured(app.config);
  // Reset requests: 10 an address in 15 minutes; at most 3 emails an account an hour.
  const perAddress = new WindowLimiter(10, 15 * 60_000);
  const perAccount = new WindowLimiter(3, 60 * 60_000);

  /** Whether this account may sign in with a password: the council allows it, or it was made on the command line. */
  const passwordsAllowed = (user: UserRow) => getSettings(app.db).localPasswords || user.localAlways;

  app.addHook('onResponse', async (request) => {
    if (request.mailQueued) app.deliverMail().catch((err: unknown) => request.log.warn({ err }, 'mail sender failed'));
  });

  /**
   * Where links point. Email needs PUBLIC_URL: a link built from the request's Host header could
   * be sent to an attacker's site. An admin's own request may stand in for a link shown to them.
   */
  const linkBase = (request: FastifyRequest) => app.config.PUBLIC_URL || `${request.protocol}://${request.host}`;

  async function invite(
    request: FastifyRequest,
    user: UserRow,
    now: Date,
    tx: Parameters<Parameters<typeof write>[1]>[0],
  ) {
    const hours = app.config.INVITATION_HOURS;
    const token = await issueToken(tx, user.id, 'invitation', now, hours * 3_600_000);
    const link = `${linkBase(request)}/invitation#${token}`;
    const councilName = getSettings(app.db).councilName;
    if (mailOn) {
      await enqueueMail(
        tx,
        invitationMail({ to: user.email, name: user.name, councilName, link, hours, sso: ssoOn }),
        now,
      );
      request.mailQueued = true;
    }
    await recordAudit(tx, request.actor, 'invite', 'user', user.id, null, { email: user.email, emailed: mailOn });
    return {
      account: toAccount(user),
      emailed: mailOn,
      link: mailOn ? null : link,
      expiresAt: new Date(now.getTime() + hours * 3_600_000).toISOString(),
    };
  }

  app.get(
    '/session/options',
    { config: { access: 'public' }, schema: { tags: ['session'], response: { 200: signInOptions } } },
    async () => ({
      sso: ssoOn,
      localPasswords: getSettings(app.db).localPasswords,
      email: mailOn && !!app.config.PUBLIC_URL,
    }),
  );

  app.post(
    '/users/invitations',
    {
      config: { access: ['admin'] },
      schema: { tags: ['users'], body: invitationCreate, response: { 201: invitationCreated, 400: problem } },
    },
    async (request, reply) => {
      const body = request.body;
      if (findUserByEmail(app.db, body.email))
        throw invalid([{ path: 'body.email', message: 'An account with this email already exists' }]);
      const now = app.clock.now();
      const result = await write(
        app.db,
        async (tx) => await invite(request, await insertUser(tx, request.actor, body, null), now, tx),
      );
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/users/:id/invitations',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['users'],
        params: idParam,
        body: z.object({}).optional(),
        response: { 201: invitationCreated, 400: problem, 404: problem },
      },
    },
    async (request, reply) => {
      const user = await getUser(app.db, request.params.id);
      if (!user) throw notFound('User');
      if (user.disabled)
        throw invalid([{ path: 'params.id', message: 'Turn the account back on before inviting them' }]);
      // A new link replaces the old one, which stops working.
      const result = await write(app.db, async (tx) => await invite(request, user, app.clock.now(), tx));
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/session/reset-requests',
    {
      config: { access: 'public' },
      schema: { tags: ['session'], body: resetRequest, response: { 202: resetRequested, 429: problem } },
    },
    async (request, reply) => {
      const now = app.clock.now();
      if (!perAddress.attempt(request.ip, now.getTime()))
        throw new HttpProblem(429, 'Too many attempts', 'Too many reset requests from this address. Wait 15 minutes.');
      const user = findUserByEmail(app.db, request.body.email);
      const settings = getSettings(app.db);
      const canSend =
        !!user &&
        !user.disabled &&
        passwordsAllowed(user) &&
        mailOn &&
        !!app.config.PUBLIC_URL &&
        perAccount.attempt(String(user.id), now.getTime());
      // Known or not, the same work is done: one write, then the same answer, so neither the
      // answer nor its timing says whether an account exists.
      await write(app.db, async (tx) => {
        if (user && canSend) {
          const minutes = app.config.RESET_MINUTES;
          const token = await issueToken(tx, user.id, 'reset', now, minutes * 60_000);
          const link = `${app.config.PUBLIC_URL}/reset-password#${token}`;
          await enqueueMail(
            tx,
            resetMail({ to: user.email, name: user.name, councilName: settings.councilName, link, minutes }),
            now,
          );
          request.mailQueued = true;
        } else {
          hashToken(request.body.email);
        }
        await recordAudit(
          tx,
          { ...request.actor, email: request.body.email },
          'reset-requested',
          'user',
          user?.id ?? '',
          null,
          {
            emailed: canSend,
          },
        );
      });
      return reply.code(202).send({ message: RESET_ANSWER });
    },
  );

  app.post(
    '/session/links/check',
    {
      config: { access: 'public' },
      schema: { tags: ['session'], body: tokenCheck, response: { 200: tokenInfo, 404: problem } },
    },
    async (request) => {
      const found = await findUsableToken(app.db, request.body.token, request.body.purpose, app.clock.now());
      if (!found) throw linkGone();
      return {
        email: found.user.email,
        name: found.user.name,
        purpose: found.token.purpose,
        sso: ssoOn,
        localPasswords: passwordsAllowed(found.user),
      };
    },
  );

  app.post(
    '/session/links/password',
    {
      config: { access: 'public' },
      schema: {
        tags: ['session'],
        body: tokenPassword,
        response: { 204: z.null(), 400: problem, 403: problem, 404: problem },
      },
    },
    async (request, reply) => {
      const { token, purpose, password } = request.body;
      const now = app.clock.now();
      const found = await findUsableToken(app.db, token, purpose, now);
      if (!found) throw linkGone();
      if (!passwordsAllowed(found.user))
        throw new HttpProblem(
          403,
          'Use your council account',
          'Passwords are turned off: sign in with your council account.',
        );
      const problemText = passwordProblem(password, found.user.email);
      if (problemText) throw invalid([{ path: 'body.password', message: problemText }]);
      const passwordHash = await hashPassword(password);
      const actor = { id: found.user.id, email: found.user.email, ip: request.ip };
      // Every other session the account had ends with it.
      if (
        !(await setPasswordWithToken(
          app.db,
          actor,
          found.token.id,
          found.user.id,
          passwordHash,
          purpose,
          app.clock.now(),
        ))
      )
        throw linkGone();
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/outbox',
    { config: { access: ['admin'] }, schema: { tags: ['users'], response: { 200: outboxList } } },
    async () => {
      const { counts, items } = await listOutbox(app.db);
      // The body is never shown: it may hold a link that still works.
      return { sending: mailOn, counts, items: items.map(({ body: _body, ...rest }) => rest) };
    },
  );
};

export default accountAccessRoutes;

const linkGone = () =>
  new HttpProblem(404, 'Link not working', 'This link has expired or has already been used. Ask for a new one.');
