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

export function foldForCheck(original: string): Folded {
  // Most text is plain ASCII: nothing to fold, and offsets are the same.
  if (PLAIN.test(original)) return { text: original, toOriginal: (s, e) => [s, e] };

  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  // A base character with the combining marks after it, so NFKC can compose "a" + "\u0302".
  for (const m of original.matchAll(/[^\p{M}][\p{M}]*|[\p{M}]+/gsu)) {
    const group = m[0];
    if (isInvisible(group)) continue;
    for (const ch of group.normalize('NFKC')) {
      const out = LOOK_ALIKES.get(ch) ?? ch;
      text += out;
      for (let k = 0; k < out.length; k++) {
        from.push(m.index);
        to.push(m.index + group.length);
      }
    }
  }
  return {
    text,
    toOriginal: (s, e) => (e > s ? [from[s]!, to[e - 1]!] : [from[s] ?? original.length, from[s] ?? original.length]),
  };
}
