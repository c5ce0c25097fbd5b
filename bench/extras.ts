// The cases that are timed once rather than loaded: importing a large CSV of feedback (against
// the same rows inserted with raw better-sqlite3 in one transaction), making a board pack PDF and
// the spreadsheet and CSV exports. During each, a /health probe every 20 ms says how long the
// event loop kept everyone else waiting (the heavy work runs in a worker thread; issue 23, goal 3).
// Their routes are being built alongside the bench; until they exist the case says so.
import Database from 'better-sqlite3';
import type { Session } from './run.js';
import { IMPORT_MAX_ROWS } from '../server/contracts/index.js';
import { MIXED_TARGET } from './mixed.js';

type Context = { origin: string; session: Session; routes: Set<string>; dbPath: string };

export type CsvResult = {
  built: boolean;
  route: string | null;
  rows: number;
  rawSeconds: number;
  importSeconds: number | null;
  ratio: number | null;
  /** The longest the 20 ms /health probe waited while the import ran. */
  longestWaitMs?: number | null;
  /** Of the import's time, the write transaction's (the server's Server-Timing), which holds the loop. */
  writeMs?: number | null;
  note: string;
};

export type PdfResult = {
  built: boolean;
  route: string | null;
  seconds: number | null;
  bytes: number | null;
  /** The longest the /health probe waited while the first (uncached) PDF was printed. */
  longestWaitMs?: number | null;
  note: string;
};

/** One export, timed once cold with the /health probe running. */
export type ExportResult = {
  id: string;
  label: string;
  built: boolean;
  seconds: number | null;
  bytes: number | null;
  longestWaitMs: number | null;
  note: string;
};

/** The probe's longest wait the heavy cases are held to (issue 23, goal 3): the mixed case's own. */
export const PROBE_TARGET_MS = MIXED_TARGET.probeMaxMs;

/**
 * Puts the copy's retention period past its oldest item. The generated council's ten years would
 * otherwise all fall due at the server's first retention run, a minute after it starts, which a
 * real council spreads over the years; that run erases item after item without yielding
 * (server/services/erasure.ts), and held the event loop for minutes, so every case after it
 * timed out.
 */
export function putOffRetention(dbPath: string): void {
  const db = new Database(dbPath);
  try {
    db.prepare('update settings set retention_months = 1200').run();
  } finally {
    db.close();
  }
}

/** The import route's largest file, in rows. */
const IMPORT_FILE_ROWS = IMPORT_MAX_ROWS;

const SOURCES = ['forum', 'survey', 'complaint', 'takeover_day'] as const;
const AGE_BANDS = ['4-7', '8-11', '11-18', 'care-leaver'] as const;

/** The rows both ways of loading take: heard on, source, forum, age band, words. */
export function csvRows(n: number, today = new Date()): [string, string, string, string, string][] {
  const rows: [string, string, string, string, string][] = [];
  const day = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  for (let i = 0; i < n; i++) {
    const heard = new Date(day - ((i % 700) + 1) * 86_400_000).toISOString().slice(0, 10);
    rows.push([
      heard,
      SOURCES[i % 4]!,
      'cicc',
      AGE_BANDS[i % 4]!,
      `Imported item ${i + 1}: we want more say in our plans`,
    ]);
  }
  return rows;
}

/** Which of toCsv's columns holds each field: the import asks for the mapping, as its page does. */
const IMPORT_MAPPING = { heardOn: 'heard_on', source: 'source', forumId: 'forum', ageBand: 'age_band', text: 'text' };

export function toCsv(rows: string[][]): string {
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return ['heard_on,source,forum,age_band,text', ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}

/** The floor: the same rows straight into the table, one prepared statement, one transaction. */
function rawInsertSeconds(dbPath: string, rows: string[][]): number {
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  try {
    const insert = db.prepare(
      'insert into feedback (heard_on, source, forum_id, age_band, text, logged_by_id) values (?, ?, ?, ?, ?, 1)',
    );
    const t0 = performance.now();
    db.transaction(() => {
      for (const r of rows) insert.run(r[0], r[1], r[2], r[3], r[4]);
    })();
    return (performance.now() - t0) / 1000;
  } finally {
    db.close();
  }
}

/** Asks for /health every 20 ms until stopped; `stop` gives the longest wait. */
export function healthProbe(origin: string) {
  let running = true;
  let longest = 0;
  const loop = (async () => {
    while (running) {
      const t = performance.now();
      const res = await fetch(`${origin}/health`).catch(() => null);
      if (!res) break; // the server has gone: the case's own request will say why
      await res.arrayBuffer();
      longest = Math.max(longest, performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return Math.round(longest);
    },
  };
}

/** Runs `work` with the probe going, and gives its result and the probe's longest wait. */
async function probed<T>(origin: string, work: () => Promise<T>): Promise<{ value: T; longestWaitMs: number }> {
  const probe = healthProbe(origin);
  // A few answers first, so the figure is not the probe's own first connection.
  await new Promise((r) => setTimeout(r, 100));
  try {
    const value = await work();
    return { value, longestWaitMs: await probe.stop() };
  } catch (err) {
    await probe.stop();
    throw err;
  }
}

function findRoute(routes: Set<string>, method: string, test: (path: string) => boolean): string | null {
  for (const r of routes) {
    const [m, path] = r.split(' ') as [string, string];
    if (m === method && test(path)) return path;
  }
  return null;
}

export async function importCsvCase(ctx: Context & { rows: number; work: string }): Promise<CsvResult> {
  const rows = csvRows(ctx.rows);
  const route = findRoute(ctx.routes, 'POST', (p) => p.startsWith('/api/v1/feedback') && p.includes('import'));
  const rawSeconds = round(rawInsertSeconds(ctx.dbPath, rows));
  if (!route)
    return {
      built: false,
      route: null,
      rows: ctx.rows,
      rawSeconds,
      importSeconds: null,
      ratio: null,
      note: 'CSV import route not built yet',
    };
  // The import takes a file of at most IMPORT_FILE_ROWS rows (and 16 MB) at a time: the time is
  // for all the files, one after another (100,000 rows fit in one).
  const { value: result, longestWaitMs } = await probed(ctx.origin, () => timedImport(ctx, route, rows, rawSeconds));
  return result.importSeconds === null ? result : { ...result, longestWaitMs };
}

async function timedImport(
  ctx: Context & { rows: number },
  route: string,
  rows: string[][],
  rawSeconds: number,
): Promise<CsvResult> {
  const t0 = performance.now();
  let created = 0;
  let writeMs = 0;
  for (let i = 0; i < rows.length; i += IMPORT_FILE_ROWS) {
    const res = await fetch(`${ctx.origin}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: ctx.session.cookie, 'x-csrf-token': ctx.session.csrf },
      body: JSON.stringify({ csv: toCsv(rows.slice(i, i + IMPORT_FILE_ROWS)), mapping: IMPORT_MAPPING, dryRun: false }),
    });
    const body = await res.text();
    if (res.status !== 201)
      return {
        built: true,
        route,
        rows: ctx.rows,
        rawSeconds,
        importSeconds: null,
        ratio: null,
        note: `import answered ${res.status}: ${body.slice(0, 300)}`,
      };
    created += (JSON.parse(body) as { created: number }).created;
    writeMs += Number(/write;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1] ?? NaN);
  }
  const importSeconds = round((performance.now() - t0) / 1000);
  const files = Math.ceil(rows.length / IMPORT_FILE_ROWS);
  return {
    built: true,
    route,
    rows: ctx.rows,
    rawSeconds,
    importSeconds,
    ratio: round(importSeconds / rawSeconds),
    writeMs: Number.isNaN(writeMs) ? null : Math.round(writeMs),
    note: `${created.toLocaleString('en-GB')} created from ${files} file${files === 1 ? '' : 's'} of up to ${IMPORT_FILE_ROWS.toLocaleString('en-GB')} rows`,
  };
}

export async function boardPackCase(ctx: Context): Promise<PdfResult> {
  const create = '/api/v1/board/meetings/{id}/packs';
  const route = '/api/v1/board/packs/{id}/pdf';
  if (!ctx.routes.has(`POST ${create}`) || !ctx.routes.has(`GET ${route}`))
    return { built: false, route: null, seconds: null, bytes: null, note: 'board pack PDF route not built yet' };
  const db = new Database(ctx.dbPath, { readonly: true });
  const meeting = db.prepare('select id from board_meetings order by meeting_date desc limit 1').get() as
    { id: number } | undefined;
  db.close();
  const headers = { cookie: ctx.session.cookie, 'x-csrf-token': ctx.session.csrf };
  // Making the pack freezes a snapshot of the meeting; the PDF is then drawn from it.
  const t0 = performance.now();
  const made = await fetch(`${ctx.origin}${create.replace('{id}', String(meeting?.id ?? 1))}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'board' }),
  });
  const snapshotSeconds = round((performance.now() - t0) / 1000);
  const madeBody = await made.text();
  if (made.status !== 201)
    return {
      built: true,
      route,
      seconds: null,
      bytes: null,
      note: `making the pack answered ${made.status}: ${madeBody.slice(0, 300)}`,
    };
  const url = `${ctx.origin}${route.replace('{id}', String((JSON.parse(madeBody) as { id: number }).id))}`;
  // The first PDF is printed (in the worker thread, the probe running); the next two are the
  // server's cached copy.
  const times: number[] = [];
  let bytes = 0;
  let longestWaitMs: number | null = null;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const fetched = async () => {
      const res = await fetch(url, { headers });
      return { res, body: await res.arrayBuffer() };
    };
    const { res, body } =
      i === 0
        ? await probed(ctx.origin, fetched).then((p) => ((longestWaitMs = p.longestWaitMs), p.value))
        : await fetched();
    if (res.status !== 200)
      return {
        built: true,
        route,
        seconds: null,
        bytes: null,
        note: `answered ${res.status}: ${Buffer.from(body).toString().slice(0, 300)}`,
      };
    times.push((performance.now() - t) / 1000);
    bytes = body.byteLength;
  }
  return {
    built: true,
    route,
    seconds: round(times[0]!),
    bytes,
    longestWaitMs,
    note: `printed once in ${round(times[0]!)} s, then twice from the cache in ${round(Math.max(times[1]!, times[2]!))} s at most; ${Math.round(bytes / 1024)} KB; making the pack's snapshot took ${snapshotSeconds} s`,
  };
}

const EXPORTS = [
  { id: 'xlsx', label: 'Board export, spreadsheet (XLSX)', route: '/api/v1/board/export.xlsx' },
  { id: 'board-csv', label: 'Board export, actions (CSV)', route: '/api/v1/board/export.csv', query: '?table=actions' },
  { id: 'feedback-csv', label: 'Feedback export (CSV, every item)', route: '/api/v1/feedback/export.csv' },
] as const;

/** Each export once, cold, with the /health probe running. */
export async function exportsCase(ctx: Context): Promise<ExportResult[]> {
  const headers = { cookie: ctx.session.cookie, 'x-csrf-token': ctx.session.csrf };
  const out: ExportResult[] = [];
  for (const e of EXPORTS) {
    const none = { id: e.id, label: e.label, seconds: null, bytes: null, longestWaitMs: null };
    if (!ctx.routes.has(`GET ${e.route}`)) {
      out.push({ ...none, built: false, note: 'route not built yet' });
      continue;
    }
    const t = performance.now();
    const { value, longestWaitMs } = await probed(ctx.origin, async () => {
      const res = await fetch(`${ctx.origin}${e.route}${'query' in e ? e.query : ''}`, { headers });
      return { status: res.status, body: await res.arrayBuffer() };
    });
    const seconds = round((performance.now() - t) / 1000);
    out.push(
      value.status === 200
        ? {
            ...none,
            built: true,
            seconds,
            bytes: value.body.byteLength,
            longestWaitMs,
            note: `${Math.round(value.body.byteLength / 1024)} KB`,
          }
        : {
            ...none,
            built: true,
            note: `answered ${value.status}: ${Buffer.from(value.body).toString().slice(0, 300)}`,
          },
    );
  }
  return out;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
