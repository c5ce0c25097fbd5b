// Street addresses in the identifier check ("12 Acacia Road", "12 elm road", "Elm Street", "heol y
// felin", "on the gladstone estate"), never the generic words ("the High Street"), and the helpers
// the homes and schools checks share. Homes are in identifiers-homes.ts, schools in
// identifiers-schools.ts.
import type { Add } from './identifiers.js';
import { GENERIC_PLACE_WORDS, NEVER_NAME_WORDS } from './identifiers-data.js';
import { isEnglishWord, type Token } from './identifiers-tokens.js';

const STREET_SUFFIX =
  /^(?:Road|Rd|Street|St|Avenue|Ave|Lane|Crescent|Grove|Terrace|Mews|Drive|Close|Gardens|Court|Estate|Way|Croft|Place|Square|Rise|Walk|Row|Parade|View|Vale|Hill|Park|Green|Heights|Fold|Wynd)$/;
const STREET_SUFFIX_UNNUMBERED =
  /^(?:Road|Rd|Street|Avenue|Ave|Lane|Crescent|Grove|Terrace|Mews|Drive|Close|Gardens|Court|Estate|Way|Croft)$/;
const STREET_SUFFIX_LOWER =
  /^(?:road|rd|street|avenue|lane|crescent|grove|terrace|mews|gardens|close|drive|estate|court|way|place|walk|row|rise|view|square|parade)$/;
export const HOME_SUFFIX =
  /^(?:Lodge|Lodgings|House|Cottage|Cottages|Grange|Manor|Hall|Farm|Barn|Mill|Rectory|Vicarage|Retreat|Villa|Towers|Tower|Flats|Hostel|Foyer|Children's Home|Childrens Home|Residential Home)$/;
const MEASURE_WORDS = new Set(
  'hour hours minute minutes min mins mile miles day days week weeks month months year years times time people kids of the a my each every all'.split(
    ' ',
  ),
);

// A house number makes an address of almost any "<words> Road": "12 Acacia Road", "4 oak lane".
const NUMBERED_ADDRESS = new RegExp(
  `(?<![.,£$€\\d])\\b(\\d{1,4}[A-Za-z]?),?\\s+((?:\\p{L}[\\p{L}'’-]*\\s+){1,3}?)(${STREET_SUFFIX.source.slice(4, -2)})\\b`,
  'giu',
);

/** The capitalised words right before token i (same sentence, only spaces between), at most n. */
export function namedRun(
  text: string,
  tokens: Token[],
  i: number,
  n: number,
  generic: ReadonlySet<string>,
): number | null {
  let first = i;
  for (let k = i - 1; k >= 0 && i - k <= n; k--) {
    const t = tokens[k]!;
    const gap = text.slice(t.end, tokens[k + 1]!.start);
    if (!/^(?:['’]s)?\.?\s+$/u.test(gap) || !/^\p{Lu}/u.test(t.word)) break;
    first = k;
    if (t.sentenceStart) break;
  }
  // Drop generic leading words ("the", "Secondary"); what is left must name something.
  while (first < i && generic.has(tokens[first]!.key)) first++;
  return first < i ? first : null;
}

// "number 42 on the Thornton estate": a house number given with the street after it.
const NUMBER_ON_STREET = new RegExp(
  `\\b(?:number|no\\.?|flat)\\s+\\d{1,4}[a-z]?\\s+(?:on|in|at|of)\\s+(?:the\\s+)?(?:\\p{L}[\\p{L}'’-]*\\s+){1,2}?(?:${STREET_SUFFIX_LOWER.source.slice(4, -2)}|estate|flats|tower|towers|block)\\b`,
  'giu',
);

// Welsh streets put the street's word first: "heol y felin", "15 heol newydd", "rhodfa'r parc".
// In small letters a number or the words before must say it is where someone is; with capitals,
// the words after need one too ("Heol y Felin", not "Heol means road").
const WELSH_STREET_WORD = String.raw`(?:heol|ffordd|stryd|l[oô]n|rhodfa|cwrt|teras|maes|clos|llwybr)`;
const WELSH_STREET_LOWER = new RegExp(
  String.raw`(?:(?<![\p{L}\p{N}])(\d{1,4}[a-z]?),?\s+|\b(?:on|in|at|to|off|down|near|live|lives|lived)\s+)(${WELSH_STREET_WORD}(?:['’]r|[\s-]+(?:y|yr|'r))?[\s-]+(\p{L}[\p{L}'’]{2,})(?:[\s-]+(?:y|yr)[\s-]+\p{L}[\p{L}'’-]{2,})?)`,
  'dgiu',
);
const WELSH_STREET_CAPITAL =
  /(?<![\p{L}])(?:Heol|Ffordd|Stryd|L[oô]n|Rhodfa|Cwrt|Teras|Maes|Clos|Llwybr)(?:['’]r|\s+(?:[Yy]|[Yy]r))?\s+\p{Lu}[\p{L}'’-]{2,}(?:\s+(?:y|yr)\s+\p{Lu}[\p{L}'’-]{2,})?/gu;

const NUMBERED_WELSH_NAME =
  /(?<![\p{L}\p{N}.,£$€])\d{1,4}[a-z]?,?\s+\p{Lu}\p{Ll}+[\s-](?:y|yr)[\s-]\p{Lu}\p{Ll}+(?![\p{L}])/gu;

// "on the gladstone estate": an estate by its name, where someone lives.
const NAMED_ESTATE =
  /\b(?:on|in|at|off|near|from|to)\s+the\s+(\p{L}[\p{L}'’-]+(?:\s+\p{L}[\p{L}'’-]+)?)\s+estate\b/dgiu;
const GENERIC_ESTATE = new Set(
  'whole entire council housing big new old same industrial retail trading business caravan country national rough posh local other'.split(
    ' ',
  ),
);

export function findStreets(text: string, tokens: Token[], add: Add) {
  for (const m of text.matchAll(NAMED_ESTATE)) {
    const words = m[1]!.toLowerCase().split(/\s+/);
    if (words.some((w) => GENERIC_ESTATE.has(w) || GENERIC_PLACE_WORDS.has(w) || NEVER_NAME_WORDS.has(w))) continue;
    const [s] = m.indices![1]!;
    const e = m.index + m[0].length;
    add('street-address', s, e, `Looks like an estate where someone lives (${text.slice(s, e)})`);
  }
  for (const m of text.matchAll(WELSH_STREET_LOWER)) {
    if (isEnglishWord(m[3]!.toLowerCase())) continue;
    const start = m[1] ? m.index : m.indices![2]![0];
    const end = m.indices![2]![1];
    add('street-address', start, end, `Looks like a Welsh street (${text.slice(start, end)})`);
  }
  for (const m of text.matchAll(WELSH_STREET_CAPITAL)) {
    add('street-address', m.index, m.index + m[0].length, `Looks like a Welsh street (${m[0]})`);
  }
  // "2 Ael y Bryn": a house number, then a Welsh name built with "y" or "yr".
  for (const m of text.matchAll(NUMBERED_WELSH_NAME)) {
    add('street-address', m.index, m.index + m[0].length, `Looks like an address (${m[0]})`);
  }
  for (const m of text.matchAll(NUMBER_ON_STREET)) {
    add('street-address', m.index, m.index + m[0].length, `Looks like an address (${m[0]})`);
  }
  for (const m of text.matchAll(NUMBERED_ADDRESS)) {
    // "flat 4, 112 Carisbrooke Avenue": the flat's number is part of the address to mask.
    const flat = /\b(?:flat|apartment|apt|unit)\s+\d{1,4}[a-z]?,?\s+$/i.exec(
      text.slice(Math.max(0, m.index - 16), m.index),
    );
    const from = flat ? m.index - flat[0].length : m.index;
    const words = m[2]!.trim().split(/\s+/);
    const suffix = m[3]!;
    const capitalised = /^\p{Lu}/u.test(suffix);
    if (capitalised ? !STREET_SUFFIX.test(suffix) : !STREET_SUFFIX_LOWER.test(suffix)) continue;
    if (words.some((w) => MEASURE_WORDS.has(w.toLowerCase()))) continue;
    add(
      'street-address',
      from,
      m.index + m[0].length,
      `Looks like an address (${text.slice(from, m.index + m[0].length)})`,
    );
  }
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!STREET_SUFFIX_UNNUMBERED.test(t.word)) continue;
    const first = namedRun(text, tokens, i, 2, GENERIC_PLACE_WORDS);
    if (first === null) continue;
    if (tokens.slice(first, i).some((w) => NEVER_NAME_WORDS.has(w.key))) continue;
    const name = text.slice(tokens[first]!.start, t.end);
    add('street-address', tokens[first]!.start, t.end, `Looks like a street name (${name})`);
  }
  // Typed in small letters, a street is a street when the words say someone lives there:
  // "we live on elm road", "moved to oak lane".
  for (const m of text.matchAll(LOWER_STREET)) {
    const [s, e] = m.indices![1]!;
    const words = m[2]!.toLowerCase().split(/\s+/);
    if (words.some((w) => GENERIC_PLACE_WORDS.has(w) || NOT_A_STREET_NAME.has(w) || NEVER_NAME_WORDS.has(w))) continue;
    add('street-address', s, e, `Looks like a street name (${m[1]})`);
  }
}

const LIVING = String.raw`(?:i['’]?m|i\s+am|we['’]?re|we\s+are|live|lives|lived|living|stay|stays|stayed|staying|moved|move|moving|placed|house|flat|home|address|grew\s+up|used\s+to\s+live|(?:aunt|auntie|aunty|aunti|nan|nana|nanna|gran|granny|mum|mam|dad|uncle|cousin|carer|friend|mate)(?:['’]?s|ies)?)`;
const LOWER_STREET = new RegExp(
  String.raw`\b${LIVING}\s+(?:is\s+)?(?:on|in|at|to|off|down|near)\s+(?:the\s+)?(((\p{L}[\p{L}'’-]*)(?:\s+\p{L}[\p{L}'’-]*)?)\s+(?:road|rd|street|lane|avenue|ave|close|crescent|drive|grove|terrace|way|court|gardens|place|walk|row|rise|mews|view|parade|square))\b`,
  'dgiu',
);
const NOT_A_STREET_NAME = new Set(
  'a an my our your his her their this that same busy main high long big new old other next quiet dead posh one'.split(
    ' ',
  ),
);

export function isUnlistedWord(word: string): boolean {
  const key = word.toLowerCase().replace(/['’]s$/, '');
  return !isEnglishWord(key) && !NEVER_NAME_WORDS.has(key) && !GENERIC_PLACE_WORDS.has(key) && key.length >= 4;
}
