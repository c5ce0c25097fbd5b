// Gzipped size of a web app's initial JavaScript: its entry script and every chunk that entry
// imports statically (lazy pages are not counted). The same rule as scripts/size.ts, which
// reports the staff app against its budget; here it also measures the kiosk once it is built.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function initialScriptGzipBytes(dir: string, entryUrl: string): number {
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
  let total = 0;
  for (const url of seen) total += gzipSync(readFileSync(join(dir, url)), { level: 9 }).length;
  return total;
}

export type BundleSizes = { staffKb: number | null; kioskKb: number | null; note: string };

/**
 * Reads dist/web/manifest.json (`js` is the staff app's entry) and dist/web/kiosk/manifest.json
 * (`js` is the kiosk's, written by scripts/build-kiosk.ts); a kiosk missing from the build is
 * reported as absent.
 */
export function bundleSizes(dir = 'dist/web'): BundleSizes {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return { staffKb: null, kioskKb: null, note: 'dist/web is not built' };
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
  const staff = typeof manifest.js === 'string' ? kb(initialScriptGzipBytes(dir, manifest.js)) : null;
  const kioskManifestPath = join(dir, 'kiosk', 'manifest.json');
  const kioskManifest = existsSync(kioskManifestPath)
    ? (JSON.parse(readFileSync(kioskManifestPath, 'utf8')) as Record<string, unknown>)
    : {};
  const kioskEntry =
    typeof kioskManifest.js === 'string'
      ? kioskManifest.js
      : typeof manifest.kioskJs === 'string'
        ? manifest.kioskJs
        : typeof (manifest.kiosk as { js?: unknown } | undefined)?.js === 'string'
          ? (manifest.kiosk as { js: string }).js
          : null;
  const kiosk = kioskEntry ? kb(initialScriptGzipBytes(dir, kioskEntry)) : null;
  return { staffKb: staff, kioskKb: kiosk, note: kiosk === null ? 'no kiosk entry in the web build yet' : '' };
}
