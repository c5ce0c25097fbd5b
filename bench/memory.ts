// The server's memory after the import and the pack (issue 23, goal 5), and how long the event
// loop kept a /health probe waiting during each heavy case (goal 3), without the rest of the
// bench: the built server as `npm start` runs it, on a copy of the bench's large council, then
// the bench's own CSV import (100,000 rows) and board pack PDF, with RSS (`ps`) after each step
// and 5 s later, then the bench's three exports. Several runs, each on a fresh server and copy;
// the median is the figure.
//
//   npx tsx bench/memory.ts [runs]      (after `npm run build` and `npm run bench -- --generate-only`)
//   BENCH_SERVER_ARGS=--trace-gc npx tsx bench/memory.ts 1     the server's collections too
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { builtRoutes, rssMb, signIn, startFlags, startListening } from './run.js';
import { boardPackCase, exportsCase, importCsvCase, putOffRetention } from './extras.js';
import { median } from './report.js';

const runs = Number(process.argv[2] ?? 3);
const cacheDir = 'bench/results/cache';
const council = readdirSync(cacheDir).find((f) => /^large-.*\.db$/.test(f));
if (!council) throw new Error(`No large council in ${cacheDir}: run \`npm run bench -- --generate-only\` first.`);
const meta = JSON.parse(readFileSync(join(cacheDir, council.replace(/\.db$/, '.json')), 'utf8')) as {
  admin: { email: string; password: string };
};

const STEPS = ['after start', 'after import', 'after pack', '1 s later', '5 s later'] as const;
/** The probe's longest wait in each heavy case, per run. */
const waits: Record<string, number[]> = {};
const waited = (name: string, ms: number | null | undefined) => (waits[name] ??= []).push(ms ?? NaN);
const figures: Record<(typeof STEPS)[number], number[]> = {
  'after start': [],
  'after import': [],
  'after pack': [],
  '1 s later': [],
  '5 s later': [],
};

for (let run = 1; run <= runs; run++) {
  const work = mkdtempSync(join(tmpdir(), 'pt-memory-'));
  const dbPath = join(work, 'bench.db');
  copyFileSync(join(cacheDir, council), dbPath);
  putOffRetention(dbPath);
  const serverArgs = (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);
  const server = await startListening([...serverArgs, ...startFlags(), resolve('dist/server.js')], {
    ...process.env,
    NODE_ENV: 'production',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_PATH: dbPath,
    BACKUP_DIR: '',
    // Reminders are not what is measured, and their first run comes a minute after start.
    REMINDER_EVERY_MINUTES: '0',
  });
  if (serverArgs.length) server.child.stderr!.pipe(process.stderr);
  try {
    const pid = server.child.pid!;
    const session = await signIn(server.origin, meta.admin.email, meta.admin.password);
    const ctx = { origin: server.origin, session, routes: await builtRoutes(server.origin), dbPath };
    const seen: number[] = [rssMb(pid) ?? NaN];
    const csv = await importCsvCase({ ...ctx, rows: 100_000, work });
    if (csv.importSeconds === null) throw new Error(csv.note);
    seen.push(rssMb(pid) ?? NaN);
    const pdf = await boardPackCase(ctx);
    if (pdf.bytes === null) throw new Error(pdf.note);
    seen.push(rssMb(pid) ?? NaN);
    await new Promise((r) => setTimeout(r, 1_000));
    seen.push(rssMb(pid) ?? NaN);
    await new Promise((r) => setTimeout(r, 4_000));
    seen.push(rssMb(pid) ?? NaN);
    STEPS.forEach((step, i) => figures[step].push(seen[i]!));
    const exports = await exportsCase(ctx);
    waited('import', csv.longestWaitMs);
    waited('pack PDF', pdf.longestWaitMs);
    for (const e of exports) waited(e.id, e.longestWaitMs);
    console.log(`run ${run}: ${STEPS.map((s, i) => `${s} ${seen[i]} MB`).join(', ')}`);
    console.log(
      `  import ${csv.importSeconds} s (write ${csv.writeMs} ms), /health at most ${csv.longestWaitMs} ms; pack PDF ${pdf.bytes} bytes, /health at most ${pdf.longestWaitMs} ms`,
    );
    for (const e of exports)
      console.log(`  ${e.label}: ${e.seconds} s, ${e.note}, /health at most ${e.longestWaitMs} ms`);
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
    rmSync(work, { recursive: true, force: true });
  }
}
console.log(`median of ${runs}: ${STEPS.map((s) => `${s} ${median(figures[s])} MB`).join(', ')}`);
console.log(
  `/health's longest wait, median of ${runs} (all runs): ${Object.entries(waits)
    .map(([name, ms]) => `${name} ${median(ms)} ms (${ms.join(', ')})`)
    .join('; ')}`,
);
