// Guarantee 4: on SIGTERM the server stops taking connections, finishes what it is answering
// (telling keep-alive clients to close), closes idle keep-alive sockets, and exits 0 within 5 s.
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import Database from 'better-sqlite3';
import { headers, prepareDatabase, removeBuiltServer, signIn, startServer } from './server-process.js';
import { scaled } from '../helpers/slowness.js';

const dirs: string[] = [];
afterAll(() => {
  removeBuiltServer();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
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
    dirs.push(prepared.dir);
    const server = await startServer(prepared.dbPath);
    const s = await signIn(server.url);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

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
    const answeredAfter: (string | undefined)[] = [];
    let signalled = 0;
    const outcomes: (number | string)[] = [];
    /** Requests that met a closed socket (a reset), by the theme name each would have made. */
    const reset: string[] = [];
    let stop = false;
    const loop = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const name = `sd ${w}-${i}`;
        try {
          const res = await request(
            agent,
            `${server.url}/api/v1/themes`,
            'POST',
            headers(s),
            JSON.stringify({ name, childName: 'x' }),
          );
          outcomes.push(res.status);
          if (signalled > 0 && res.status === 503) answeredAfter.push(res.connection);
          if (res.status === 201) created.push((JSON.parse(res.body) as { id: number }).id);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code ?? 'error';
          outcomes.push(code);
          if (code === 'ECONNRESET') reset.push(name);
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    };
    const loops = [0, 1, 2, 3, 4, 5, 6, 7].map(loop);
    await new Promise((r) => setTimeout(r, 300));

    signalled = Date.now();
    server.proc.kill('SIGTERM');
    const code = await server.exited;
    const tookMs = Date.now() - signalled;
    stop = true;
    await Promise.all(loops);
    agent.destroy();

    expect(code).toBe(0);
    expect(tookMs).toBeLessThan(scaled(5000));
    const inFlight = await slow;
    expect(inFlight.status).toBe(201);
    expect(inFlight.connection).toBe('close');
    const slowId = (JSON.parse(inFlight.body) as { id: number }).id;

    // No request was answered with an error other than "shutting down, try elsewhere" (503);
    // the rest were refused at the door (connection refused/reset), so not acknowledged.
    const statuses = outcomes.filter((o): o is number => typeof o === 'number');
    expect(statuses.filter((st) => st !== 201 && st !== 503)).toEqual([]);
    // No busy keep-alive connection was cut under a request: each was answered (a 503 at worst)
    // and closed by the server, so the next request found the door shut (refused). A socket the
    // server closed once it had been idle past the server's grace may meet the client's next
    // request as a reset, as HTTP allows (a loaded client can leave it idle that long): such a
    // request was never read, so never acted on (below), and the client may send it again.
    expect(outcomes.filter((o) => typeof o === 'string' && o !== 'ECONNREFUSED' && o !== 'ECONNRESET')).toEqual([]);
    expect(
      answeredAfter.every((c) => c === 'close'),
      'Connection: close after SIGTERM',
    ).toBe(true);
    expect(created.length).toBeGreaterThan(0);

    const db = new Database(prepared.dbPath);
    const rows = db.prepare('select id, name from themes').all() as { id: number; name: string }[];
    const ids = new Set(rows.map((r) => r.id));
    const names = new Set(rows.map((r) => r.name));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    for (const id of [...created, slowId]) expect(ids.has(id), `theme ${id}`).toBe(true);
    expect(
      reset.filter((name) => names.has(name)),
      'reset, yet acted on',
    ).toEqual([]);
  }); // vitest.config.ts's testTimeout: 30 s, scaled on a slow machine
});

/** One raw HTTP/1.1 keep-alive connection, so a test can send part of a request and wait. */
function rawConnection(url: string) {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  let buffered = '';
  let waiting: (() => void) | null = null;
  socket.on('data', (d: Buffer) => {
    buffered += d.toString('latin1');
    waiting?.();
  });
  socket.on('end', () => waiting?.());
  return {
    write: (text: string) => new Promise<void>((done) => socket.write(text, 'latin1', () => done())),
    /** The next whole response: status, headers (lower-case names) and body. */
    async response() {
      for (;;) {
        const end = buffered.indexOf('\r\n\r\n');
        if (end >= 0) {
          const [statusLine, ...lines] = buffered.slice(0, end).split('\r\n');
          const hdrs = Object.fromEntries(
            lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
          );
          const length = Number(hdrs['content-length']);
          if (buffered.length >= end + 4 + length) {
            const body = buffered.slice(end + 4, end + 4 + length);
            buffered = buffered.slice(end + 4 + length);
            return { status: Number(statusLine!.split(' ')[1]), headers: hdrs, body };
          }
        }
        if (socket.readableEnded) throw new Error(`connection ended mid-response: ${buffered}`);
        await new Promise<void>((r) => (waiting = r));
      }
    },
    destroy: () => socket.destroy(),
  };
}

describe('a request arriving while the server shuts down', () => {
  it('is refused as problem+json 503 with Retry-After and Connection: close, and the server still exits 0', async () => {
    const prepared = await prepareDatabase(['admin']);
    dirs.push(prepared.dir);
    const server = await startServer(prepared.dbPath);
    const s = await signIn(server.url);
    const conn = rawConnection(server.url);
    const cookie = `cookie: ${s.cookie}\r\n`;

    // A first request keeps the connection open (keep-alive)…
    await conn.write(`GET /api/v1/themes HTTP/1.1\r\nhost: test\r\n${cookie}\r\n`);
    const first = await conn.response();
    expect(first.status).toBe(200);
    expect(first.headers.connection).toBe('keep-alive');

    // …and the next one has begun arriving (so the socket is busy, not idle) when the signal comes.
    await conn.write('GET /api/v1/themes HTTP/1.1\r\nhost: test\r\n');
    await new Promise((r) => setTimeout(r, 100));
    server.proc.kill('SIGTERM');
    // Long enough for the server to have begun closing, stretched like every wait on a slow machine.
    await new Promise((r) => setTimeout(r, scaled(300)));
    await conn.write(`${cookie}\r\n`);
    const refused = await conn.response();
    conn.destroy();

    expect(refused.status).toBe(503);
    expect(refused.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.headers.connection).toBe('close');
    expect(JSON.parse(refused.body)).toEqual({
      type: 'about:blank',
      title: 'Restarting',
      status: 503,
      detail: 'The server is restarting. Try again in a few seconds.',
    });
    expect(await server.exited).toBe(0);
  }); // vitest.config.ts's testTimeout: 30 s, scaled on a slow machine
});
