// Sign in, see who is signed in, sign out.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signIn, sessionInfo, sessionState, problem } from '../contracts/index.js';
import { HttpProblem } from '../errors.js';
import { SESSION_COOKIE } from '../plugins/auth.js';
import { signInDelayMs, WindowLimiter } from '../domain/rate-limit.js';
import { SMALL_BODY_LIMIT } from '../plugins/body-limits.js';
import { createSession, deleteSession } from '../../db/repositories/sessions.js';
import {
  clearFailedSignIns,
  findUserByEmail,
  hashPassword,
  recordFailedSignIn,
  verifyPassword,
} from '../../db/repositories/users.js';
import { recordAudit } from '../../db/repositories/audit.js';
import { getSettings } from '../../db/repositories/settings.js';

const WRONG = 'Enter a correct email address and password.';
/** Failed sign-ins one address may make in a minute: high, so one council office is never shut out. */
export const SIGN_IN_FAILURES_PER_ADDRESS = 100;

const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  // Per address: 100 failed attempts a minute (everyone behind one council address shares it).
  // Per account: after 5 failures in a row each try waits a delay that doubles, up to 15 minutes.
  const perAddress = new WindowLimiter(SIGN_IN_FAILURES_PER_ADDRESS, 60_000);
  // Verifying against a real hash for unknown emails keeps the timing the same as a wrong password.
  const dummyHash = await hashPassword('not-a-real-password-for-timing', app.passwordCost);

  app.post(
    '/session',
    {
      config: { access: 'public' },
      bodyLimit: SMALL_BODY_LIMIT,
      schema: {
        tags: ['session'],
        body: signIn,
        response: { 200: sessionInfo, 401: problem, 403: problem, 429: problem },
      },
    },
    async (request, reply) => {
      const now = app.clock.now();
      if (perAddress.isBlocked(request.ip, now.getTime())) {
        request.log.warn({ ip: request.ip }, 'sign-in rate limit reached');
        throw new HttpProblem(
          429,
          'Too many attempts',
          'Too many sign-in attempts from this address. Wait a minute and try again.',
        );
      }
      const { email, password } = request.body;
      const user = findUserByEmail(app.db, email);
      const passwordOk = await verifyPassword(user?.passwordHash ?? dummyHash, password).catch(() => false);
      const locked = !!user?.lockedUntil && Date.parse(user.lockedUntil) > now.getTime();

      if (!user || !user.passwordHash || user.disabled || locked || !passwordOk) {
        const actor = { id: user?.id ?? null, email, ip: request.ip };
        if (user && !locked && !passwordOk) {
          const failures = user.failedSignIns + 1;
          const delay = signInDelayMs(failures);
          const lockedUntil = delay > 0 ? new Date(now.getTime() + delay).toISOString() : null;
          await recordFailedSignIn(app.db, user.id, failures, lockedUntil);
          if (lockedUntil) {
            request.log.warn({ userId: user.id, delayMs: delay }, 'sign-in delayed after repeated failures');
            await recordAudit(app.db, actor, 'lock', 'user', user.id, null, { lockedUntil });
          }
        }
        perAddress.attempt(request.ip, now.getTime());
        request.log.info({ email, locked }, 'failed sign-in');
        await recordAudit(app.db, actor, 'sign-in-failed', 'session', '', null, { email, locked });
        // The same answer for unknown email, wrong password, disabled and locked accounts.
        throw new HttpProblem(401, 'Sign-in failed', WRONG);
      }

      // With passwords turned off for single sign-on, only command-line accounts (the way back in) use one.
      if (!getSettings(app.db).localPasswords && !user.localAlways)
        throw new HttpProblem(
          403,
          'Use your council account',
          'Passwords are turned off: sign in with your council account.',
        );
      await clearFailedSignIns(app.db, user.id);
      // Rotate: any session this browser had is ended and a new id issued.
      if (request.sessionId) await deleteSession(app.db, request.sessionId);
      const session = await createSession(app.db, user.id, now);
      await recordAudit(
        app.db,
        { id: user.id, email: user.email, ip: request.ip },
        'sign-in',
        'session',
        '',
        null,
        null,
      );
      reply.setCookie(SESSION_COOKIE, session.id, app.sessionCookieOptions());
      const settings = getSettings(app.db);
      return {
        user: {
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          jobTitle: user.jobTitle,
          agency: user.agency,
        },
        csrfToken: session.csrfToken,
        councilName: settings.councilName,
        nation: settings.nation,
        timeZone: settings.timeZone,
        today: app.today(),
        expiresAt: new Date(now.getTime() + app.config.SESSION_IDLE_MINUTES * 60_000).toISOString(),
      };
    },
  );

  app.get(
    '/session',
    { config: { access: 'public' }, schema: { tags: ['session'], response: { 200: sessionState } } },
    async (request, reply) => {
      // Public so a signed-out browser gets an answer, not an error; never cached (it holds the CSRF token).
      reply.header('cache-control', 'no-store');
      if (!request.user) return { signedIn: false as const, ended: !!request.sessionExpired };
      const settings = getSettings(app.db);
      return {
        signedIn: true as const,
        user: request.user!,
        csrfToken: request.csrfToken!,
        councilName: settings.councilName,
        nation: settings.nation,
        timeZone: settings.timeZone,
        today: app.today(),
        expiresAt: request.sessionExpiresAt!,
      };
    },
  );

  app.delete(
    '/session',
    { config: { access: 'signedIn' }, schema: { tags: ['session'], response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteSession(app.db, request.sessionId!);
      await recordAudit(app.db, request.actor, 'sign-out', 'session', '', null, null);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );
};

export default sessionRoutes;
