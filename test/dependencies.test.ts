// A production install (`npm ci --omit=dev`) holds only `dependencies`, so everything the server
// and db code import must be one, and each one must be imported by them: build tools, test tools
// and what the browser bundle already holds are devDependencies.
import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const runtime = execSync("git ls-files 'server/*.ts' 'db/*.ts'", { encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && !f.endsWith('.d.ts'));

/** The package of an import specifier ('@scope/name/sub' → '@scope/name'), or null for our own files. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

/** Packages a file imports: static `import … from`, `export … from` and `import('…')`, not type-only ones. */
function importsOf(source: string): string[] {
  const found: string[] = [];
  const statement = /^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"];?$/gm;
  const dynamic = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const re of [statement, dynamic])
    for (const m of source.matchAll(re)) {
      const name = packageOf(m[1]!);
      if (name) found.push(name);
    }
  return found;
}

/** Imported only when running from source (tests, `npm run dev`), never by the built server. */
const FROM_SOURCE_ONLY = new Set(['tsx']);

describe('dependencies', () => {
  const used = new Map<string, string>();
  for (const file of runtime)
    for (const name of importsOf(readFileSync(file, 'utf8'))) if (!FROM_SOURCE_ONLY.has(name)) used.set(name, file);

  it('lists every package the server and db code import as a production dependency', () => {
    const missing = [...used].filter(([name]) => !(name in pkg.dependencies)).map(([n, f]) => `${n} (${f})`);
    expect(missing).toEqual([]);
  });

  it('has no production dependency the server and db code do not import', () => {
    expect(Object.keys(pkg.dependencies).filter((name) => !used.has(name))).toEqual([]);
  });

  it('keeps generators, test tools and browser-only packages out of a production install', () => {
    for (const name of ['@faker-js/faker', 'exceljs', 'lit', '@lit/task', 'chart.js', 'govuk-frontend', 'esbuild'])
      expect(pkg.dependencies).not.toHaveProperty(name);
    expect({ ...pkg.dependencies, ...pkg.devDependencies }).not.toHaveProperty('happy-dom');
  });
});
