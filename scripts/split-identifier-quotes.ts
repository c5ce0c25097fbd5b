// Splits the labelled identifier quotes into a tuning half and a held-out half, by a hash of each
// quote's text alone, so the split cannot lean towards what the check happens to catch.
//
//   npx tsx scripts/split-identifier-quotes.ts <list.ts>   split a written list (a module exporting QUOTES)
//   npx tsx scripts/split-identifier-quotes.ts             re-split the two committed halves
//
// Either way it rewrites test/fixtures/identifier-quotes-2026/tuning.ts and held-out.ts. Re-splitting
// the committed halves changes nothing unless a quote was added to the wrong file (then it moves).
// test/fixtures/identifier-quotes-2026.test.ts checks that every quote sits where halfFor puts it.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as prettier from 'prettier';

export type Half = 'tuning' | 'held-out';

type Quote = { text: string; identifying: boolean; kinds: string[]; note?: string };

export const FIXTURE_DIR = 'test/fixtures/identifier-quotes-2026';

/** 32-bit FNV-1a over the text's UTF-8 bytes. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Even → tuning, odd → held-out. Plain FNV-1a's lowest bit is only the parity of how many odd bytes
 * the text has (the multiplier is odd), so murmur3's finaliser mixes every bit into it first.
 */
export function halfFor(text: string): Half {
  let h = fnv1a(text);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % 2 === 0 ? 'tuning' : 'held-out';
}

/** A single-quoted literal; invisible, look-alike and full-width characters as \u escapes so the file reads plainly. */
function literal(text: string): string {
  let out = "'";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const plain =
      (code >= 0x20 && code < 0x7f) ||
      code === 0xa3 || // £
      code === 0x2018 ||
      code === 0x2019 || // curly quotes, as phones type them
      (code >= 0xc0 && code <= 0x17f && code !== 0xd7 && code !== 0xf7) || // accented Latin letters, Welsh ŵ ŷ
      (code >= 0x1f300 && code <= 0x1faff); // emoji
    if (ch === "'" || ch === '\\') out += `\\${ch}`;
    else if (plain) out += ch;
    else if (code <= 0xffff) out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += `\\u{${code.toString(16).toUpperCase()}}`;
  }
  return `${out}'`;
}

function render(half: Half, quotes: Quote[]): string {
  const header =
    half === 'held-out'
      ? '// HELD-OUT half of the identifier quotes. Do not read it while tuning the check: it only measures.'
      : '// Tuning half of the identifier quotes: tune the identifier check against these.';
  const rows = quotes.map((q) => {
    const note = q.note === undefined ? '' : `, note: ${literal(q.note)}`;
    return `{ text: ${literal(q.text)}, identifying: ${q.identifying}, kinds: [${q.kinds.map(literal).join(', ')}]${note} },`;
  });
  return [
    header,
    '// Written by hand from the children’s world, split by scripts/split-identifier-quotes.ts; see README.md here.',
    'export type LabelledQuote = { text: string; identifying: boolean; kinds: string[]; note?: string };',
    'export const QUOTES: LabelledQuote[] = [',
    ...rows,
    '];',
    '',
  ].join('\n');
}

async function load(path: string): Promise<Quote[]> {
  const mod = (await import(pathToFileURL(resolve(path)).href)) as { QUOTES: Quote[] };
  return mod.QUOTES;
}

async function main(): Promise<void> {
  const input = process.argv[2];
  const quotes = input
    ? await load(input)
    : [...(await load(`${FIXTURE_DIR}/tuning.ts`)), ...(await load(`${FIXTURE_DIR}/held-out.ts`))];
  const options = (await prettier.resolveConfig(resolve(FIXTURE_DIR, 'tuning.ts'))) ?? {};
  for (const half of ['tuning', 'held-out'] as const) {
    const mine = quotes.filter((q) => halfFor(q.text) === half);
    const file = `${FIXTURE_DIR}/${half}.ts`;
    writeFileSync(file, await prettier.format(render(half, mine), { ...options, filepath: file }));
    console.log(`${file}: ${mine.length} quotes (${mine.filter((q) => q.identifying).length} identifying)`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
