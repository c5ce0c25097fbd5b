// Search terms can be children's names: the server's log names the route and the status of each
// request, never its URL with the query string.
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { headers, prepareDatabase, removeBuiltServer, signIn, startServer } from './server-process.js';

let dir = '';
afterAll(() => {
  removeBuiltServer();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('request logs', () => {
  it('log the route pattern and status, not the query string', async () => {
    const prepared = await prepareDatabase(['admin']);
    dir = prepared.dir;
    const server = await startServer(prepared.dbPath, { LOG_LEVEL: 'info' });
    const s = await signIn(server.url);
    const search = await fetch(`${server.url}/api/v1/feedback?q=Jayden%20Okonkwo-Marsh`, { headers: headers(s) });
    expect(search.status).toBe(200);
    const one = await fetch(`${server.url}/api/v1/promises/123?q=Amelia`, { headers: headers(s) });
    expect(one.status).toBe(404);
    server.proc.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    const lines = server
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg: string; req?: { url: string }; res?: { statusCode: number } });
    const incoming = lines.filter((l) => l.msg === 'incoming request').map((l) => l.req?.url);
    expect(incoming).toContain('/api/v1/feedback');
    expect(incoming).toContain('/api/v1/promises/:id');
    expect(lines.filter((l) => l.msg === 'request completed').map((l) => l.res?.statusCode)).toContain(404);
    expect(server.output()).not.toMatch(/Jayden|Okonkwo|Amelia|q=/);
  }); // vitest.config.ts's testTimeout: 30 s, scaled on a slow machine
});
