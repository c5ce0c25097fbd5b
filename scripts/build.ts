// Builds the server bundle (dist/server.js) and the web app (dist/web/). Fast enough to run on
// every `npm start`. `tsx scripts/build.ts web` builds only the web app (the browser tests' pretest).
import { build, type Metafile } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as sass from 'sass';
import { buildKiosk } from './build-kiosk.js';

const only = process.argv[2];

if (only !== 'web') {
  await build({
    entryPoints: ['server/server.ts'],
    outfile: 'dist/server.js',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}
if (only !== 'server') await buildWeb().then(() => buildKiosk());

/** The staff app: content-hashed, minified, code-split ESM plus one bundled stylesheet. */
async function buildWeb() {
  const out = 'dist/web';
  const work = 'dist/.web-build';
  rmSync(out, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });

  // GOV.UK Frontend's Sass, compiled with our own font stack (see web/styles/main.scss).
  const css = sass.compile('web/styles/main.scss', {
    importers: [new sass.NodePackageImporter(process.cwd())],
    style: 'compressed',
    quietDeps: true,
  }).css;
  writeFileSync(join(work, 'app.css'), css);

  const result = await build({
    entryPoints: [
      { in: 'web/main.ts', out: 'app' },
      { in: join(work, 'app.css'), out: 'app' },
    ],
    outdir: join(out, 'assets'),
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: 'linked',
    metafile: true,
    legalComments: 'external',
    // Images and fonts referenced by the stylesheet are copied beside it with hashed names.
    loader: { '.svg': 'file', '.png': 'file', '.woff2': 'file', '.woff': 'file' },
    logLevel: 'warning',
  });

  const entries = entryFiles(result.metafile, out);
  const html = readFileSync('web/index.html', 'utf8').replace('%APP_JS%', entries.js).replace('%APP_CSS%', entries.css);
  writeFileSync(join(out, 'index.html'), html);
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(entries, null, 2));
  rmSync(work, { recursive: true, force: true });
}

function entryFiles(meta: Metafile, out: string) {
  let js = '';
  let css = '';
  for (const [file, info] of Object.entries(meta.outputs)) {
    const url = '/' + file.slice(out.length + 1);
    if (info.entryPoint === 'web/main.ts' && file.endsWith('.js')) js = url;
    if (info.entryPoint?.endsWith('app.css') && file.endsWith('.css')) css = url;
  }
  if (!js || !css) throw new Error('web build: could not find the app entry files in the metafile');
  return { js, css };
}
