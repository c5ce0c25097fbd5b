// Safe retries: a create request carrying an Idempotency-Key is answered once; repeating it (a
// tablet on bad Wi-Fi) returns the first answer and creates nothing twice. The same key with a
// different path or body is a mistake, not a retry: 422.
import { createHash } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { and, eq, lt } from 'drizzle-orm';
import { HttpProblem } from '../errors.js';
import { idempotencyKeys } from '../../db/schema.js';
import { writeAside } from '../../db/repositories/write.js';

const KEY_PATTERN = /^[\w.:-]{8,128}$/;
const KEEP_FOR_MS = 24 * 3_600_000;

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey: string | null;
    idempotencyRequestHash: string | null;
  }
}

export default fp(
  async (app) => {
    // Requests with a key that are still being answered; a duplicate waits for the first.
    const inFlight = new Map<string, Promise<void>>();
    const finishers = new Map<string, () => void>();
    let lastPrune = 0;

    app.decorateRequest('idempotencyKey', null);
    app.decorateRequest('idempotencyRequestHash', null);

    const lookup = (key: string) => app.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key)).get();

    // Plain callback hooks: on the requests they do nothing for (every GET), they cost no promise.
    app.addHook('preHandler', (request, reply, done) => {
      if (request.method !== 'POST' || request.headers['idempotency-key'] === undefined) return done();
      // Not called on when the first answer is replayed: the reply is sent.
      replayOrClaim(request, reply).then((replayed) => replayed || done(), done);
    });

    async function replayOrClaim(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
      const header = request.headers['idempotency-key'];
      if (typeof header !== 'string' || !KEY_PATTERN.test(header))
        throw new HttpProblem(400, 'Bad request', 'Idempotency-Key must be 8 to 128 letters, digits or - _ . :');
      const key = `${request.user?.id ?? 'anon'}:${header}`;
      const pending = inFlight.get(key);
      if (pending) await pending;
      const seen = lookup(key);
      const hash = createHash('sha256')
        .update(JSON.stringify(request.body ?? null))
        .digest('base64url');
      if (seen) {
        // A key remembered before hashes were kept (request_hash null) is matched by path only.
        const sameBody = seen.requestHash === null || seen.requestHash === hash;
        if (seen.method !== request.method || seen.path !== request.url || !sameBody)
          throw new HttpProblem(422, 'Key already used', 'This Idempotency-Key was used for a different request.');
        reply.code(seen.statusCode).header('idempotent-replayed', 'true').type('application/json').send(seen.body);
        return true;
      }
      request.idempotencyKey = key;
      request.idempotencyRequestHash = hash;
      inFlight.set(key, new Promise<void>((resolve) => finishers.set(key, resolve)));
      return false;
    }

    app.addHook('onSend', (request, reply, payload, done) => {
      const key = request.idempotencyKey;
      if (!key) return done(null, payload);
      if (reply.statusCode >= 200 && reply.statusCode < 300 && typeof payload === 'string') {
        // Before group-commit's own onSend looks: the remembered answer joins the same commit as
        // the change it answers, so a crash can never keep one without the other.
        return void writeAside(app.db, (tx) =>
          tx
            .insert(idempotencyKeys)
            .values({
              key,
              userId: request.user?.id ?? null,
              method: request.method,
              path: request.url,
              statusCode: reply.statusCode,
              body: payload,
              requestHash: request.idempotencyRequestHash,
            })
            .onConflictDoNothing()
            .run(),
        ).then(() => done(null, payload), done);
      }
      done(null, payload);
    });

    app.addHook('onResponse', (request, _reply, done) => {
      const key = request.idempotencyKey;
      if (!key) return done();
      finishers.get(key)?.();
      finishers.delete(key);
      inFlight.delete(key);
      const now = Date.now();
      if (now - lastPrune > 3_600_000) {
        lastPrune = now;
        // After the answer: nothing waits for it, and a failure only leaves old keys an hour more.
        writeAside(app.db, (tx) =>
          tx
            .delete(idempotencyKeys)
            .where(and(lt(idempotencyKeys.createdAt, new Date(now - KEEP_FOR_MS).toISOString())))
            .run(),
        ).catch((err: unknown) => request.log.warn({ err }, 'could not prune idempotency keys'));
      }
      done();
    });
  },
  { name: 'idempotency', dependencies: ['auth'] },
);
