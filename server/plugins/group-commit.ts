// Group commit for requests: see write() in db/repositories/write.ts. Every request runs in its
// own write scope; a response is sent only once the shared transaction holding its writes is on
// disk, and a failed commit turns it into a 503 so nothing unsaved is ever acknowledged.
import fp from 'fastify-plugin';
import { writeScope, type WriteScope } from '../../db/repositories/write.js';

export default fp(
  async (app) => {
    app.addHook('onRequest', (_request, _reply, done) => {
      const scope: WriteScope = {};
      writeScope.run(scope, done);
    });

    // A plain callback hook: a request that wrote nothing (every read) costs no promise.
    app.addHook('onSend', (request, reply, payload, done) => {
      const committed = writeScope.getStore()?.committed;
      if (!committed) return done(null, payload);
      committed.then(
        () => done(null, payload),
        (err: unknown) => {
          request.log.error({ err }, 'group commit failed');
          reply.code(503).type('application/problem+json');
          done(
            null,
            JSON.stringify({
              type: 'about:blank',
              title: 'Cannot save right now',
              status: 503,
              detail: 'The server could not save this change. Nothing was changed; try again shortly.',
            }),
          );
        },
      );
    });
  },
  // Registered after the idempotency plugin, so a remembered answer joins the same commit.
  { name: 'group-commit', dependencies: ['idempotency'] },
);
