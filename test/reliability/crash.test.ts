// Guarantee 1: a write acknowledged with a 2xx survives the process being killed at any moment,
// nothing half-written is ever visible, and the file stays sound.
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { headers, prepareDatabase, removeBuiltServer, signIn, startServer, type Session } from './server-process.js';
import { scaled } from '../helpers/slowness.js';

const KILLS = 20;
let dir = '';
afterAll(() => {
  removeBuiltServer();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Acked = { id: number; name: string; version: number };

describe('crash safety', () => {
  it(
    `loses no acknowledged write across ${KILLS} SIGKILLs`,
    async () => {
      const prepared = await prepareDatabase(['admin']);
      dir = prepared.dir;
      const acked = new Map<number, Acked>(); // theme id -> the newest state a client was told about
      let session: Session | null = null;
      let seq = 0;

      for (let round = 0; round < KILLS; round++) {
        const server = await startServer(prepared.dbPath);
        session ??= await signIn(server.url);
        const s = session;
        let stop = false;
        // Four clients writing as fast as they can: creates, and updates of what they created.
        const writer = async (w: number) => {
          while (!stop) {
            const n = ++seq;
            try {
              const mine = [...acked.values()].filter((a) => a.id % 4 === w);
              if (n % 3 === 0 && mine.length > 0) {
                const target = mine[n % mine.length]!;
                const res = await fetch(`${server.url}/api/v1/themes/${target.id}`, {
                  method: 'PATCH',
                  headers: headers(s),
                  body: JSON.stringify({ childName: `update ${n}`, version: target.version }),
                });
                if (res.ok) {
                  const body = (await res.json()) as { id: number; name: string; version: number };
                  acked.set(body.id, { id: body.id, name: body.name, version: body.version });
                }
              } else {
                const name = `crash ${n}`;
                const res = await fetch(`${server.url}/api/v1/themes`, {
                  method: 'POST',
                  headers: headers(s),
                  body: JSON.stringify({ name, childName: name }),
                });
                if (res.ok) {
                  const body = (await res.json()) as { id: number; name: string; version: number };
                  acked.set(body.id, { id: body.id, name: body.name, version: body.version });
                }
              }
            } catch {
              return; // the connection died with the process: not acknowledged, so not promised
            }
          }
        };
        const writers = [0, 1, 2, 3].map(writer);
        await new Promise((r) => setTimeout(r, 80 + Math.floor(Math.random() * 250)));
        server.proc.kill('SIGKILL');
        await server.exited;
        stop = true;
        await Promise.all(writers);
      }

      expect(acked.size).toBeGreaterThan(KILLS); // the test really did write under fire

      const db = new Database(prepared.dbPath);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const rows = db.prepare('select id, name, version from themes').all() as Acked[];
        const byId = new Map(rows.map((r) => [r.id, r]));
        for (const a of acked.values()) {
          const row = byId.get(a.id);
          expect(row, `acknowledged theme ${a.id}`).toBeDefined();
          expect(row!.name).toBe(a.name);
          expect(row!.version).toBeGreaterThanOrEqual(a.version);
        }
        // Nothing half-written: every theme has its create in the audit trail and one audit entry
        // per version; no audit entry points at a theme that is not there.
        const audits = db
          .prepare(
            "select cast(entity_id as integer) as id, action, count(*) as n from audit_log where entity = 'theme' group by entity_id, action",
          )
          .all() as { id: number; action: string; n: number }[];
        const creates = new Set(audits.filter((a) => a.action === 'create').map((a) => a.id));
        for (const r of rows) {
          expect(creates.has(r.id), `create audit for theme ${r.id}`).toBe(true);
          const updates = audits.find((a) => a.id === r.id && a.action === 'update')?.n ?? 0;
          expect(updates).toBe(r.version - 1);
        }
        for (const id of creates) expect(byId.has(id)).toBe(true);
      } finally {
        db.close();
      }

      // And the server starts cleanly on what the crashes left.
      const server = await startServer(prepared.dbPath);
      const res = await fetch(`${server.url}/health`);
      expect(res.status).toBe(200);
      server.proc.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    },
    scaled(80_000),
  );
});
