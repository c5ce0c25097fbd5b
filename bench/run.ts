// `npm run bench`: generates a large council, starts the real server (production build, one
// process) and a bare Fastify ceiling, drives each case with autocannon from a separate process
// at 10 and 100 connections, and writes the figures as ratios to the ceiling under
// bench/results/ (JSON and Markdown) and, for full runs, into BENCHMARKS.md.
//
//   npm run bench                 the large council, 10 s per case
//   npm run bench -- --fresh      regenerate the council instead of reusing the cached one
//   npm run bench:smoke           a tiny council, 2 s per case at 10 connections (CI)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { generateCouncil, LARGE, TINY, type Generated, type Scale } from './generate.js';
import { HTTP_CASES, type Fixtures, type HttpCase } from './cases.js';
import type { LoadResult, LoadSpec } from './load.js';
import { bundleSizes } from './bundles.js';
import { renderMarkdown, renderTable, updateBenchmarksMd, type CaseResult, type RunResult } from './report.js';
import { importCsvCase, boardPackCase, exportsCase, putOffRetention } from './extras.js';
import { MIXED_READS, mixedCase, type MixedResult } from './mixed.js';

export type RunOptions = {
  smoke: boolean;
  /** Seconds per measured case. */
  seconds: number;
  warmupSeconds: number;
  connections: number[];
  fresh: boolean;
  build: boolean;
  resultsDir: string;
  /** Rows for the CSV import case. */
  csvRows: number;
  /** Write the medians of full runs into BENCHMARKS.md. */
  updateDoc: boolean;
  /** The server bundle to run: `npm run build`'s, or one the smoke test bundled for itself. */
  serverEntry: string;
  /** Only make (or refresh) the cached council. */
  generateOnly: boolean;
  /** Only these case ids (and `mixed`, `csv`, `pdf`, `exports`), e.g. `--cases log-feedback,csv`; all when absent. */
  cases: string[] | null;
};

export function optionsFrom(argv: string[]): RunOptions {
  const smoke = argv.includes('--smoke');
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    smoke,
    seconds: Number(value('--seconds') ?? (smoke ? 2 : 10)),
    warmupSeconds: smoke ? 1 : 3,
    connections: smoke ? [10] : [10, 100],
    fresh: argv.includes('--fresh'),
    build: !argv.includes('--no-build'),
    resultsDir: value('--out') ?? 'bench/results',
    csvRows: smoke ? 500 : 100_000,
    updateDoc: !smoke && !argv.includes('--no-doc') && !argv.includes('--cases'),
    generateOnly: argv.includes('--generate-only'),
    // `--server dist/before-server.js`: another build of the server, e.g. to measure before a change.
    serverEntry: value('--server') ?? 'dist/server.js',
    cases: value('--cases')?.split(',') ?? null,
  };
}

const log = (line: string) => process.stderr.write(`${line}\n`);

// ---- processes

/**
 * The node flags `npm start` gives the server (package.json is their one home), so the bench
 * measures the server a council runs.
 */
export function startFlags(packageJson = readFileSync('package.json', 'utf8')): string[] {
  const start = (JSON.parse(packageJson) as { scripts: { start: string } }).scripts.start;
  const flags = /\bnode((?:\s+--\S+)*)\s+dist\/server\.js\b/.exec(start);
  if (!flags) throw new Error(`npm start does not run node … dist/server.js: ${start}`);
  return flags[1]!.split(/\s+/).filter(Boolean);
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

/** Starts a node process and waits for the line naming the address it listens on. */
export function startListening(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; origin: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => fail(new Error(`${args.join(' ')} did not start in 60 s\n${stderr}`)), 60_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /listening on (http:\/\/[\d.:]+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        done({ child, origin: m[1]! });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${args.join(' ')} exited with ${code}\n${stderr}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.removeAllListeners('exit');
    child.once('exit', () => done());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

/** Resident memory of a process in MB, as `ps` reports it (Linux and macOS alike). */
export function rssMb(pid: number): number | null {
  const out = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' });
  const kb = Number(out.stdout.trim());
  return out.status === 0 && kb > 0 ? Math.round(kb / 1024) : null;
}

const clockTicks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** CPU the process has used (user + system), in ms; null where /proc is not there. */
function cpuMs(pid: number): number | null {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
  } catch {
    return null;
  }
}

/**
 * Waits until the server answers a trivial request quickly again. When a case is slower than
 * its load, requests queue up; without this the backlog would land on the next case.
 */
async function settle(url: string): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < 180_000) {
    const t = performance.now();
    try {
      await fetch(url, { signal: AbortSignal.timeout(5_000) }).then((r) => r.arrayBuffer());
      if (performance.now() - t < 200) break;
    } catch {
      // Still busy: try again.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return Math.round(performance.now() - t0) / 1000;
}

/** Runs one load in a child process (autocannon never shares the server's event loop). */
function load(spec: LoadSpec, work: string): Promise<LoadResult> {
  const file = join(work, `load-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(spec));
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load.ts', file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => {
      rmSync(file, { force: true });
      if (code !== 0) fail(new Error(`load process exited with ${code}`));
      else done(JSON.parse(out) as LoadResult);
    });
  });
}

// ---- the dataset

function cacheKey(scale: Scale): string {
  const h = createHash('sha256');
  h.update(readFileSync('bench/generate.ts'));
  for (const f of readdirSync('migrations').sort())
    if (f.endsWith('.sql')) h.update(readFileSync(join('migrations', f)));
  h.update(JSON.stringify(scale));
  return h.digest('hex').slice(0, 16);
}

type CachedCouncil = Generated & { generatedAt: string };

/** The generated council is cached by generator, migrations and scale; each run works on a copy. */
async function council(
  opts: RunOptions,
  work: string,
): Promise<{ path: string; meta: CachedCouncil; cached: boolean }> {
  const scale = opts.smoke ? TINY : LARGE;
  const cacheDir = join(opts.resultsDir, 'cache');
  const name = `${opts.smoke ? 'tiny' : 'large'}-${cacheKey(scale)}`;
  const cachedDb = join(cacheDir, `${name}.db`);
  const cachedMeta = join(cacheDir, `${name}.json`);
  let cached = true;
  if (opts.fresh || !existsSync(cachedDb) || !existsSync(cachedMeta)) {
    cached = false;
    mkdirSync(cacheDir, { recursive: true });
    rmSync(cachedDb, { force: true });
    log(`Generating the ${opts.smoke ? 'tiny' : 'large'} council…`);
    const t0 = performance.now();
    const generated = await generateCouncil(cachedDb + '.tmp', scale);
    generated.seconds.total = Math.round(performance.now() - t0) / 1000;
    copyFileSync(cachedDb + '.tmp', cachedDb);
    rmSync(cachedDb + '.tmp', { force: true });
    writeFileSync(cachedMeta, JSON.stringify({ ...generated, generatedAt: new Date().toISOString() }, null, 2));
    log(`Generated in ${generated.seconds.total} s.`);
  }
  const path = join(work, 'bench.db');
  copyFileSync(cachedDb, path);
  putOffRetention(path);
  return { path, meta: JSON.parse(readFileSync(cachedMeta, 'utf8')) as CachedCouncil, cached };
}

function fixtures(dbPath: string): Fixtures {
  const db = new Database(dbPath, { readonly: true });
  try {
    const promiseIds = (
      db.prepare('select id from promises where archived = 0 order by id').all() as { id: number }[]
    ).map((r) => r.id);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    return { promiseIds, publicPromiseIds: promiseIds, today: yesterday };
  } finally {
    db.close();
  }
}

function commitmentVersions(dbPath: string): Record<string, number> {
  const db = new Database(dbPath, { readonly: true });
  try {
    const rows = db.prepare('select id, version from commitments where archived = 0').all() as {
      id: number;
      version: number;
    }[];
    return Object.fromEntries(rows.map((r) => [`/api/v1/commitments/${r.id}`, r.version]));
  } finally {
    db.close();
  }
}

// ---- signing in and finding what is built

export type Session = { cookie: string; csrf: string };

export async function signIn(origin: string, email: string, password: string): Promise<Session> {
  const res = await fetch(`${origin}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: body.csrfToken };
}

/** "METHOD /path/{param}" for every route in the server's OpenAPI document. */
export async function builtRoutes(origin: string): Promise<Set<string>> {
  const res = await fetch(`${origin}/api/docs/json`);
  if (res.status !== 200) throw new Error(`could not read the OpenAPI document: ${res.status}`);
  const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
  const out = new Set<string>();
  for (const [path, methods] of Object.entries(doc.paths))
    for (const method of Object.keys(methods)) out.add(`${method.toUpperCase()} ${path}`);
  return out;
}

// ---- the run

function machine() {
  const cpu = cpus();
  return {
    cores: cpu.length,
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

export async function runBench(
  opts: RunOptions,
): Promise<{ result: RunResult | null; jsonPath: string; mdPath: string }> {
  const started = performance.now();
  mkdirSync(opts.resultsDir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'pt-bench-'));
  const children: ChildProcess[] = [];
  try {
    if (opts.build) {
      log('Building the production bundle…');
      const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { stdio: 'inherit' });
      if (built.status !== 0) throw new Error('build failed');
    }
    const { path: dbPath, meta, cached } = await council(opts, work);
    if (opts.generateOnly) return { result: null, jsonPath: '', mdPath: '' };

    const ceiling = await startListening(['--import', 'tsx', 'bench/ceiling.ts'], { ...process.env });
    children.push(ceiling.child);
    const port = await freePort();
    // BENCH_SERVER_ARGS: extra node flags for the server only, e.g. `--cpu-prof --cpu-prof-dir=prof`.
    const serverArgs = (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);
    const server = await startListening([...serverArgs, ...startFlags(), resolve(opts.serverEntry)], {
      ...process.env,
      NODE_ENV: 'production',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_PATH: dbPath,
      BACKUP_DIR: '',
    });
    children.push(server.child);
    const session = await signIn(server.origin, meta.admin.email, meta.admin.password);
    const routes = await builtRoutes(server.origin);
    const fx = fixtures(dbPath);
    const rssAfterStart = rssMb(server.child.pid!);

    const measure = async (spec: Omit<LoadSpec, 'connections' | 'seconds'>, pid: number) => {
      const health = `${spec.origin}${spec.origin === ceiling.origin ? '/hello' : '/health'}`;
      if (opts.warmupSeconds > 0) {
        await load({ ...spec, connections: 10, seconds: opts.warmupSeconds }, work);
        await settle(health);
      }
      const out: Record<number, LoadResult> = {};
      for (const c of opts.connections) {
        // A versioned case learns the versions its warm-up (or the last run) left behind, once the
        // server has finished the requests that were in flight when that load stopped.
        if (spec.versions) await new Promise((r) => setTimeout(r, 1000));
        const fresh = spec.versions ? { versions: commitmentVersions(dbPath) } : {};
        const cpuBefore = cpuMs(pid);
        out[c] = await load({ ...spec, ...fresh, connections: c, seconds: opts.seconds }, work);
        out[c].settleSeconds = await settle(health);
        // The server's CPU for each answer: what the ratio hides when the machine is noisy.
        const cpuAfter = cpuMs(pid);
        if (cpuBefore !== null && cpuAfter !== null && out[c].total > 0)
          out[c].serverCpuUsPerRequest = Math.round(((cpuAfter - cpuBefore) * 1000) / out[c].total);
      }
      return out;
    };

    log('Ceiling (bare Fastify)…');
    const ceilingSpec = { origin: ceiling.origin, method: 'GET' as const, paths: ['/hello'], headers: {} };
    const ceilingRuns = [await measure(ceilingSpec, ceiling.child.pid!)];

    const cases: CaseResult[] = [];
    const wanted = (id: string) => opts.cases === null || opts.cases.includes(id);
    for (const c of HTTP_CASES) {
      if (!wanted(c.id)) continue;
      if (!routes.has(`${c.method} ${c.route}`)) {
        cases.push({ id: c.id, label: c.label, built: false, target: c.target, runs: {} });
        log(`${c.label}: not built yet (${c.method} ${c.route} is not in the API)`);
        continue;
      }
      log(`${c.label}…`);
      cases.push({
        id: c.id,
        label: c.label,
        built: true,
        target: c.target,
        runs: await measure(specFor(c, server.origin, session, fx, dbPath), server.child.pid!),
      });
    }
    // Each hot read again, under a trickle of writes and the /health probe.
    const mixed: MixedResult[] = [];
    for (const id of MIXED_READS) {
      const c = HTTP_CASES.find((x) => x.id === id)!;
      const feedbackCase = HTTP_CASES.find((x) => x.id === 'log-feedback')!;
      if (!wanted('mixed')) continue;
      if (!routes.has(`${c.method} ${c.route}`) || !routes.has(`${feedbackCase.method} ${feedbackCase.route}`)) {
        mixed.push(notBuiltMixed(c));
        continue;
      }
      log(`${c.label}, with writes…`);
      await new Promise((r) => setTimeout(r, 1000));
      const staff = specFor(feedbackCase, server.origin, session, fx, dbPath);
      mixed.push(
        await mixedCase({
          id: c.id,
          label: c.label,
          read: specFor(c, server.origin, session, fx, dbPath),
          seconds: opts.seconds,
          load: (spec) => load(spec, work),
          staffHeaders: { cookie: staff.headers.cookie!, 'x-csrf-token': staff.headers['x-csrf-token']! },
          feedbackBody: staff.body!,
          commitmentVersions: commitmentVersions(dbPath),
        }),
      );
      await settle(`${server.origin}/health`);
    }
    // The ceiling again at the end: the machine may have changed pace meanwhile.
    ceilingRuns.push(await measure(ceilingSpec, ceiling.child.pid!));
    const rssAfterLoad = rssMb(server.child.pid!);

    // A case left out by --cases is reported as not built.
    const only = (id: string) => (wanted(id) ? routes : new Set<string>());
    const csv = await importCsvCase({
      origin: server.origin,
      session,
      routes: only('csv'),
      dbPath,
      rows: opts.csvRows,
      work,
    });
    const pdf = await boardPackCase({ origin: server.origin, session, routes: only('pdf'), dbPath });
    // A second after the pack: the server asks for a full collection half a second after its
    // last heavy request (server/workers/settle-memory.ts), so this is the memory it keeps.
    await new Promise((r) => setTimeout(r, 1_000));
    const rssAtEnd = rssMb(server.child.pid!);
    // After the memory figure, which is for the import and the pack (issue 23).
    const exports = await exportsCase({ origin: server.origin, session, routes: only('exports'), dbPath });

    const result: RunResult = {
      at: new Date().toISOString(),
      smoke: opts.smoke,
      secondsPerCase: opts.seconds,
      machine: machine(),
      generation: { cached, generatedAt: meta.generatedAt, seconds: meta.seconds, counts: meta.counts },
      ceiling: ceilingRuns,
      cases,
      mixed,
      rss: { afterStartMb: rssAfterStart, afterLoadMb: rssAfterLoad, atEndMb: rssAtEnd },
      csv,
      pdf,
      exports,
      bundles: bundleSizes(),
      totalSeconds: 0,
    };
    result.totalSeconds = Math.round((performance.now() - started) / 100) / 10;

    const stamp = result.at.replace(/[:.]/g, '-');
    const base = join(opts.resultsDir, `${opts.smoke ? 'smoke' : 'bench'}-${stamp}`);
    writeFileSync(`${base}.json`, JSON.stringify(result, null, 2));
    writeFileSync(`${base}.md`, renderMarkdown(result));
    console.log(renderTable(result));
    if (opts.updateDoc) await updateBenchmarksMd(opts.resultsDir, 'BENCHMARKS.md');
    return { result, jsonPath: `${base}.json`, mdPath: `${base}.md` };
  } finally {
    for (const child of children.reverse()) await stop(child);
    rmSync(work, { recursive: true, force: true });
  }
}

function notBuiltMixed(c: HttpCase): MixedResult {
  const none = { n: 0, p99: null, max: null, errors: 0 };
  return {
    id: c.id,
    label: c.label,
    built: false,
    read: null,
    feedbackWrites: none,
    commitmentWrites: none,
    probe: none,
  };
}

function specFor(
  c: HttpCase,
  origin: string,
  session: Session,
  fx: Fixtures,
  dbPath: string,
): Omit<LoadSpec, 'connections' | 'seconds'> {
  const headers: Record<string, string> = c.signedIn ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {};
  if (c.body || c.versioned) headers['content-type'] = 'application/json';
  if (c.versioned) {
    const versions = commitmentVersions(dbPath);
    return { origin, method: c.method, paths: Object.keys(versions), headers, versions };
  }
  return {
    origin,
    method: c.method,
    paths: c.paths(fx),
    headers,
    ...(c.body ? { body: JSON.stringify(c.body(fx)) } : {}),
  };
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('bench/run.ts')) {
  const opts = optionsFrom(process.argv.slice(2));
  await runBench(opts);
}
