// Guarantee 4: on SIGTERM the server stops taking connections, finishes what it is answering
// (telling keep-alive clients to close), closes idle keep-alive sockets, and exits 0 within 5 s.
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import http from 'node:http';
import Database from 'better-sqlite3';
import { headers, prepareDatabase, removeBuiltServer, signIn, startServer } from './server-process.js';

let dir = '';
afterAll(() => {
  removeBuiltServer();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Answer = { status: number; connection: string | undefined; body: string };

function request(
  agent: http.Agent,
  url: string,
  method: string,
  hdrs: Record<string, string>,
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers: hdrs }, (res) => {
      let data = '';
      res.on('data', (c: Buffer) => (data += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('graceful shutdown', () => {
  it('finishes in-flight requests with Connection: close, drops idle keep-alive sockets and exits 0 in time', async () => {
    const prepared = await prepareDatabase(['admin']);
    dir = prepared.dir;
    const server = await startServer(prepared.dbPath);
    const s = await signIn(server.url);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 6 });

    // Warm up keep-alive sockets, then leave some of them idle.
    await Promise.all(
      Array.from({ length: 6 }, () => request(agent, `${server.url}/api/v1/themes`, 'GET', headers(s))),
    );

    // One request whose body is only half sent when the signal arrives: it is in flight.
    const slowBody = JSON.stringify({ name: 'Sent slowly', childName: 'Sent slowly' });
    const slow = new Promise<Answer>((resolve, reject) => {
      const req = http.request(
        `${server.url}/api/v1/themes`,
        {
          method: 'POST',
          agent: new http.Agent({ keepAlive: true }),
          headers: { ...headers(s), 'content-length': String(Buffer.byteLength(slowBody)) },
        },
        (res) => {
          let data = '';
          res.on('data', (c: Buffer) => (data += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, body: data }));
        },
      );
      req.on('error', reject);
      req.write(slowBody.slice(0, 10));
      setTimeout(() => req.end(slowBody.slice(10)), 600);
    });

    // A steady stream of keep-alive writes from several clients.
    const created: number[] = [];
    const outcomes: (number | string)[] = [];
    let stop = false;
    const loop = async (w: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const res = await request(
            agent,
            `${server.url}/api/v1/themes`,
            'POST',
            headers(s),
            JSON.stringify({ name: `sd ${w}-${i}`, childName: 'x' }),
          );
          outcomes.push(res.status);
          if (res.status === 201) created.push((JSON.parse(res.body) as { id: number }).id);
        } catch (err) {
          outcomes.push((err as NodeJS.ErrnoException).code ?? 'error');
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    };
    const loops = [0, 1, 2].map(loop);
    await new Promise((r) => setTimeout(r, 300));

    const signalled = Date.now();
    server.proc.kill('SIGTERM');
    const code = await server.exited;
    const tookMs = Date.now() - signalled;
    stop = true;
    await Promise.all(loops);
    agent.destroy();

    expect(code).toBe(0);
    expect(tookMs).toBeLessThan(5000);
    const inFlight = await slow;
    expect(inFlight.status).toBe(201);
    expect(inFlight.connection).toBe('close');
    const slowId = (JSON.parse(inFlight.body) as { id: number }).id;

    // No request was answered with an error other than "shutting down, try elsewhere" (503);
    // the rest were refused at the door (connection refused/reset), so not acknowledged.
    const statuses = outcomes.filter((o): o is number => typeof o === 'number');
    expect(statuses.filter((st) => st !== 201 && st !== 503)).toEqual([]);
    expect(created.length).toBeGreaterThan(0);

    const db = new Database(prepared.dbPath);
    const ids = new Set((db.prepare('select id from themes').all() as { id: number }[]).map((r) => r.id));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    for (const id of [...created, slowId]) expect(ids.has(id), `theme ${id}`).toBe(true);
  }, 30_000);
});
