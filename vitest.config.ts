import { availableParallelism, loadavg } from 'node:os';
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
 * first, and every-page, its slowest, is only the 34th largest.) Within each group, vitest's own
 * order: slowest first by the last run's timings, else largest first.
 */
class BrowserFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    const browser = (f: TestSpecification) => f.moduleId.includes('/test/browser/');
    return [...sorted.filter(browser), ...sorted.filter((f) => !browser(f))];
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
