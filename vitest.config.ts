import { availableParallelism, loadavg } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * How many times slower than an idle machine this run may be: TEST_SLOWNESS when set (CI or a
 * shared machine can say so), otherwise the load per core when the run starts, never below 1.
 * Every timeout (these, and scaled() in test/helpers/slowness.ts) is multiplied by it.
 */
const slowness = Number(process.env.TEST_SLOWNESS) || Math.max(1, (loadavg()[0] ?? 0) / availableParallelism());

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
    globalSetup: ['test/global-setup.ts'],
    provide: { slowness },
  },
});
