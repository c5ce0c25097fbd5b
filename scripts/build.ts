// Builds the server (dist/server.js), the operator commands beside it (dist/user.js, migrate,
// seed, backup, restore) and the web app (dist/web/). Fast enough to run on every `npm start`.
//   tsx scripts/build.ts           everything
//   tsx scripts/build.ts web       only the web app (the browser tests' pretest)
//   tsx scripts/build.ts node      only the server and the operator commands (before `npm run user`)
// The node bundles leave every package as an import, so a production install needs only the
// runtime `dependencies`: no tsx, esbuild or sass (see scripts/build-if-dev.js).
import { build, type Metafile } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as sass from 'sass';
import { buildKiosk } from './build-kiosk.js';
import { browserBuildOptions, entryFiles } from './build-shared.js';

/**
 * The commands an operator runs on a production install, by their npm script. They are written
 * flat beside server.js, so db/client.ts finds ../migrations from each of them alike.
 */
const OPERATOR_COMMANDS = [
  'user',
  'migrate',
  'seed',
  'backup',
  'restore',
  'retention',
  'reminders',
  'council',
] as const;

const only = process.argv[2];
if (only !== undefined && only !== 'web' && only !== 'node') {
  console.error(`Unknown build target "${only}": use "web", "node" or nothing for both.`);
  process.exit(2);
}

if (only !== 'web') {
  await build({
    entryPoints: [
      { in: 'server/server.ts', out: 'server' },
      // The worker thread's entry (server/workers/off-thread.ts starts it beside server.js).
      { in: 'server/workers/heavy-work.ts', out: 'heavy-work' },
      ...OPERATOR_COMMANDS.map((name) => ({ in: `scripts/${name}.ts`, out: name })),
    ],
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}
if (only !== 'node') {
  const staff = await buildWeb();
  const kiosk = await buildKiosk();
  writeFileSync('dist/web-chunks.json', JSON.stringify(chunkContents([staff, kiosk], 'dist/web'), null, 2));
}

/**
 * For each script the browser fetches, the packages or source folders that make up most of it,
 * biggest first: the size report (bench/bundles.ts) names chunks by what they hold. Written
 * beside dist/web, not in it, so it is not served.
 */
function chunkContents(metafiles: Metafile[], out: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const meta of metafiles)
    for (const [file, info] of Object.entries(meta.outputs)) {
      if (!file.endsWith('.js')) continue;
      const bySource = new Map<string, number>();
      for (const [input, { bytesInOutput }] of Object.entries(info.inputs)) {
        // node_modules/@scope/name/... → @scope/name; web/views/x.ts → web/views/x.ts
        const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
        const key = pkg ?? input.replace(/^.*?((?:web|server)\/)/, '$1');
        bySource.set(key, (bySource.get(key) ?? 0) + bytesInOutput);
      }
      const total = [...bySource.values()].reduce((a, b) => a + b, 0);
      result['/' + file.slice(out.length + 1)] = [...bySource]
        .sort((a, b) => b[1] - a[1])
        .filter(([, bytes], i) => i === 0 || bytes >= total * 0.1)
        .slice(0, 3)
        .map(([name]) => name);
    }
  return result;
}

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

  const result = await build(
    browserBuildOptions({
      entryPoints: [
        { in: 'web/main.ts', out: 'app' },
        { in: join(work, 'app.css'), out: 'app' },
      ],
      outdir: join(out, 'assets'),
      chunkNames: '[name]-[hash]',
      assetNames: '[name]-[hash]',
      splitting: true,
      // Images and fonts referenced by the stylesheet are copied beside it with hashed names.
      loader: { '.svg': 'file', '.png': 'file', '.woff2': 'file', '.woff': 'file' },
    }),
  );

  const entries = entryFiles(result.metafile, out, 'web/main.ts', 'app.css', 'web');
  const html = readFileSync('web/index.html', 'utf8').replace('%APP_JS%', entries.js).replace('%APP_CSS%', entries.css);
  writeFileSync(join(out, 'index.html'), html);
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(entries, null, 2));
  rmSync(work, { recursive: true, force: true });
  return result.metafile;
}
