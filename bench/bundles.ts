// The web build's weight, as a browser fetches it: every JavaScript file in dist/web/assets,
// gzipped, marked as part of a first load (the staff app's or the kiosk's entry and what it
// imports statically) or lazy (a page's own file and the chunks only pages import). One rule
// for `npm run size` (scripts/size.ts) and the bench's table (bench/report.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** No single file a browser fetches may be bigger than this, gzipped (issue 23). */
export const CHUNK_LIMIT_KB = 60;

/** The URLs (`/assets/...`) of the entry and every chunk it imports statically. */
export function initialScripts(dir: string, entryUrl: string): Set<string> {
  const seen = new Set<string>();
  const walk = (url: string) => {
    if (seen.has(url)) return;
    seen.add(url);
    const code = readFileSync(join(dir, url), 'utf8');
    // Static imports only: `import{..}from"./x.js"` or `import"./x.js"`; import("./x.js") is lazy.
    for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w${},\s*]+from\s*)?["'](\.\/[^"']+\.js)["']/g))
      walk(join('/assets', m[1]!));
  };
  walk(entryUrl);
  return seen;
}

const gzBytes = (dir: string, url: string) => gzipSync(readFileSync(join(dir, url)), { level: 9 }).length;

export type ChunkSize = {
  /** `/assets/chunk-XYZ.js` */
  url: string;
  rawKb: number;
  gzKb: number;
  /** `staff`, `kiosk` (part of that app's first load) or `lazy`. */
  load: 'staff' | 'kiosk' | 'lazy';
  /** The biggest sources in it (from the build's dist/web-chunks.json), to say what it is. */
  holds: string;
};

export type BundleSizes = {
  staffKb: number | null;
  kioskKb: number | null;
  note: string;
  /** Every script in the build, biggest first (absent in runs from before it was measured). */
  chunks?: ChunkSize[];
};

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const readJson = (path: string) =>
  existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : {};

/**
 * Reads dist/web/manifest.json (`js` is the staff app's entry) and dist/web/kiosk/manifest.json
 * (`js` is the kiosk's, written by scripts/build-kiosk.ts); a kiosk missing from the build is
 * reported as absent.
 */
export function bundleSizes(dir = 'dist/web'): BundleSizes {
  if (!existsSync(join(dir, 'manifest.json'))) return { staffKb: null, kioskKb: null, note: 'dist/web is not built' };
  const manifest = readJson(join(dir, 'manifest.json'));
  const kioskManifest = readJson(join(dir, 'kiosk', 'manifest.json'));
  const staffEntry = typeof manifest.js === 'string' ? manifest.js : null;
  const kioskEntry = typeof kioskManifest.js === 'string' ? kioskManifest.js : null;
  const staff = staffEntry ? initialScripts(dir, staffEntry) : new Set<string>();
  const kiosk = kioskEntry ? initialScripts(dir, kioskEntry) : new Set<string>();
  // scripts/build.ts writes what each output holds beside the web root (not served).
  const holds = readJson(join(dir, '..', 'web-chunks.json')) as Record<string, string[]>;

  const chunks: ChunkSize[] = readdirSync(join(dir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => {
      const url = `/assets/${f}`;
      const raw = readFileSync(join(dir, url));
      return {
        url,
        rawKb: kb(raw.length),
        gzKb: kb(gzipSync(raw, { level: 9 }).length),
        load: staff.has(url) ? ('staff' as const) : kiosk.has(url) ? ('kiosk' as const) : ('lazy' as const),
        holds: (holds[url] ?? []).join(', '),
      };
    })
    .sort((a, b) => b.gzKb - a.gzKb);
  const total = (set: Set<string>) => kb([...set].reduce((sum, url) => sum + gzBytes(dir, url), 0));
  return {
    staffKb: staffEntry ? total(staff) : null,
    kioskKb: kioskEntry ? total(kiosk) : null,
    note: kioskEntry ? '' : 'no kiosk entry in the web build yet',
    chunks,
  };
}

/** The scripts over CHUNK_LIMIT_KB gzipped. */
export const overLimit = (sizes: BundleSizes) => (sizes.chunks ?? []).filter((c) => c.gzKb > CHUNK_LIMIT_KB);

/** One line for the bench's measures table: how many scripts, the biggest, and the verdict. */
export function largestChunkRow(sizes: BundleSizes): [string, string, string, 'met' | 'missed' | ''] {
  const what = 'Every browser script, lazy chunks included (gzipped)';
  const chunks = sizes.chunks ?? [];
  const top = chunks[0];
  if (!top) return [what, 'not measured', `≤ ${CHUNK_LIMIT_KB} KB each`, ''];
  const lazy = chunks.filter((c) => c.load === 'lazy').length;
  return [
    what,
    `${chunks.length} files (${lazy} lazy); largest ${top.gzKb.toFixed(1)} KB (${top.holds || top.url}, ${top.load})`,
    `≤ ${CHUNK_LIMIT_KB} KB each`,
    overLimit(sizes).length ? 'missed' : 'met',
  ];
}

/** Every script as a Markdown table, biggest first, each checked against the limit. */
export function chunkTable(sizes: BundleSizes): string[] {
  const chunks = sizes.chunks ?? [];
  if (chunks.length === 0) return [];
  return [
    `| script | loaded | raw KB | gzipped KB | holds | ≤ ${CHUNK_LIMIT_KB} KB |`,
    '|---|---|--:|--:|---|---|',
    ...chunks.map(
      (c) =>
        `| ${c.url} | ${c.load === 'lazy' ? 'lazy' : `${c.load} first load`} | ${c.rawKb.toFixed(1)} | ${c.gzKb.toFixed(1)} | ${c.holds} | ${c.gzKb > CHUNK_LIMIT_KB ? 'missed' : 'met'} |`,
    ),
  ];
}
