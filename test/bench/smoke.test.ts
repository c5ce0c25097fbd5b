// The bench must not rot: run it end to end on a tiny council, 1 s per case at 10 connections
// and no warm-up (the figures are not judged here, so the bench's own 2 s and warm-up only cost time),
// and check it wrote its JSON and Markdown with a figure for every built case. Speed targets
// are never asserted here (CI machines vary); `npm run bench` reads them against the ceiling.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { optionsFrom, runBench } from '../../bench/run.js';
import { HTTP_CASES } from '../../bench/cases.js';
import { MIXED_READS } from '../../bench/mixed.js';
import type { RunResult } from '../../bench/report.js';
import { scaled } from '../helpers/slowness.js';

const resultsDir = mkdtempSync(join(tmpdir(), 'pt-bench-smoke-'));
// Its own build of the server and of the worker thread's entry, laid out as `npm run build` lays
// out dist/ (the worker beside server.js, ../migrations and node_modules above it), so the real
// build is left alone for the other test files running meanwhile. The worker must be built too:
// a clone that has never run `npm run build` has no dist/heavy-work.js, and its pack PDF failed.
const buildRoot = mkdtempSync(join(tmpdir(), 'pt-bench-smoke-build-'));
const serverEntry = join(buildRoot, 'dist', 'server.js');

afterAll(() => {
  rmSync(resultsDir, { recursive: true, force: true });
  rmSync(buildRoot, { recursive: true, force: true });
});

describe('npm run bench (smoke)', () => {
  it(
    'generates a council, drives every built case and writes JSON and Markdown',
    { timeout: scaled(180_000) },
    async () => {
      writeFileSync(join(buildRoot, 'package.json'), JSON.stringify({ type: 'module' }));
      symlinkSync(resolve('migrations'), join(buildRoot, 'migrations'), 'dir');
      symlinkSync(resolve('node_modules'), join(buildRoot, 'node_modules'), 'dir');
      mkdirSync(join(buildRoot, 'dist'));
      await build({
        entryPoints: [
          { in: 'server/server.ts', out: 'server' },
          { in: 'server/workers/heavy-work.ts', out: 'heavy-work' },
        ],
        outdir: join(buildRoot, 'dist'),
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        logLevel: 'warning',
      });
      const opts = {
        ...optionsFrom(['--smoke', '--seconds', '1']),
        warmupSeconds: 0,
        build: false,
        resultsDir,
        serverEntry,
        fresh: true,
      };
      const { result, jsonPath, mdPath } = await runBench(opts);

      expect(existsSync(jsonPath)).toBe(true);
      expect(existsSync(mdPath)).toBe(true);
      const saved = JSON.parse(readFileSync(jsonPath, 'utf8')) as RunResult;
      expect(saved).toEqual(JSON.parse(JSON.stringify(result)));
      expect(saved.smoke).toBe(true);
      expect(saved.secondsPerCase).toBe(1);

      // The ceiling was measured before and after the cases, and answered.
      expect(saved.ceiling).toHaveLength(2);
      for (const c of saved.ceiling) expect(c[10]!.total).toBeGreaterThan(0);

      // Every case is accounted for; each built one was driven and answered without errors.
      expect(saved.cases.map((c) => c.id)).toEqual(HTTP_CASES.map((c) => c.id));
      const built = saved.cases.filter((c) => c.built);
      expect(built.map((c) => c.id)).toEqual(
        expect.arrayContaining(['board-summary', 'promise-card', 'update-commitment']),
      );
      for (const c of built) {
        const run = c.runs[10]!;
        expect(run.total, c.id).toBeGreaterThan(0);
        expect(run.errors, `${c.id}: ${JSON.stringify(run.statusCodes)}`).toBe(0);
      }

      // The hot reads ran again under the trickle of writes, with the /health probe answered.
      expect(saved.mixed!.map((m) => m.id)).toEqual([...MIXED_READS]);
      for (const m of saved.mixed!) {
        expect(m.built, m.id).toBe(true);
        expect(m.read!.total, m.id).toBeGreaterThan(0);
        expect(m.read!.errors, m.id).toBe(0);
        expect(m.feedbackWrites.n, m.id).toBeGreaterThan(0);
        expect(m.feedbackWrites.errors, m.id).toBe(0);
        expect(m.commitmentWrites.errors, m.id).toBe(0);
        expect(m.probe.n, m.id).toBeGreaterThan(0);
        expect(m.probe.errors, m.id).toBe(0);
      }

      expect(saved.rss.afterStartMb).toBeGreaterThan(0);
      expect(saved.csv.rows).toBe(500);
      expect(saved.csv.rawSeconds).toBeGreaterThan(0);
      // The import and the pack really ran (a refused import or a failed PDF is only a note).
      expect(saved.csv.importSeconds, saved.csv.note).not.toBeNull();
      expect(saved.pdf.bytes, saved.pdf.note).toBeGreaterThan(0);
      expect(saved.bundles.staffKb === null || saved.bundles.staffKb > 0).toBe(true);

      const md = readFileSync(mdPath, 'utf8');
      expect(md).toContain('| Ceiling: bare Fastify route | 10 |');
      for (const c of built) expect(md).toContain(`| ${c.label} | 10 |`);
      expect(md).toContain('## With writes');
    },
  );
});
