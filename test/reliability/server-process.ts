// Runs the real server (server/server.ts, bundled once per test file with esbuild so each start
// takes well under a second) as a child process on a free loopback port, with its own database.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { openAndMigrate } from '../../db/client.js';
import { ensureSettings } from '../../db/repositories/settings.js';
import { createUser } from '../../db/repositories/users.js';
import { TEST_PASSWORD_COST } from '../helpers/templates.js';
import { systemActor } from '../../db/repositories/audit.js';
import type { Role } from '../../server/contracts/index.js';
import { scaled } from '../helpers/slowness.js';

export const PASSWORD = 'correct-horse-battery-staple';

let bundled: string | null = null;

/** Bundles server/server.ts into dist/ (so its migrations folder resolves as in production). */
export async function buildServer(): Promise<string> {
  if (bundled) return bundled;
  const out = resolve('dist', `reliability-server-${process.pid}.mjs`);
  await build({
    entryPoints: ['server/server.ts'],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  bundled = out;
  return out;
}

export function removeBuiltServer() {
  if (bundled) rmSync(bundled, { force: true });
  bundled = null;
}

/** A temp folder with a migrated database holding one user per given role. */
export async function prepareDatabase(roles: Role[] = ['admin']): Promise<{ dir: string; dbPath: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'pt-rel-'));
  const dbPath = join(dir, 'pt.db');
  const db = openAndMigrate(dbPath);
  await ensureSettings(db, 'Reliability Borough Council');
  for (const role of roles) {
    await createUser(
      db,
      systemActor,
      { email: `${role}@rel.example`, name: `Rel ${role}`, role, password: PASSWORD },
      TEST_PASSWORD_COST,
    );
  }
  db.$client.close();
  return { dir, dbPath };
}

export type RunningServer = {
  proc: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  output: () => string;
};

export async function startServer(dbPath: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const entry = await buildServer();
  const proc = spawn(process.execPath, [entry], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_PATH: dbPath,
      SEED_DEMO: 'false',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((res) => proc.once('exit', (code) => res(code)));
  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`server did not start: ${out}`)), scaled(15_000));
    const check = () => {
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        proc.stdout!.off('data', check);
        res(m[1]!);
      }
    };
    proc.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      rej(new Error(`server exited (${code}) before listening: ${out}`));
    });
  });
  return { proc, url, exited, output: () => out };
}

export type Session = { cookie: string; csrf: string };

export async function signIn(url: string, role: Role = 'admin'): Promise<Session> {
  const res = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${role}@rel.example`, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = /pt_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

export function headers(s: Session, extra: Record<string, string> = {}): Record<string, string> {
  return { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf, ...extra };
}
