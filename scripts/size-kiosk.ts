// The children's kiosk's first-load weight: its JavaScript (one file, no chunks) and stylesheet,
// gzipped. Budget 60 KB of JavaScript: the kiosk runs on old tablets over venue Wi-Fi.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const KIOSK_BUDGET_KB = 60;

/** Prints the kiosk's sizes; true when it is over budget (or not built). */
export function reportKiosk(dir = 'dist/web'): boolean {
  const manifest = join(dir, 'kiosk', 'manifest.json');
  if (!existsSync(manifest)) {
    console.error('\nKiosk: dist/web/kiosk is not built. Run `npm run build` first.');
    return true;
  }
  const { js, css } = JSON.parse(readFileSync(manifest, 'utf8')) as { js: string; css: string };
  const kb = (n: number) => (n / 1024).toFixed(1);
  const jsGz = gzipSync(readFileSync(join(dir, js)), { level: 9 }).length;
  const cssGz = gzipSync(readFileSync(join(dir, css)), { level: 9 }).length;
  const swGz = gzipSync(readFileSync(join(dir, 'kiosk', 'sw.js')), { level: 9 }).length;
  console.log(`\nKiosk JavaScript: ${kb(jsGz)} KB gzipped (budget ${KIOSK_BUDGET_KB} KB) in ${js}.`);
  console.log(`Kiosk stylesheet: ${kb(cssGz)} KB gzipped; service worker ${kb(swGz)} KB gzipped.`);
  if (jsGz > KIOSK_BUDGET_KB * 1024) {
    console.error(`Kiosk over budget by ${kb(jsGz - KIOSK_BUDGET_KB * 1024)} KB.`);
    return true;
  }
  return false;
}
