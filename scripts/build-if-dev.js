// Runs before `npm start` and the operator commands (`npm run user`, `db:migrate`, `db:seed`,
// `db:backup`, `db:restore`): plain JavaScript, because it must run where tsx is not installed.
//
// A development checkout has the build tools (tsx, esbuild, sass: devDependencies), so it builds
// every time, as `npm start` always has: the build takes a few seconds and is never stale. A
// production install (`npm ci && npm run build && npm prune --omit=dev`) has no build tools, so it
// runs what `npm run build` left in dist/, and says what to do when there is nothing there.
//   node scripts/build-if-dev.js        the server, the operator commands and the web app
//   node scripts/build-if-dev.js node   only the server and the operator commands
/* global process, console */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const target = process.argv[2];

/** Whether a package can be imported from this checkout. */
function installed(name) {
  try {
    import.meta.resolve(name);
    return true;
  } catch {
    return false;
  }
}

if (installed('tsx') && installed('esbuild')) {
  const args = ['--import', 'tsx', 'scripts/build.ts', ...(target ? [target] : [])];
  const { status } = spawnSync(process.execPath, args, { stdio: 'inherit' });
  process.exit(status ?? 1);
}

const needed = ['dist/server.js', 'dist/user.js', ...(target === 'node' ? [] : ['dist/web/index.html'])];
const missing = needed.filter((file) => !existsSync(file));
if (missing.length) {
  console.error(
    `This install has no build (${missing.join(', ')} missing) and no build tools to make one.\n` +
      'Install with `npm ci && npm run build && npm prune --omit=dev` (README, "Production").',
  );
  process.exit(1);
}
