// An async transaction body on SQLite (issue 17): it holds the connection's write lock, so no
// other write enters its transaction; undone, it takes every row it wrote with it; group commit
// waits for it. See db/POSTGRES.md, "A transaction stays atomic on both engines".
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import fp from 'fastify-plugin';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import groupCommit from '../../server/plugins/group-commit.js';
import { openDatabase, type Db } from '../../db/client.js';
import {
  dataGeneration,
  failedCommits,
  write,
  writeAside,
  writeScope,
  type WriteScope,
} from '../../db/repositories/write.js';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
  db.$client.exec('CREATE TABLE marks (who TEXT NOT NULL, n INTEGER NOT NULL)');
});
afterEach(() => db.$client.close());

const marks = () => db.$client.prepare('SELECT who, n FROM marks ORDER BY rowid').all();
const mark = (who: string, n: number) => db.run(sql`INSERT INTO marks (who, n) VALUES (${who}, ${n})`);
/** A pause that lets every other piece of work queued so far run (timers, I/O, immediates). */
const pause = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe('an async write body', () => {
  it('keeps another write out of its transaction until it ends, then lets it in', async () => {
    const first = write(db, async () => {
      mark('first', 1);
      await pause();
      mark('first', 2);
      return 'first done';
    });
    // Started while the first holds the lock: a synchronous body waits for it.
    const second = write(db, () => mark('second', 1));
    expect(await first).toBe('first done');
    await second;
    expect(marks()).toEqual([
      { who: 'first', n: 1 },
      { who: 'first', n: 2 },
      { who: 'second', n: 1 },
    ]);
  });

  it('undoes every row it wrote when it fails, and the write waiting behind it still commits', async () => {
    const failing = write(db, async () => {
      mark('failing', 1);
      await pause();
      throw new Error('refused after writing');
    });
    const after = write(db, async () => mark('after', 1));
    await expect(failing).rejects.toThrow('refused after writing');
    await after;
    expect(marks()).toEqual([{ who: 'after', n: 1 }]);
    expect(db.$client.inTransaction).toBe(false);
  });

  it('runs a write made inside it as part of it, not after it', async () => {
    await expect(
      write(db, async () => {
        mark('outer', 1);
        await write(db, async () => mark('inner', 1));
        throw new Error('the outer one fails');
      }),
    ).rejects.toThrow();
    expect(marks()).toEqual([]);
  });

  it('inside a request, holds the shared commit until it ends, and a failure after writing counts for reads', async () => {
    const failedBefore = failedCommits(db);
    const scope: WriteScope = {};
    const done = writeScope.run(scope, () =>
      write(db, async () => {
        mark('request', 1);
        // Longer than the turn after which a shared commit is made, and than the look below.
        await pause(50);
        mark('request', 2);
      }),
    );
    await pause();
    // The shared transaction is still open: its commit waits for the body.
    expect(db.$client.inTransaction).toBe(true);
    await done;
    await scope.committed;
    expect(db.$client.inTransaction).toBe(false);
    expect(marks()).toHaveLength(2);
    expect(failedCommits(db)).toBe(failedBefore);

    const failing: WriteScope = {};
    await expect(
      writeScope.run(failing, () =>
        write(db, async () => {
          mark('undone', 1);
          await pause();
          throw new Error('refused');
        }),
      ),
    ).rejects.toThrow();
    await failing.committed;
    // A read beside it may have seen the undone row: it is refused, though not its own request.
    expect(failedCommits(db)).toBe(failedBefore + 1);
    expect(failing.undone).toBe(1);
    expect(marks()).toHaveLength(2);

    // Refused before changing anything (a stale version): nothing a read could have seen.
    await expect(
      writeScope.run({}, () =>
        write(db, async () => {
          await pause();
          throw new Error('stale');
        }),
      ),
    ).rejects.toThrow();
    expect(failedCommits(db)).toBe(failedBefore + 1);
  });

  it('leaves the data generation alone when written aside, and still holds the lock', async () => {
    const before = dataGeneration(db);
    const holding = write(db, async () => {
      mark('body', 1);
      await pause();
      mark('body', 2);
    });
    const aside = writeAside(db, () => mark('aside', 1));
    await holding;
    const afterBody = dataGeneration(db);
    expect(afterBody).not.toBe(before);
    await aside;
    expect(dataGeneration(db)).toBe(afterBody);
    expect(marks()).toEqual([
      { who: 'body', n: 1 },
      { who: 'body', n: 2 },
      { who: 'aside', n: 1 },
    ]);
  });
});

describe('a read beside an async body that is undone (through the group commit plugin)', () => {
  it('is refused with 503, while a read that came after the undo is answered', async () => {
    const app = Fastify();
    app.decorate('db', db);
    // group-commit runs after the idempotency plugin; it is not what this test is about.
    await app.register(fp(async () => {}, { name: 'idempotency' }));
    await app.register(groupCommit);
    let reached!: () => void;
    const bodyWrote = new Promise<void>((resolve) => (reached = resolve));
    app.post('/undone', async (_request, reply) => {
      try {
        await write(db, async () => {
          mark('undone', 1);
          reached();
          await pause(30);
          throw new Error('refused after writing');
        });
      } catch {
        return reply.code(409).send({ undone: true });
      }
    });
    app.get('/marks', async () => ({ marks: marks() }));
    await app.ready();
    try {
      const writing = app.inject({ method: 'POST', url: '/undone' });
      await bodyWrote;
      // This read runs while the body's row is there, before it is undone.
      const beside = await app.inject({ method: 'GET', url: '/marks' });
      const written = await writing;
      // The writer is answered with its own refusal, not the 503 meant for others.
      expect(written.statusCode).toBe(409);
      expect(beside.statusCode).toBe(503);
      expect(beside.json()).toMatchObject({ status: 503, title: 'Cannot answer right now' });
      expect(beside.body).not.toContain('undone');
      const later = await app.inject({ method: 'GET', url: '/marks' });
      expect(later.statusCode).toBe(200);
      expect(later.json()).toEqual({ marks: [] });
    } finally {
      await app.close();
    }
  });
});
