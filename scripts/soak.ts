// A mixed read/write load against a real server on loopback, bounded in clients and time, that
// checks the server stays healthy: no 5xx, memory and WAL size flat at the end, and the database
// passes its integrity check afterwards.
//   npm run soak                      (60 s, 8 clients, against a fresh temporary database)
//   npm run soak -- 20 4              (seconds, clients)
// test/reliability/soak.test.ts runs a few seconds of the same load in CI.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';

export type SoakOptions = {
  url: string;
  /** Session cookie and CSRF token of a signed-in admin. */
  cookie: string;
  csrf: string;
  seconds: number;
  clients: number;
  /** The server's process id (for its memory) and database path (for its WAL). */
  pid: number;
  dbPath: string;
};

export type SoakReport = {
  requests: number;
  byStatus: Record<string, number>;
  serverErrors: number;
  networkErrors: number;
  p99Ms: number;
  rssWarmMb: number;
  rssEndMb: number;
  walWarmBytes: number;
  walEndBytes: number;
  memoryFlat: boolean;
  walFlat: boolean;
};

/** Resident memory of a process in MB, from /proc (Linux); 0 where that is not available. */
function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

const walBytes = (dbPath: string) => (existsSync(`${dbPath}-wal`) ? statSync(`${dbPath}-wal`).size : 0);

export async function soak(o: SoakOptions): Promise<SoakReport> {
  const headers = { 'content-type': 'application/json', cookie: o.cookie, 'x-csrf-token': o.csrf };
  const byStatus: Record<string, number> = {};
  const latencies: number[] = [];
  const ids: { id: number; version: number }[] = [];
  let networkErrors = 0;
  let n = 0;
  const start = Date.now();
  const deadline = start + o.seconds * 1000;
  let rssWarm = 0;
  let walWarm = 0;
  // The "warm" reading is taken a fifth of the way in, once caches and pools have filled.
  const warm = setTimeout(
    () => {
      rssWarm = rssMb(o.pid);
      walWarm = walBytes(o.dbPath);
    },
    Math.max(200, o.seconds * 200),
  );

  const one = async (): Promise<void> => {
    const i = ++n;
    const roll = i % 10;
    let res: Response;
    const t0 = performance.now();
    if (roll < 2 || ids.length === 0) {
      res = await fetch(`${o.url}/api/v1/themes`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: `soak ${i}`, childName: `soak ${i}` }),
      });
      if (res.status === 201) {
        const t = (await res.json()) as { id: number; version: number };
        ids.push({ id: t.id, version: t.version });
      } else await res.arrayBuffer();
    } else if (roll < 3) {
      const target = ids[i % ids.length]!;
      res = await fetch(`${o.url}/api/v1/themes/${target.id}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ childName: `soak update ${i}`, version: target.version }),
      });
      const body = (await res.json()) as { version?: number; current?: { version: number } };
      target.version = body.version ?? body.current?.version ?? target.version;
    } else {
      const path =
        roll < 6 ? '/api/v1/themes' : roll < 8 ? `/api/v1/themes/${ids[i % ids.length]!.id}` : '/api/v1/audit';
      res = await fetch(`${o.url}${path}`, { headers });
      await res.arrayBuffer();
    }
    latencies.push(performance.now() - t0);
    byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
  };

  const client = async () => {
    while (Date.now() < deadline) {
      try {
        await one();
      } catch {
        networkErrors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: o.clients }, client));
  clearTimeout(warm);

  const rssEnd = rssMb(o.pid);
  const walEnd = walBytes(o.dbPath);
  latencies.sort((a, b) => a - b);
  const requests = latencies.length;
  const serverErrors = Object.entries(byStatus)
    .filter(([s]) => Number(s) >= 500)
    .reduce((sum, [, c]) => sum + c, 0);
  return {
    requests,
    byStatus,
    serverErrors,
    networkErrors,
    p99Ms: Math.round(latencies[Math.floor(requests * 0.99)] ?? 0),
    rssWarmMb: Math.round(rssWarm),
    rssEndMb: Math.round(rssEnd),
    walWarmBytes: walWarm,
    walEndBytes: walEnd,
    // Flat: no steady climb. Generous bounds, since a garbage-collected heap breathes.
    memoryFlat: rssWarm === 0 || rssEnd <= rssWarm * 1.5 + 30,
    // SQLite checkpoints the WAL every 1000 pages (about 4 MB); it must not grow without bound.
    walFlat: walEnd <= Math.max(walWarm * 2, 16 * 1024 * 1024),
  };
}

async function main() {
  const seconds = Number(process.argv[2] ?? 60);
  const clients = Number(process.argv[3] ?? 8);
  const dir = mkdtempSync(join(tmpdir(), 'pt-soak-'));
  const dbPath = join(dir, 'soak.db');
  const { openAndMigrate } = await import('../db/client.js');
  const { ensureSettings } = await import('../db/repositories/settings.js');
  const { createUser } = await import('../db/repositories/users.js');
  const { systemActor } = await import('../db/repositories/audit.js');
  const password = 'soak-test-passphrase-2026';
  const db = openAndMigrate(dbPath);
  await ensureSettings(db, 'Soak Borough Council');
  await createUser(db, systemActor, { email: 'soak@example.org', name: 'Soak', role: 'admin', password });
  db.$client.close();

  const server = spawn(process.execPath, ['--import', 'tsx', 'server/server.ts'], {
    env: { ...process.env, DATABASE_PATH: dbPath, SEED_DEMO: 'false', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((r) => server.once('exit', r));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    void exited.then(() => reject(new Error(`the server stopped: ${out}`)));
  });
  const signIn = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'soak@example.org', password }),
  });
  const cookie = /pt_session=[^;]+/.exec(signIn.headers.get('set-cookie') ?? '')![0];
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };

  console.log(`Soaking ${url} for ${seconds} s with ${clients} clients…`);
  const report = await soak({ url, cookie, csrf: csrfToken, seconds, clients, pid: server.pid!, dbPath });
  server.kill('SIGTERM');
  const code = await exited;
  const check = new Database(dbPath, { readonly: true });
  const integrity = check.pragma('integrity_check', { simple: true });
  check.close();
  rmSync(dir, { recursive: true, force: true });

  console.log(JSON.stringify({ ...report, shutdownExitCode: code, integrity }, null, 2));
  const ok =
    report.serverErrors === 0 &&
    report.networkErrors === 0 &&
    report.memoryFlat &&
    report.walFlat &&
    code === 0 &&
    integrity === 'ok';
  console.log(ok ? 'Soak passed.' : 'Soak FAILED.');
  process.exit(ok ? 0 : 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
