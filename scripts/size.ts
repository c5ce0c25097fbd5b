// Reports the gzipped size of every script the web build serves: the staff app's first load
// (its entry and every chunk it imports statically) against the 120 KB budget, and each file,
// lazy chunks and pages included, against the 60 KB limit any one file has. Fails over either.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundleSizes, CHUNK_LIMIT_KB, overLimit } from '../bench/bundles.js';
import { reportKiosk } from './size-kiosk.js';

const BUDGET_KB = 120;
const dir = 'dist/web';
if (!existsSync(join(dir, 'manifest.json'))) {
  console.error('dist/web is not built. Run `npm run build` first.');
  process.exit(1);
}
const { css } = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { css: string };
const sizes = bundleSizes(dir);
const chunks = sizes.chunks ?? [];

const kb = (n: number) => n.toFixed(1);
for (const c of chunks)
  console.log(
    `${c.url.padEnd(48)} ${c.load.padEnd(5)} ${kb(c.rawKb).padStart(7)} KB raw ${kb(c.gzKb).padStart(6)} KB gzipped  ${c.holds}`,
  );
const initial = chunks.filter((c) => c.load === 'staff').length;
const cssGz = gzipSync(readFileSync(join(dir, css)), { level: 9 }).length / 1024;
console.log(`\nInitial JavaScript: ${kb(sizes.staffKb ?? 0)} KB gzipped (budget ${BUDGET_KB} KB) in ${initial} files.`);
console.log(
  `Largest file: ${kb(chunks[0]?.gzKb ?? 0)} KB gzipped (limit ${CHUNK_LIMIT_KB} KB for each of ${chunks.length}).`,
);
console.log(`Stylesheet: ${kb(cssGz)} KB gzipped.`);
const kioskOver = reportKiosk(dir);
if (kioskOver) process.exitCode = 1;
for (const c of overLimit(sizes)) {
  console.error(`${c.url} (${c.holds}) is ${kb(c.gzKb - CHUNK_LIMIT_KB)} KB over the ${CHUNK_LIMIT_KB} KB limit.`);
  process.exitCode = 1;
}
if ((sizes.staffKb ?? 0) > BUDGET_KB) {
  console.error(`Over budget by ${kb((sizes.staffKb ?? 0) - BUDGET_KB)} KB.`);
  process.exit(1);
}
