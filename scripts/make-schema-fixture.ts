// Freezes a database made by a released schema version, for the migration tests:
//   npx tsx scripts/make-schema-fixture.ts <git-ref>
// <git-ref> is the last commit of that release (the one before the next migration was added).
// The script extracts that commit's source with `git archive` (the working tree is untouched),
// loads its demo council with its own code and migrations at a fixed "now", and writes
// test/fixtures/schema/<that release's latest migration tag>.db as one self-contained file.
// Run it whenever a release adds a migration, and commit the file. Never rebuild a committed
// fixture: it stands for the databases councils already have.
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ref = process.argv[2];
if (!ref) {
  console.error('Usage: npx tsx scripts/make-schema-fixture.ts <git-ref> [--force]');
  process.exit(2);
}
const src = mkdtempSync(join(tmpdir(), 'pt-fixture-src-'));
try {
  execSync(`git archive ${JSON.stringify(ref)} | tar -x -C ${JSON.stringify(src)}`);
  symlinkSync(resolve('node_modules'), join(src, 'node_modules'), 'dir');
  const journal = JSON.parse(readFileSync(join(src, 'migrations/meta/_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const tag = journal.entries.at(-1)!.tag;
  const out = resolve('test/fixtures/schema', `${tag}.db`);
  if (existsSync(out) && !process.argv.includes('--force')) {
    console.error(`${out} exists; a released fixture is never rebuilt.`);
    process.exit(1);
  }
  rmSync(out, { force: true });
  // Runs inside the extracted release, with that release's own code.
  const builder = join(src, 'make-fixture.ts');
  writeFileSync(
    builder,
    `import { openAndMigrate } from './db/client.js';
import { seedDemo } from './db/seed/demo.js';
const db = openAndMigrate(${JSON.stringify(out)});
await seedDemo(db, new Date('2026-06-15T12:00:00Z'));
db.$client.pragma('journal_mode = DELETE');
db.$client.exec('vacuum');
db.$client.close();
`,
  );
  execFileSync(process.execPath, ['--import', 'tsx', builder], { cwd: src, stdio: 'inherit' });
  console.log(`Wrote ${out} (schema ${tag}, from ${ref}).`);
} finally {
  rmSync(src, { recursive: true, force: true });
}
