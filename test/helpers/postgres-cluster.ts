// A throwaway PostgreSQL cluster for one test file: initdb in a temporary folder, a server on a
// free loopback port with its socket in that folder, one database, then stopped and deleted.
// initdb and postgres refuse to run as root, so as root (CI, this machine) they run as the
// `postgres` user Debian's package makes, on a folder given to that user.
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** What a skipped PostgreSQL test says, so a missing server is never a silent pass. */
export const POSTGRES_MISSING =
  'PostgreSQL is not installed, so the PostgreSQL tests are skipped. Install it with ' +
  '`sudo apt-get install postgresql` (or `sh scripts/ensure-postgres.sh` as root), then run them again.';

export type PostgresInstall = {
  /** The folder holding initdb, pg_ctl and postgres. */
  bin: string;
  /** The user the server runs as when we are root, else null (ourselves). */
  runAs: { name: string; uid: number; gid: number } | null;
};

export type Cluster = {
  /** postgres://… for the cluster's database, on 127.0.0.1. */
  url: string;
  port: number;
  /** Stops the server and deletes its folder. */
  stop(): Promise<void>;
};

const hasServer = (bin: string) => ['initdb', 'pg_ctl', 'postgres'].every((f) => existsSync(join(bin, f)));

/** The newest installed server (Debian's /usr/lib/postgresql/<major>/bin first, then PATH), or null. */
export function findPostgres(
  roots: string[] = ['/usr/lib/postgresql'],
  path: string = process.env.PATH ?? '',
): PostgresInstall | null {
  const candidates: string[] = [];
  for (const root of roots) {
    if (!existsSync(root)) continue;
    const majors = readdirSync(root)
      .filter((v) => /^\d+$/.test(v) && Number(v) >= 15)
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...majors.map((v) => join(root, v, 'bin')));
  }
  candidates.push(...path.split(delimiter).filter(Boolean));
  const bin = candidates.find(hasServer);
  if (!bin) return null;
  if (process.getuid?.() !== 0) return { bin, runAs: null };
  const user = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .map((line) => line.split(':'))
    .find((fields) => fields[0] === 'postgres');
  // Root without a postgres user cannot start a server: say so as for a missing install.
  if (!user) return null;
  return { bin, runAs: { name: 'postgres', uid: Number(user[2]), gid: Number(user[3]) } };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Starts a cluster with one database (`promise_tracker`); call stop() in afterAll. */
export async function startCluster(install: PostgresInstall, database = 'promise_tracker'): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'pt-pg-'));
  const data = join(dir, 'data');
  if (install.runAs) chownSync(dir, install.runAs.uid, install.runAs.gid);
  const tool = (name: string, args: string[]) =>
    install.runAs
      ? run('runuser', ['-u', install.runAs.name, '--', join(install.bin, name), ...args], { cwd: dir })
      : run(join(install.bin, name), args, { cwd: dir });

  try {
    // C collation: text sorts by bytes, as SQLite's BINARY does. -N: a throwaway cluster need
    // not wait for initdb's files to reach the disk (the server itself still fsyncs).
    await tool('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '-N']);
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
      try {
        await tool('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '120', '-o', options, 'start']);
        break;
      } catch (error) {
        // Another process may have taken the port between our look and the server's bind.
        if (attempt === 3) throw error;
      }
    }
    const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    await admin.connect();
    try {
      await admin.query(`create database ${database}`);
    } finally {
      await admin.end();
    }
    return {
      url: `postgres://postgres@127.0.0.1:${port}/${database}`,
      port,
      async stop() {
        // Immediate: the folder is deleted next, so a shutdown checkpoint would be wasted work.
        await tool('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8') : '';
    await tool('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`The throwaway PostgreSQL cluster did not start: ${String(error)}\n${log}`, { cause: error });
  }
}
