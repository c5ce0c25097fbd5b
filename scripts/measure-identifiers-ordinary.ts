// Counts the ordinary sentences the identifier check flags: the app's English and Welsh messages
// (web/i18n) and the project's documents, each as written and in small letters. None of them
// names a child, so every finding here is a false alarm, apart from documents quoting examples.
// A tuning round compares the count before and after its changes (BENCHMARKS.md).
//   npx tsx scripts/measure-identifiers-ordinary.ts [-- --show]
import { readdirSync, readFileSync } from 'node:fs';
import { findIdentifiers } from '../server/domain/identifiers.js';

const root = new URL('../', import.meta.url);
const i18n = readdirSync(new URL('web/i18n/', root))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => `web/i18n/${f}`);
const files = [...i18n, 'README.md', 'CONTRIBUTING.md', 'BENCHMARKS.md'];

const sentences = new Set<string>();
for (const file of files) {
  const source = readFileSync(new URL(file, root), 'utf8');
  const pieces = file.endsWith('.ts')
    ? [...source.matchAll(/'((?:[^'\\\n]|\\.){12,})'|"((?:[^"\\\n]|\\.){12,})"|`([^`]{12,})`/g)].map(
        (m) => m[1] ?? m[2] ?? m[3]!,
      )
    : source.split(/\n\s*\n/);
  for (const piece of pieces) {
    for (const s of piece.split(/(?<=[.!?])\s+/)) {
      // Passages about the check itself quote identifying examples on purpose.
      if (s.trim().length > 12 && !/identif|quote|held-out|`/.test(s)) sentences.add(s.trim().replace(/\s+/g, ' '));
    }
  }
}

const none = { localNames: [], watchWords: [], staffNames: [] };
let checked = 0;
let flagged = 0;
for (const sentence of sentences) {
  for (const text of [sentence, sentence.toLowerCase()]) {
    checked++;
    const found = findIdentifiers(text, none);
    if (found.length === 0) continue;
    flagged++;
    if (process.argv.includes('--show'))
      process.stdout.write(`${text.slice(0, 120)}\n    ${found.map((f) => `${f.kind} "${f.text}"`).join('; ')}\n`);
  }
}
process.stdout.write(`${flagged} of ${checked} ordinary sentences flagged\n`);
