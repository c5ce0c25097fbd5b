// The text as the identifier check reads it: the letters a reader sees, whatever was typed to
// disguise them. Full-width and other compatibility characters become ordinary ones (NFKC),
// invisible characters are skipped, and Cyrillic or Greek letters that look like Latin ones are
// read as Latin, so "Jay\u200Bden", "０７７００ ９００１２３" and "Jаyden" (a Cyrillic а) are all
// found. Every character of the folded text remembers where it came from, so a finding still
// points at the words as typed (`text.slice(start, end)`).

export type Folded = {
  /** What the check reads. */
  text: string;
  /** The span of the original text that the folded span [start, end) came from. */
  toOriginal(start: number, end: number): [number, number];
};

// Zero-width characters, direction marks, embeddings, overrides and isolates, the soft hyphen,
// and control characters other than tab and line feed: [first, last] code points.
const INVISIBLE_RANGES: readonly [number, number][] = [
  [0x00, 0x08],
  [0x0b, 0x1f],
  [0x7f, 0x9f],
  [0xad, 0xad],
  [0x061c, 0x061c],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x2069],
  [0xfeff, 0xfeff],
];
const isInvisible = (ch: string) => {
  const cp = ch.codePointAt(0)!;
  return ch.length === 1 && INVISIBLE_RANGES.some(([a, b]) => cp >= a && cp <= b);
};

// Cyrillic and Greek letters drawn like Latin ones (in the fonts a kiosk or a phone uses): each
// letter of LOOKS_LIKE is read as the letter at the same place in READ_AS.
const LOOKS_LIKE = 'АВЕЁЗКМНОРСТУХЅІЇЈԚԜҺавеёкмнорстухѕіїјԛԝһӏьпгΑΒΕΖΗΙΚΜΝΟΡΤΥΧαβεικνορτυχως';
const READ_AS = 'ABEE3KMHOPCTYXSIIJQWhabeekmhopctyxsiijqwhlbnrABEZHIKMNOPTYXabeikvoptuxws';
const LOOK_ALIKES: ReadonlyMap<string, string> = new Map([...LOOKS_LIKE].map((c, i) => [c, READ_AS[i]!]));

const PLAIN = /^[\x20-\x7E\n\t]*$/;

// Curly quotes read as straight ones, so "I’m" and "I'm" are the same words to the check.
const QUOTES: ReadonlyMap<string, string> = new Map([
  ['’', "'"],
  ['‘', "'"],
  ['ʼ', "'"],
  ['“', '"'],
  ['”', '"'],
]);

// A right-to-left override shows what follows backwards until a pop, an isolate's end or a new
// line: "\u202E881 009 00770" is seen as "07700 900 188", so the check reads it reversed too.
const RLO = '\u202E';
const ENDS_OVERRIDE = new Set(['\u202C', '\u2069', '\n']);

type Piece = { ch: string; from: number; to: number };

export function foldForCheck(original: string): Folded {
  // Most text is plain ASCII: nothing to fold, and offsets are the same.
  if (PLAIN.test(original)) return { text: original, toOriginal: (s, e) => [s, e] };

  const pieces: Piece[] = [];
  let reversedFrom = -1;
  const endOverride = () => {
    if (reversedFrom >= 0) pieces.push(...pieces.splice(reversedFrom).reverse());
    reversedFrom = -1;
  };
  // A base character with the combining marks after it, so NFKC can compose "a" + "\u0302".
  for (const m of original.matchAll(/[^\p{M}][\p{M}]*|[\p{M}]+/gsu)) {
    const group = m[0];
    if (group === RLO) {
      endOverride();
      reversedFrom = pieces.length;
      continue;
    }
    if (ENDS_OVERRIDE.has(group)) endOverride();
    if (isInvisible(group)) continue;
    for (const ch of group.normalize('NFKC')) {
      pieces.push({ ch: LOOK_ALIKES.get(ch) ?? QUOTES.get(ch) ?? ch, from: m.index, to: m.index + group.length });
    }
  }
  endOverride();

  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  for (const p of pieces) {
    text += p.ch;
    for (let k = 0; k < p.ch.length; k++) {
      from.push(p.from);
      to.push(p.to);
    }
  }
  // Reversed pieces run backwards through the original: a span covers all it came from.
  return {
    text,
    toOriginal: (s, e) => {
      if (e <= s) return [from[s] ?? original.length, from[s] ?? original.length];
      let lo = Infinity;
      let hi = -Infinity;
      for (let k = s; k < e; k++) {
        lo = Math.min(lo, from[k]!);
        hi = Math.max(hi, to[k]!);
      }
      return [lo, hi];
    },
  };
}
