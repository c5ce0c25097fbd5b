// The council's own lists for the identifier check (watch words, staff and carers, local names
// and places), compiled into regular expressions once per distinct context: the same few
// contexts are used all day.
import type { Add, FindingKind, IdentifierContext } from './identifiers.js';
import { NEVER_NAME_WORDS, ORDINARY_NAME_WORDS } from './identifiers-data.js';
import { PLACE_NAMES, PROTECTED_PHRASES } from './identifiers-famous.js';

export type Compiled = {
  watchRe: RegExp | null;
  staffFullRe: RegExp | null;
  staffPartInsensitiveRe: RegExp | null;
  staffPartCapitalRe: RegExp | null;
  protectedRe: RegExp;
  /** The first words of the protected phrases, so the long regex is tried only where one starts. */
  protectedFirstWords: ReadonlySet<string> | null;
  localNames: ReadonlySet<string>;
  placeWords: ReadonlySet<string>;
};

const compiledCache = new Map<string, Compiled>();
export const TITLES: ReadonlySet<string> = new Set(['mr', 'mrs', 'miss', 'ms', 'mx', 'dr', 'sir']);

export function compileContext(context: IdentifierContext): Compiled {
  const key = JSON.stringify([context.localNames, context.watchWords, context.staffNames, context.placeNames ?? []]);
  const hit = compiledCache.get(key);
  if (hit) return hit;

  const clean = (list: readonly string[] | undefined) =>
    (list ?? []).map((s) => s.normalize('NFKC').trim().replace(/\s+/g, ' ')).filter((s) => s.length > 0);
  const staff = clean(context.staffNames);
  const staffFull = staff.filter((s) => s.includes(' '));
  const parts = [...new Set(staff.flatMap((s) => s.split(' ')))]
    .map((p) => p.replace(/\.$/, ''))
    .filter((p) => p.length >= 2 && !TITLES.has(p.toLowerCase()));
  // A staff member called "Will" or "Hope" is matched only when capitalised, so "I will" is safe.
  const ambiguous = (p: string) => {
    const k = p.toLowerCase();
    return ORDINARY_NAME_WORDS.has(k) || NEVER_NAME_WORDS.has(k);
  };
  const places = clean(context.placeNames);

  const compiled: Compiled = {
    watchRe: wordsRegex(clean(context.watchWords), 'giu'),
    staffFullRe: wordsRegex(staffFull, 'giu'),
    staffPartInsensitiveRe: wordsRegex(
      parts.filter((p) => !ambiguous(p)),
      'giu',
    ),
    staffPartCapitalRe: wordsRegex(
      parts.filter(ambiguous).map((p) => p[0]!.toUpperCase() + p.slice(1).toLowerCase()),
      'gu',
    ),
    protectedRe: wordsRegex([...PROTECTED_PHRASES, ...PLACE_NAMES, ...places], 'giyu')!,
    protectedFirstWords: firstWords([...PROTECTED_PHRASES, ...PLACE_NAMES, ...places]),
    localNames: new Set(clean(context.localNames).map((s) => s.toLowerCase())),
    placeWords: new Set(places.flatMap((p) => p.toLowerCase().split(' '))),
  };
  if (compiledCache.size > 50) compiledCache.clear();
  compiledCache.set(key, compiled);
  return compiled;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One regex matching any of the phrases as whole words (longest first), or null if none. */
export function wordsRegex(phrases: readonly string[], flags: string): RegExp | null {
  const unique = [...new Set(phrases)].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return null;
  const body = unique.map((p) => escapeRegex(p).replace(/ /g, '\\s+').replace(/'/g, "['’]")).join('|');
  // "Marcus Rashford-Bell" is not the footballer: a hyphen and more letters continue the name.
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}]|[-‐]\\p{L})`, flags);
}

/** The lower-case first run of letters of every phrase, or null if one starts otherwise. */
function firstWords(phrases: readonly string[]): ReadonlySet<string> | null {
  const words = new Set<string>();
  for (const p of phrases) {
    const m = /^\p{L}+/u.exec(p);
    if (!m) return null;
    words.add(m[0].toLowerCase());
  }
  return words;
}

/**
 * Where the protected phrases (famous people, places) are in the text. The same matches as
 * running the sticky regex everywhere, but tried only at words that can start a phrase: one long
 * alternation run over every position was a fifth of the check's time.
 */
export function protectedSpans(ctx: Compiled, text: string): [number, number][] {
  const re = ctx.protectedRe;
  const spans: [number, number][] = [];
  let after = 0;
  for (const w of text.matchAll(/\p{L}+/gu)) {
    if (w.index < after || (ctx.protectedFirstWords && !ctx.protectedFirstWords.has(w[0].toLowerCase()))) continue;
    re.lastIndex = w.index;
    const m = re.exec(text);
    if (!m) continue;
    spans.push([m.index, m.index + m[0].length]);
    after = m.index + m[0].length;
  }
  return spans;
}

export function findListed(text: string, re: RegExp | null, kind: FindingKind, why: (w: string) => string, add: Add) {
  if (!re) return;
  for (const m of text.matchAll(re)) add(kind, m.index, m.index + m[0].length, why(m[0]));
}
