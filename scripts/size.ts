// Reports the gzipped size of the staff app's initial JavaScript: the entry script and every
// chunk it imports statically (lazy pages are not counted). Fails above the 120 KB budget.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { reportKiosk } from './size-kiosk.js';

const BUDGET_KB = 120;
const dir = 'dist/web';
if (!existsSync(join(dir, 'manifest.json'))) {
  console.error('dist/web is not built. Run `npm run build` first.');
  process.exit(1);
}
const { js, css } = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { js: string; css: string };

const seen = new Set<string>();
function walk(url: string) {
  if (seen.has(url)) return;
  seen.add(url);
  const code = readFileSync(join(dir, url), 'utf8');
  // Static imports only: `import{..}from"./x.js"` or `import"./x.js"`; import("./x.js") is lazy.
  for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w${},\s*]+from\s*)?["'](\.\/[^"']+\.js)["']/g))
    walk(join('/assets', m[1]!));
}
walk(js);

const kb = (n: number) => (n / 1024).toFixed(1);
let total = 0;
for (const url of seen) {
  const raw = readFileSync(join(dir, url));
  const gz = gzipSync(raw, { level: 9 }).length;
  total += gz;
  console.log(`${url.padEnd(48)} ${kb(raw.length).padStart(7)} KB raw ${kb(gz).padStart(6)} KB gzipped`);
}
const cssGz = gzipSync(readFileSync(join(dir, css)), { level: 9 }).length;
console.log(`\nInitial JavaScript: ${kb(total)} KB gzipped (budget ${BUDGET_KB} KB) in ${seen.size} files.`);
console.log(`Stylesheet: ${kb(cssGz)} KB gzipped.`);
const kioskOver = reportKiosk(dir);
if (kioskOver) process.exitCode = 1;
if (total > BUDGET_KB * 1024) {
  console.error(`Over budget by ${kb(total - BUDGET_KB * 1024)} KB.`);
  process.exit(1);
}
