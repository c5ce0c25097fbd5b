// What the staff app's and the kiosk's browser builds have in common: the esbuild options every
// browser bundle uses, and finding a build's entry script and stylesheet in esbuild's metafile.
import type { BuildOptions, Metafile } from 'esbuild';

/** Content-hashed, minified ES2022 modules with linked source maps and a metafile. */
export function browserBuildOptions(options: BuildOptions & { outdir: string }): BuildOptions & { metafile: true } {
  return {
    entryNames: '[name]-[hash]',
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: 'linked',
    legalComments: 'external',
    logLevel: 'warning',
    ...options,
    metafile: true,
  };
}

/**
 * The URLs (below `out`) of the script built from `jsEntry` and the stylesheet built from the
 * file named `cssName`, for the build's index.html and manifest.json.
 */
export function entryFiles(meta: Metafile, out: string, jsEntry: string, cssName: string, what: string) {
  let js = '';
  let css = '';
  for (const [file, info] of Object.entries(meta.outputs)) {
    const url = '/' + file.slice(out.length + 1);
    if (info.entryPoint === jsEntry && file.endsWith('.js')) js = url;
    if (info.entryPoint?.endsWith(cssName) && file.endsWith('.css')) css = url;
  }
  if (!js || !css) throw new Error(`${what} build: could not find ${jsEntry} and ${cssName} in the metafile`);
  return { js, css };
}
