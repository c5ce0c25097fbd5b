// Group commit for requests: see write() in db/repositories/write.ts. Every request runs in its
// own write scope; a response is sent only once the shared transaction holding its writes is on
// disk, and a failed commit turns it into a 503 so nothing unsaved is ever acknowledged.
//
// Reads share the connection, so a read served while a shared transaction is open sees its
// writes before they are on disk. Such a read waits for that commit too (a few milliseconds, and
// only while writes are in flight: a read with no write beside it costs nothing), and a read
// that was in flight when a shared commit failed is refused, since it may hold what was undone.
// This was chosen over a second, read-only connection: every route reads through app.db, the
// read caches and prepared statements are kept per connection, and some GETs write (the session
// touch, the idempotency prune), so a second connection needed every read path found and moved.
// The cost, measured with autocannon on a busy 2-core machine: reads alone are unchanged (2,065
// against 2,050 req/s); with 10 connections writing flat out beside 10 reading, reads and
// writes both run at about half the rate (reads 415 against 784 req/s, writes 324 against 544),
// as each read now waits for the write batch it ran beside. A council's real load is far below
// that; correctness comes first, and a read-only connection is the way to win the rate back.
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { failedCommits, openCommit, writeScope, type WriteScope } from '../../db/repositories/write.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Failed shared commits when the request arrived: a read that saw one fail is refused. */
    failedCommitsBefore: number;
  }
}

const unsaved = (request: FastifyRequest, reply: FastifyReply, err: unknown, wrote: boolean) => {
  request.log.error({ err }, wrote ? 'group commit failed' : 'a read saw a change that was then undone');
  reply.code(503).type('application/problem+json');
  return JSON.stringify({
    type: 'about:blank',
    title: wrote ? 'Cannot save right now' : 'Cannot answer right now',
    status: 503,
    detail: wrote
      ? 'The server could not save this change. Nothing was changed; try again shortly.'
      : 'The server could not save a change made while this was being read. Try again shortly.',
  });
};

export default fp(
  async (app) => {
    app.decorateRequest('failedCommitsBefore', 0);

    app.addHook('onRequest', (request, _reply, done) => {
      request.failedCommitsBefore = failedCommits(app.db);
      const scope: WriteScope = {};
      writeScope.run(scope, done);
    });

    // A plain callback hook: a request that wrote nothing, with no write beside it, costs no promise.
    app.addHook('onSend', (request, reply, payload, done) => {
      const scope = writeScope.getStore();
      const own = scope?.committed;
      const committed = own ?? openCommit(app.db);
      // Its own async write undone (answered as the error it threw) is not held against it.
      const sawUndone = () => !own && failedCommits(app.db) - (scope?.undone ?? 0) !== request.failedCommitsBefore;
      if (!committed) {
        if (sawUndone()) return done(null, unsaved(request, reply, 'shared commit failed', false));
        return done(null, payload);
      }
      committed.then(
        () => (sawUndone() ? done(null, unsaved(request, reply, 'shared commit failed', false)) : done(null, payload)),
        (err: unknown) => done(null, unsaved(request, reply, err, !!own)),
      );
    });
  },
  // Registered after the idempotency plugin, so a remembered answer joins the same commit.
  { name: 'group-commit', dependencies: ['idempotency'] },
);
