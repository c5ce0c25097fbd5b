// Builds the children's kiosk: its own small bundle (no code shared at run time with the staff
// app), its own stylesheet, its index.html, and its service worker, which is told the exact
// asset files of this build so it can keep them for offline use.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as sass from 'sass';
import { browserBuildOptions, entryFiles } from './build-shared.js';

export async function buildKiosk(out = 'dist/web') {
  const work = 'dist/.kiosk-build';
  mkdirSync(work, { recursive: true });
  mkdirSync(join(out, 'kiosk'), { recursive: true });
  const css = sass.compile('web/kiosk/kiosk.scss', { style: 'compressed' }).css;
  writeFileSync(join(work, 'kiosk.css'), css);

  const result = await build(
    browserBuildOptions({
      entryPoints: [
        { in: 'web/kiosk/main.ts', out: 'kiosk' },
        { in: join(work, 'kiosk.css'), out: 'kiosk' },
      ],
      outdir: join(out, 'assets'),
    }),
  );
  const files = entryFiles(result.metafile, out, 'web/kiosk/main.ts', 'kiosk.css', 'kiosk');
  const html = readFileSync('web/kiosk/index.html', 'utf8')
    .replace('%KIOSK_JS%', files.js)
    .replace('%KIOSK_CSS%', files.css);
  writeFileSync(join(out, 'kiosk', 'index.html'), html);
  writeFileSync(join(out, 'kiosk', 'manifest.json'), JSON.stringify(files, null, 2));

  const assets = ['/kiosk', files.js, files.css];
  const version = createHash('sha256').update(assets.join('|')).digest('hex').slice(0, 12);
  await build({
    entryPoints: ['web/kiosk/sw.ts'],
    outfile: join(out, 'kiosk', 'sw.js'),
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    define: { __KIOSK_ASSETS__: JSON.stringify(assets), __KIOSK_VERSION__: JSON.stringify(version) },
    logLevel: 'warning',
  });
  rmSync(work, { recursive: true, force: true });
  return result.metafile;
}
