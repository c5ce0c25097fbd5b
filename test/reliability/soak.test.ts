// Guarantee 9, smoke-sized for CI: a few seconds of the soak's mixed load (scripts/soak.ts; the
// full 60 s run is `npm run soak`) with no 5xx, flat memory and WAL, a clean stop and a sound file.
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { prepareDatabase, removeBuiltServer, signIn, startServer } from './server-process.js';
import { soak } from '../../scripts/soak.js';
import { scaled, SLOWNESS } from '../helpers/slowness.js';

let dir = '';
afterAll(() => {
  removeBuiltServer();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('soak (smoke)', () => {
  it(
    'serves a mixed load with no server errors and stays flat',
    async () => {
      const prepared = await prepareDatabase(['admin']);
      dir = prepared.dir;
      const server = await startServer(prepared.dbPath);
      const s = await signIn(server.url);
      const report = await soak({
        url: server.url,
        cookie: s.cookie,
        csrf: s.csrf,
        // Long enough for 100+ requests: 3 s on an idle machine, longer on a slow one.
        seconds: 3 * SLOWNESS,
        clients: 4,
        pid: server.proc.pid!,
        dbPath: prepared.dbPath,
      });
      server.proc.kill('SIGTERM');
      expect(await server.exited).toBe(0);

      expect(report.requests).toBeGreaterThan(100);
      expect(report.serverErrors).toBe(0);
      expect(report.networkErrors).toBe(0);
      expect(Object.keys(report.byStatus).sort()).toEqual(expect.arrayContaining(['200', '201']));
      expect(report.memoryFlat, JSON.stringify(report)).toBe(true);
      expect(report.walFlat, JSON.stringify(report)).toBe(true);
      const db = new Database(prepared.dbPath, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    },
    scaled(60_000),
  );
});
