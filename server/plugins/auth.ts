// Sign-in gate for every route: resolves the session cookie to a user, enforces each route's
// declared access, and checks the CSRF token on every state-changing request.
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem } from '../errors.js';
import { sendProblem } from './errors.js';
import { deleteExpiredSessions, deleteSession, findSession, touchSession } from '../../db/repositories/sessions.js';
import type { Access } from './context.js';
import type { SessionUser } from '../contracts/index.js';

export const SESSION_COOKIE = 'pt_session';
const TOUCH_EVERY_MS = 60_000;
export const SWEEP_EVERY_MS = 10 * 60_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type RouteAccess = { method: string; url: string; access: Access };

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its declared access: the role-matrix test reads this. */
    routeAccess: RouteAccess[];
    sessionCookieOptions: () => { path: string; httpOnly: true; sameSite: 'strict'; secure: boolean };
  }
  interface FastifyRequest {
    sessionId: string | null;
    csrfToken: string | null;
    sessionExpiresAt: string | null;
  }
}

export default fp(
  async (app) => {
    // Cookies are parsed only where one is read (the session cookie, below), not on every
    // request; setting or clearing one works as before.
    await app.register(cookie, { hook: false });
    const routeAccess: RouteAccess[] = [];
    app.decorate('routeAccess', routeAccess);
    app.decorate('sessionCookieOptions', () => ({
      path: '/',
      httpOnly: true as const,
      sameSite: 'strict' as const,
      secure: app.config.SECURE_COOKIES,
    }));
    app.decorateRequest('sessionId', null);
    app.decorateRequest('csrfToken', null);
    app.decorateRequest('sessionExpiresAt', null);

    app.addHook('onRoute', (route) => {
      const access = route.config?.access;
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      if (!route.url.startsWith('/api/v1')) return;
      if (!access) throw new Error(`Route ${methods.join(',')} ${route.url} must declare config.access`);
      for (const method of methods) if (method !== 'HEAD') routeAccess.push({ method, url: route.url, access });
    });

    // A callback hook around the one promise the session lookup costs. A refusal is sent, and
    // the hooks and handler after it are not run.
    app.addHook('onRequest', (request, reply, done) => {
      request.actor = { id: null, email: '', ip: request.ip };
      loadSession(request, reply).then(() => {
        const access = request.routeOptions.config?.access;
        if (!access || access === 'public') return done();
        if (!request.user) {
          return void sendProblem(
            reply,
            new HttpProblem(
              401,
              'Sign in required',
              request.sessionExpired ? 'Your session has ended. Sign in again.' : 'Sign in to continue.',
            ),
          );
        }
        if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== request.csrfToken) {
          return void sendProblem(
            reply,
            new HttpProblem(
              403,
              'Forbidden',
              'The request was missing its security token. Reload the page and try again.',
            ),
          );
        }
        if (access !== 'signedIn' && !access.includes(request.user.role)) {
          return void sendProblem(reply, new HttpProblem(403, 'Forbidden', 'You do not have permission to do this.'));
        }
        done();
      }, done);
    });

    // Ended sessions are deleted at start-up and every ten minutes, not only when their cookie
    // comes back: a session whose browser never returns would otherwise be kept for ever.
    const sweepExpired = async () => {
      const now = app.clock.now().getTime();
      try {
        await deleteExpiredSessions(
          app.db,
          new Date(now - app.config.SESSION_IDLE_MINUTES * 60_000),
          new Date(now - app.config.SESSION_MAX_HOURS * 3_600_000),
        );
      } catch (err) {
        app.log.warn({ err }, 'could not delete ended sessions');
      }
    };
    let sweep: NodeJS.Timeout | undefined;
    app.addHook('onReady', (done) => {
      // Ready once the first sweep is done: a session ended while the server was down is gone.
      sweep = setInterval(() => void sweepExpired(), SWEEP_EVERY_MS);
      sweep.unref();
      void sweepExpired().then(() => done());
    });
    app.addHook('onClose', (_instance, done) => {
      clearInterval(sweep);
      done();
    });

    async function loadSession(request: FastifyRequest, reply: FastifyReply) {
      const header = request.headers.cookie;
      const id = header ? app.parseCookie(header)[SESSION_COOKIE] : undefined;
      if (!id) return;
      const found = await findSession(app.db, id);
      if (!found || found.user.disabled) {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        request.sessionExpired = true;
        return;
      }
      const now = app.clock.now().getTime();
      const idleLimit = Date.parse(found.session.lastSeenAt) + app.config.SESSION_IDLE_MINUTES * 60_000;
      const absoluteLimit = Date.parse(found.session.createdAt) + app.config.SESSION_MAX_HOURS * 3_600_000;
      if (now > idleLimit || now > absoluteLimit) {
        await deleteSession(app.db, found.session.id);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        request.sessionExpired = true;
        return;
      }
      // Touch at most once a minute so reads stay reads. The expiry reported is the one the
      // stored time gives, so a session never ends before the time it told the browser.
      let lastSeen = Date.parse(found.session.lastSeenAt);
      if (now - lastSeen > TOUCH_EVERY_MS) {
        // Best effort: when the disk is full a read must still be answered, so a failed touch
        // only costs the session a minute of idle time (and the expiry reported says so).
        try {
          await touchSession(app.db, found.session.id, app.clock.now());
          lastSeen = now;
        } catch (err) {
          request.log.warn({ err }, 'could not record session activity');
        }
      }
      const u = found.user;
      const user: SessionUser = {
        id: u.id,
        email: u.email,
        name: u.name,
        role: u.role,
        jobTitle: u.jobTitle,
        agency: u.agency,
      };
      request.user = user;
      request.actor = { id: u.id, email: u.email, ip: request.ip };
      request.sessionId = found.session.id;
      request.csrfToken = found.session.csrfToken;
      request.sessionExpiresAt = new Date(
        Math.min(lastSeen + app.config.SESSION_IDLE_MINUTES * 60_000, absoluteLimit),
      ).toISOString();
    }
  },
  { name: 'auth', dependencies: ['context'] },
);

declare module 'fastify' {
  interface FastifyRequest {
    sessionExpired?: boolean;
  }
}
