import { availableParallelism, loadavg } from 'node:os';
import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * How many times slower than an idle machine this run may be: TEST_SLOWNESS when set (CI or a
 * shared machine can say so), otherwise the load per core when the run starts, never below 1.
 * Every timeout (these, and scaled() in test/helpers/slowness.ts) is multiplied by it.
 */
const slowness = Number(process.env.TEST_SLOWNESS) || Math.max(1, (loadavg()[0] ?? 0) / availableParallelism());

/**
 * The browser files first: each takes tens of seconds to minutes, the rest a few seconds, so the
 * two workers finish together instead of one running a long browser file alone at the end. (With
 * no timings from an earlier run, as in a fresh clone, vitest otherwise starts larger files
 * first, and every-page, its slowest, was only the 34th largest.) Within each group, vitest's own
 * order: slowest first by the last run's timings, else largest first; the two every-page files,
 * small files over every-page-checks.ts but the slowest of all, lead the browser group when
 * there are no timings.
 */
const SMALL_BUT_SLOWEST = ['/test/browser/every-page.test.ts', '/test/browser/every-page-welsh.test.ts'];

class BrowserFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    const timed = (f: TestSpecification) =>
      this.ctx.cache.getFileTestResults(`${f.project.name}:${relative(this.ctx.config.root, f.moduleId)}`);
    const rank = (f: TestSpecification) =>
      !f.moduleId.includes('/test/browser/')
        ? 2
        : SMALL_BUT_SLOWEST.some((s) => f.moduleId.endsWith(s)) && !timed(f)
          ? 0
          : 1;
    // Array.prototype.sort is stable: vitest's order holds within each rank.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: Math.round(30_000 * slowness),
    hookTimeout: Math.round(120_000 * slowness),
    pool: 'forks',
    // vitest's default on 2 cores is one worker, leaving a core idle while a browser test waits on
    // Chromium or a server process; two workers keep both busy. Forks, not threads: better-sqlite3
    // and Chromium children are simplest to clean up with their process.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: BrowserFilesFirst },
    globalSetup: ['test/global-setup.ts'],
    provide: { slowness },
  },
});
