// The browser tests run against dist/web. A bundle older than its sources would test
// yesterday's code, so it is rebuilt when any source is newer (or the last build did not finish).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What `tsx scripts/build.ts web` reads: the app, what of the server it may import (the API
 * contracts and the date-words module, as eslint.config.js allows), the build scripts.
 */
const SOURCES = [
  'web',
  'server/contracts',
  'server/domain/date-words.ts',
  'scripts/build.ts',
  'scripts/build-kiosk.ts',
  'scripts/build-shared.ts',
];
/** Written first after the staff app is built; the kiosk's service worker is the build's last file. */
const BUILT = 'dist/web/index.html';
const FINISHED = 'dist/web/kiosk/sw.js';

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

/** The first source found newer than the bundle, `missing` when there is no whole bundle, or null when it is fresh. */
export function staleBecause(root = '.'): string | null {
  if (!existsSync(join(root, BUILT)) || !existsSync(join(root, FINISHED))) return 'missing';
  const builtAt = statSync(join(root, BUILT)).mtimeMs;
  return SOURCES.find((source) => existsSync(join(root, source)) && newestChange(join(root, source)) > builtAt) ?? null;
}

/** Rebuilds dist/web when it is missing or older than its sources. */
export function ensureFreshBundle(): void {
  const reason = staleBecause();
  if (!reason) return;
  console.log(`Rebuilding the web bundle (${reason === 'missing' ? 'none built' : `${reason} changed since`})…`);
  execFileSync('npx', ['tsx', 'scripts/build.ts', 'web'], { stdio: 'inherit' });
}
