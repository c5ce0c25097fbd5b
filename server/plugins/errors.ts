// One error handler: every failure becomes application/problem+json, never a stack trace or SQL.
import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { conflict, HttpProblem, type FieldProblem } from '../errors.js';
import { RowMissing, VersionConflict } from '../../db/repositories/write.js';

export function sendProblem(reply: FastifyReply, p: HttpProblem) {
  return reply
    .code(p.status)
    .type('application/problem+json')
    .send({
      type: 'about:blank',
      title: p.title,
      status: p.status,
      ...(p.detail ? { detail: p.detail } : {}),
      ...(p.errors ? { errors: p.errors } : {}),
      ...(p.current !== undefined ? { current: p.current } : {}),
    });
}

function withoutSecrets(row: unknown): unknown {
  if (!row || typeof row !== 'object') return row;
  const { passwordHash: _p, ...rest } = row as Record<string, unknown>;
  return rest;
}

function isDiskFull(err: unknown): boolean {
  const code = (err as { code?: string })?.code ?? '';
  return code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_READONLY';
}

export default fp(
  async (app) => {
    // Once the server is closing (SIGTERM), requests that still arrive, on a keep-alive socket
    // that was busy when the signal came, are refused before any work is done: 503 with
    // Retry-After, so a client or balancer tries again (elsewhere) shortly. Requests already
    // being answered finish normally.
    let closing = false;
    app.addHook('preClose', (done) => {
      closing = true;
      done();
    });
    app.addHook('onRequest', (_request, reply, done) => {
      if (!closing) return done();
      void sendProblem(
        reply.header('retry-after', '5').header('connection', 'close'),
        new HttpProblem(503, 'Restarting', 'The server is restarting. Try again in a few seconds.'),
      );
    });

    app.setErrorHandler((err: FastifyError, request, reply) => {
      if (err instanceof HttpProblem) return sendProblem(reply, err);
      if (err instanceof RowMissing) return sendProblem(reply, new HttpProblem(404, 'Not found'));
      if (err instanceof VersionConflict) return sendProblem(reply, conflict(withoutSecrets(err.current)));
      if (hasZodFastifySchemaValidationErrors(err)) {
        const where = err.validationContext ?? 'body';
        const errors: FieldProblem[] = err.validation.map((v) => ({
          path: [
            where,
            ...String(v.instancePath ?? '')
              .split('/')
              .filter(Boolean),
          ].join('.'),
          message: v.message ?? 'Invalid value',
        }));
        return sendProblem(reply, new HttpProblem(400, 'There is a problem', 'Check the highlighted fields.', errors));
      }
      if (isDiskFull(err)) {
        request.log.error({ err }, 'storage failure');
        return sendProblem(
          reply,
          new HttpProblem(
            503,
            'Cannot save right now',
            'The server cannot write to its storage. Nothing was changed; try again shortly.',
          ),
        );
      }
      const status = err.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        // Fastify's own client errors: bad JSON, wrong content type, body too large.
        return sendProblem(reply, new HttpProblem(status, clientErrorTitle(status), safeMessage(err)));
      }
      request.log.error({ err }, 'unhandled error');
      return sendProblem(reply, new HttpProblem(500, 'Something went wrong', 'The error has been logged.'));
    });

    // Every route's path as a pattern, so a wrong method on a known path is a 405 naming the
    // methods it has, not a 404. Catch-all routes (the web pages) are left out: they answer GET only
    // and would otherwise turn every unknown path into a 405.
    const routes: { pattern: RegExp; methods: Set<string> }[] = [];
    app.addHook('onRoute', (route) => {
      if (route.url.includes('*')) return;
      const source = `^${route.url.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[^/]+/g, '[^/]+')}/?$`;
      let entry = routes.find((r) => r.pattern.source === source);
      if (!entry) routes.push((entry = { pattern: new RegExp(source), methods: new Set() }));
      for (const method of Array.isArray(route.method) ? route.method : [route.method]) entry.methods.add(method);
    });

    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      const allowed = new Set<string>();
      for (const r of routes) if (r.pattern.test(path)) for (const m of r.methods) allowed.add(m);
      if (allowed.size > 0 && !allowed.has(request.method)) {
        const allow = [...allowed].sort().join(', ');
        return sendProblem(
          reply.header('allow', allow),
          new HttpProblem(405, 'Method not allowed', `${path} does not accept ${request.method}. It accepts ${allow}.`),
        );
      }
      return sendProblem(reply, new HttpProblem(404, 'Not found', `There is nothing at ${request.method} ${path}.`));
    });
  },
  { name: 'errors' },
);

function clientErrorTitle(status: number): string {
  if (status === 413) return 'Too large';
  if (status === 415) return 'Unsupported content type';
  return 'Bad request';
}

function safeMessage(err: FastifyError): string {
  // Fastify's client-error messages are written for API users and hold no internals.
  return err.code?.startsWith('FST_') ? err.message : 'The request could not be understood.';
}
