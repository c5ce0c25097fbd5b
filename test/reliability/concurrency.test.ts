// Guarantee 3: many clients editing the same records at once lose no update (every loser gets
// 409 with the current record), no SQLITE_BUSY reaches a client even while another connection
// (a script, a backup) holds the write lock, and the counts agree afterwards.
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { headers, prepareDatabase, removeBuiltServer, signIn, startServer } from './server-process.js';
import { scaled } from '../helpers/slowness.js';

let dir = '';
afterAll(() => {
  removeBuiltServer();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Theme = { id: number; version: number; childName: string };

describe('concurrent edits', () => {
  it(
    'gives every loser a 409, never a BUSY, and keeps versions, rows and audit in step',
    async () => {
      const prepared = await prepareDatabase(['admin']);
      dir = prepared.dir;
      const server = await startServer(prepared.dbPath);
      const s = await signIn(server.url);
      const api = (path: string, init: RequestInit = {}) =>
        fetch(`${server.url}/api/v1${path}`, { ...init, headers: headers(s) });

      const ids: number[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await api('/themes', {
          method: 'POST',
          body: JSON.stringify({ name: `shared ${i}`, childName: 'v0' }),
        });
        ids.push(((await res.json()) as Theme).id);
      }

      // Another connection to the same file grabs the write lock now and then, as a script would.
      const other = new Database(prepared.dbPath);
      other.pragma('busy_timeout = 5000');
      let stopLocker = false;
      const locker = (async () => {
        while (!stopLocker) {
          other.exec('begin immediate');
          await new Promise((r) => setTimeout(r, 30));
          other.exec('commit');
          await new Promise((r) => setTimeout(r, 20));
        }
      })();

      const wins = new Map<number, number>(ids.map((id) => [id, 0]));
      const statuses: number[] = [];
      const bodies: string[] = [];
      const client = async (c: number) => {
        for (let i = 0; i < 10; i++) {
          const id = ids[(c + i) % ids.length]!;
          const seen = (await (await api(`/themes/${id}`)).json()) as Theme;
          const res = await api(`/themes/${id}`, {
            method: 'PATCH',
            body: JSON.stringify({ childName: `c${c} i${i}`, version: seen.version }),
          });
          statuses.push(res.status);
          const text = await res.text();
          bodies.push(text);
          if (res.status === 200) wins.set(id, wins.get(id)! + 1);
          if (res.status === 409) {
            const problem = JSON.parse(text) as { current: Theme };
            expect(problem.current.id).toBe(id);
            expect(problem.current.version).toBeGreaterThan(seen.version);
          }
        }
      };
      await Promise.all(Array.from({ length: 10 }, (_, c) => client(c)));
      stopLocker = true;
      await locker;
      other.close();

      expect(statuses.filter((st) => st !== 200 && st !== 409)).toEqual([]);
      expect(statuses.filter((st) => st === 409).length).toBeGreaterThan(0);
      for (const b of bodies) expect(b).not.toMatch(/SQLITE|BUSY|locked/i);

      server.proc.kill('SIGTERM');
      expect(await server.exited).toBe(0);

      const db = new Database(prepared.dbPath, { readonly: true });
      for (const id of ids) {
        const row = db.prepare('select version from themes where id = ?').get(id) as { version: number };
        const audits = db
          .prepare("select count(*) as n from audit_log where entity = 'theme' and entity_id = ? and action = 'update'")
          .get(String(id)) as { n: number };
        // Every acknowledged update, and only those, moved the version and left an audit entry.
        expect(row.version).toBe(1 + wins.get(id)!);
        expect(audits.n).toBe(wins.get(id));
      }
      db.close();
    },
    scaled(40_000),
  );
});
