// Runs once per `vitest run`, before any test file: rebuilds a stale web bundle for the browser
// tests, builds the template databases and tells the test workers where they are
// (test/helpers/templates.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildTemplates, type TemplatePaths } from './helpers/templates.js';
import { ensureFreshBundle } from './browser/bundle.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templates: TemplatePaths;
    /** See vitest.config.ts. */
    slowness: number;
  }
}

export default async function setup(project: TestProject) {
  ensureFreshBundle();
  const dir = mkdtempSync(join(tmpdir(), 'pt-templates-'));
  project.provide('templates', await buildTemplates(dir));
  return () => rmSync(dir, { recursive: true, force: true });
}
