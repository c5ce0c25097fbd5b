// Could this public text identify a child or another person? A pure check (no I/O) run on every
// save of an item's public text, before a participation worker may approve it for the kiosk.
//
// It errs towards asking: every finding is shown to the worker, who edits the text or records
// why it is safe. It cannot see details that pin down one child without naming anyone ("the only
// girl in my year in care"), so the worker always confirms. Measured on a labelled set of quotes
// by `npm run measure:identifiers`.
import {
  GENERIC_PLACE_WORDS,
  GENERIC_SCHOOL_WORDS,
  GIVEN_NAMES,
  NEVER_NAME_WORDS,
  NOT_POSTCODES,
  ORDINARY_NAME_WORDS,
  PLACE_NAMES,
  POSTCODE_AREAS,
  PROTECTED_PHRASES,
  SURNAMES,
} from './identifiers-data.js';

export type FindingKind =
  | 'name'
  | 'handle'
  | 'staff-or-carer'
  | 'school'
  | 'home-or-street'
  | 'postcode'
  | 'phone'
  | 'email'
  | 'date-of-birth'
  | 'watch-word';

export const FINDING_KINDS: readonly FindingKind[] = [
  'name',
  'handle',
  'staff-or-carer',
  'school',
  'home-or-street',
  'postcode',
  'phone',
  'email',
  'date-of-birth',
  'watch-word',
];

export type Finding = {
  kind: FindingKind;
  /** The words found, exactly as in the text (`text.slice(start, end)`). */
  text: string;
  start: number;
  end: number;
  /** A plain-English reason, for the participation worker. */
  why: string;
};

export type IdentifierContext = {
  /** Names common locally that the built-in lists may lack. Always count as names. */
  localNames: string[];
  /** The council's own watch list (homes, estates, nicknames...): whole word, any case. */
  watchWords: string[];
  /** Staff and carers' names (first, last or full). */
  staffNames: string[];
  /** Local towns, villages and areas: ordinary words, never a person's name. */
  placeNames?: string[];
};

// When two findings overlap, the longer one wins; on a tie, the earlier kind in this list.
const PRIORITY: readonly FindingKind[] = [
  'email',
  'phone',
  'postcode',
  'handle',
  'date-of-birth',
  'watch-word',
  'staff-or-carer',
  'school',
  'home-or-street',
  'name',
];

export function findIdentifiers(text: string, context: IdentifierContext): Finding[] {
  const ctx = compileContext(context);
  const found: Finding[] = [];
  const add = (kind: FindingKind, start: number, end: number, why: string) => {
    if (end > start) found.push({ kind, text: text.slice(start, end), start, end, why });
  };

  const protectedSpans = spansOf(ctx.protectedRe, text);
  const isProtected = (start: number, end: number) => protectedSpans.some(([s, e]) => s <= start && end <= e);

  findEmails(text, add);
  findPhones(text, add);
  findPostcodes(text, add);
  findHandles(text, add);
  findDatesOfBirth(text, add);
  findListed(text, ctx.watchRe, 'watch-word', (w) => `On the council's watch list (${w})`, add);
  findListed(text, ctx.staffFullRe, 'staff-or-carer', (w) => `On the council's list of staff and carers (${w})`, add);
  findListed(
    text,
    ctx.staffPartInsensitiveRe,
    'staff-or-carer',
    (w) => `On the council's list of staff and carers (${w})`,
    add,
  );
  // A staff member called "Will" is matched only mid-sentence with a capital, so "Will we..." is safe.
  findListed(
    text,
    ctx.staffPartCapitalRe,
    'staff-or-carer',
    (w) => `On the council's list of staff and carers (${w})`,
    (kind, start, end, why) => {
      if (!isSentenceStart(text, start)) add(kind, start, end, why);
    },
  );

  const tokens = tokenise(text);
  const places: Finding[] = [];
  const addPlace = (kind: FindingKind, start: number, end: number, why: string) => {
    if (!isProtected(start, end)) places.push({ kind, text: text.slice(start, end), start, end, why });
  };
  findSchools(text, tokens, addPlace);
  findStreetsAndHomes(text, tokens, addPlace);
  found.push(...places);
  findNames(text, tokens, ctx, protectedSpans, add);

  return resolve(found);
}

// ---------------------------------------------------------------------------------------------
// Council lists, compiled once per distinct context (the same few contexts are used all day).

type Compiled = {
  watchRe: RegExp | null;
  staffFullRe: RegExp | null;
  staffPartInsensitiveRe: RegExp | null;
  staffPartCapitalRe: RegExp | null;
  protectedRe: RegExp;
  localNames: ReadonlySet<string>;
  placeWords: ReadonlySet<string>;
};

const compiledCache = new Map<string, Compiled>();
const TITLES = new Set(['mr', 'mrs', 'miss', 'ms', 'mx', 'dr', 'sir']);

function compileContext(context: IdentifierContext): Compiled {
  const key = JSON.stringify([context.localNames, context.watchWords, context.staffNames, context.placeNames ?? []]);
  const hit = compiledCache.get(key);
  if (hit) return hit;

  const clean = (list: readonly string[] | undefined) =>
    (list ?? []).map((s) => s.trim().replace(/\s+/g, ' ')).filter((s) => s.length > 0);
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
    protectedRe: wordsRegex([...PROTECTED_PHRASES, ...PLACE_NAMES, ...places], 'giu')!,
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
function wordsRegex(phrases: readonly string[], flags: string): RegExp | null {
  const unique = [...new Set(phrases)].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return null;
  const body = unique.map((p) => escapeRegex(p).replace(/ /g, '\\s+').replace(/'/g, "['’]")).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, flags);
}

function spansOf(re: RegExp | null, text: string): [number, number][] {
  if (!re) return [];
  return [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length]);
}

type Add = (kind: FindingKind, start: number, end: number, why: string) => void;

function findListed(text: string, re: RegExp | null, kind: FindingKind, why: (w: string) => string, add: Add) {
  if (!re) return;
  for (const m of text.matchAll(re)) add(kind, m.index, m.index + m[0].length, why(m[0]));
}

// ---------------------------------------------------------------------------------------------
// Contact details

function findEmails(text: string, add: Add) {
  for (const m of text.matchAll(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g)) {
    add('email', m.index, m.index + m[0].length, `Looks like an email address (${m[0]})`);
  }
  // Spelt out to dodge filters: "jayden at gmail dot com".
  const spelt =
    /\b[\w.-]+\s*(?:\(at\)|\[at\]|\sat\s)\s*(?:gmail|hotmail|outlook|yahoo|icloud|live|btinternet|aol|me|sky)\s*(?:\(dot\)|\[dot\]|\sdot\s|\.)\s*(?:com|co\.uk|co uk|net|org|uk)\b/gi;
  for (const m of text.matchAll(spelt)) {
    add('email', m.index, m.index + m[0].length, `Looks like an email address written out (${m[0]})`);
  }
}

function findPhones(text: string, add: Add) {
  // A run of digits with the separators people type; then the best-fitting number inside it.
  for (const m of text.matchAll(/(?<![\w+])(?:\+|00)?\(?\d[\d\s().-]{5,}\d(?!\w)/g)) {
    const run = m[0];
    const groups = [...run.matchAll(/(?:\+|00)?\(?\d[\d().-]*/g)];
    let best: [number, number] | null = null;
    for (let i = 0; i < groups.length && !best; i++) {
      for (let j = groups.length - 1; j >= i; j--) {
        const s = groups[i]!.index;
        const last = groups[j]!;
        let e = last.index + last[0].length;
        while (e > s && !/\d/.test(run[e - 1]!)) e--;
        if (isPhoneNumber(run.slice(s, e))) {
          best = [s, e];
          break;
        }
      }
    }
    if (best) {
      const start = m.index + best[0];
      const end = m.index + best[1];
      add('phone', start, end, `Looks like a phone number (${text.slice(start, end)})`);
    }
  }
  // A short local number is a phone number only when the words say so.
  const cued =
    /\b(?:ring|call|text|phone|tel|mob|mobile|number|whatsapp)(?:\s+(?:me|him|her|us))?\s*(?:on|is|:)?\s*(\d{3}[\s-]?\d{3,4})\b/dgi;
  for (const m of text.matchAll(cued)) {
    const [s, e] = m.indices![1]!;
    add('phone', s, e, `Looks like a phone number (${m[1]})`);
  }
}

function isPhoneNumber(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  const international = candidate.startsWith('+') || candidate.startsWith('00');
  if (international) {
    const d = candidate.startsWith('00') ? digits.slice(2) : digits;
    if (d.startsWith('44')) {
      const rest = d.slice(2).replace(/^0/, '');
      return rest.length >= 9 && rest.length <= 10;
    }
    return d.length >= 8 && d.length <= 15;
  }
  if (!digits.startsWith('0')) return false;
  // Landlines (01, 02) and mobiles (07). Freephone, non-geographic and premium numbers (03, 08,
  // 09) are organisations' lines, such as Childline's, not a way to reach a child.
  return /^0[127]/.test(digits) && (digits.length === 10 || digits.length === 11);
}

function findPostcodes(text: string, add: Add) {
  // Full postcodes, any case: "LS6 2AB", "ls62ab".
  for (const m of text.matchAll(/\b([A-Za-z]{1,2})(\d[A-Za-z\d]?)\s?(\d[A-Za-z]{2})\b/g)) {
    if (!POSTCODE_AREAS.has(m[1]!.toUpperCase()) || /^\d(?:st|nd|rd|th)$/i.test(m[3]!)) continue;
    add('postcode', m.index, m.index + m[0].length, `Looks like a postcode (${m[0]})`);
  }
  // The outward half alone ("LS6", "M14"), in capitals, from a real postcode area.
  for (const m of text.matchAll(/\b([A-Z]{1,2})(\d[A-Z\d]?)\b/g)) {
    const code = m[0];
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (!POSTCODE_AREAS.has(m[1]!) || NOT_POSTCODES.has(code)) continue;
    if (/^[MA]\d+$/.test(code) && /\bthe\s+$/i.test(before)) continue; // the M6, the A1: roads
    if (/^S[1-6]$/.test(code) && /\b(?:in|year|yr)\s+$/i.test(before)) continue; // Scottish S1-S6
    add('postcode', m.index, m.index + code.length, `Looks like the start of a postcode (${code})`);
  }
  // Any postcode-shaped code the words point at, even one the area list does not know.
  const cued =
    /\b(?:post\s?code|postcode|live|lives|lived|living|moved|move|moving|staying|stay)(?:\s+(?:is|was|in|to|near|round|around|at))?\s*:?\s*([A-Za-z]{1,2}\d[A-Za-z\d]?(?:\s?\d[A-Za-z]{2})?)\b/dgi;
  for (const m of text.matchAll(cued)) {
    const code = m[1]!;
    if (/^(?:PS|KS|Y|S|P)\d$/i.test(code) || NOT_POSTCODES.has(code.toUpperCase())) continue;
    const [s, e] = m.indices![1]!;
    add('postcode', s, e, `Looks like a postcode (${code})`);
  }
}

// ---------------------------------------------------------------------------------------------
// Social media handles

const HANDLE_STOP = new Set(
  `a an the and or but on off in at to of for with my me it is was be so too very really not no yes
  private public blocked hacked deleted banned gone down broken rubbish good bad boring fun great
  better worse ok okay fine dead mad sad funny dry quiet long because cos coz all every lol now
  only just always never there here this that these those what when where who how why if then
  than like love hate account page name username story stories stuff things messages chat
  streak streaks app`.split(/\s+/),
);

function findHandles(text: string, add: Add) {
  for (const m of text.matchAll(/(?<![\p{L}\p{N}_.@])@([\p{L}\p{N}_.]*\p{L}[\p{L}\p{N}_.]*)/gu)) {
    const handle = m[0].replace(/\.+$/, '');
    if (handle.length < 3) continue;
    add('handle', m.index, m.index + handle.length, `Looks like a social media username (${handle})`);
  }
  const platform =
    '(?:snapchat|snap|sc|insta|instagram|ig|tiktok|tik\\s?tok|twitter|facebook|fb|discord|psn|xbox|gamertag|gamer\\s?tag|roblox|fortnite|twitch|youtube|yt|threads|bereal|whatsapp)';
  // "my snap is jdog_07", "add me on insta: kayla.b", "tiktok - dancequeen_14". With no "is" or
  // ":" between, the word must look made up (digits, _ or .), so "snap chat is rubbish" is safe.
  const cued = new RegExp(
    `\\b(?:(?:add|follow|find|message|dm)\\s+(?:me|him|her|them)\\s+on\\s+)?${platform}(?:\\s+(?:name|username|handle|id|tag|account|channel))?(?:\\s*[:=,-]\\s*|\\s+)(?:(?:is|was|it'?s|its)\\s+)?(@?[\\p{L}\\p{N}_.]{3,30})`,
    'dgiu',
  );
  for (const m of text.matchAll(cued)) {
    const raw = m[1]!.replace(/\.+$/, '');
    const looksMade = /[\p{N}_.]/u.test(raw) || raw.startsWith('@');
    const pointedAt = /(?:[:=]|\b(?:is|was|it'?s|its)|\badd\s+\w+\s+on\s+\S+)\s*$/i.test(
      m[0].slice(0, m.indices![1]![0] - m.index),
    );
    if (!looksMade && (!pointedAt || HANDLE_STOP.has(raw.toLowerCase()) || NOT_A_NICKNAME.has(raw.toLowerCase())))
      continue;
    const s = m.indices![1]![0];
    add('handle', s, s + raw.length, `Looks like a social media username (${raw})`);
  }
  // "username: jdog_07" and the like, with the made-up look of a handle.
  for (const m of text.matchAll(/\b(?:user\s?name|handle|gamertag)\s*(?:is|:|=)\s*([\p{L}\p{N}_.]{3,30})/dgiu)) {
    if (HANDLE_STOP.has(m[1]!.toLowerCase())) continue;
    const [s, e] = m.indices![1]!;
    add('handle', s, e, `Looks like a social media username (${m[1]})`);
  }
}

// ---------------------------------------------------------------------------------------------
// Dates of birth: a date is only a birth date when the words around it say so.

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const DATE = [
  `${DAY}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+(?:\\d{4}|'?\\d{2})\\b)?`,
  `${MONTH}\\.?\\s+(?:the\\s+)?${DAY}(?:,?\\s+\\d{4})?`,
  `\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})`,
  `\\d{4}-\\d{2}-\\d{2}`,
  `${MONTH}\\s+\\d{4}`,
  `(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)`,
].join('|');
const DOB_CUE =
  "(?:\\bborn(?:\\s+on|\\s+in)?|\\bd\\.?o\\.?b\\.?|\\bdate\\s+of\\s+birth|\\b(?:birthday|bday|b-day|b'day)(?:\\s+is|'s|s)?(?:\\s+on)?|\\bturn(?:s|ed|ing)?\\s+\\d{1,2}\\s+on)";
const DOB_RE = new RegExp(`${DOB_CUE}\\s*(?:is|:|-|=)?\\s*(?:on\\s+)?(?:the\\s+)?(${DATE})(?![\\p{L}\\p{N}])`, 'dgiu');

function findDatesOfBirth(text: string, add: Add) {
  for (const m of text.matchAll(DOB_RE)) {
    const [s, e] = m.indices![1]!;
    add('date-of-birth', s, e, `Looks like a date of birth (${m[1]})`);
  }
}

// ---------------------------------------------------------------------------------------------
// Words, with what the sentence tells about their capitals.

type Token = {
  /** The word without a possessive "'s". */
  word: string;
  key: string;
  start: number;
  end: number;
  /** Capital then small letters ("Jayden", "McDonald", "O'Brien"). */
  capital: boolean;
  /** Capitals say nothing here: first word of a sentence, or a sentence in Title Case or CAPITALS. */
  capitalIsNoise: boolean;
  sentenceStart: boolean;
};

function isSentenceStart(text: string, index: number): boolean {
  const before = text.slice(0, index);
  const trimmed = before.replace(/["“”‘'([*•\-\s]+$/u, '');
  return trimmed === '' || /[.!?:;…\n]$/u.test(trimmed) || /\n\s*$/u.test(before);
}

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/\p{L}[\p{L}'’-]*/gu)) {
    const word = m[0].replace(/['’]s$/iu, '').replace(/['’-]+$/u, '');
    if (!word) continue;
    const sentenceStart = isSentenceStart(text, m.index);
    tokens.push({
      word,
      key: word.toLowerCase(),
      start: m.index,
      end: m.index + word.length,
      capital: /^\p{Lu}(?:\p{Ll}|['’]\p{Lu}|c\p{Lu})/u.test(word),
      capitalIsNoise: sentenceStart,
      sentenceStart,
    });
  }
  // A sentence where most words start with a capital (a title, or shouting) tells nothing by case.
  let from = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i === tokens.length || (i > from && tokens[i]!.sentenceStart)) {
      const sentence = tokens.slice(from, i).filter((t) => t.word.length > 1);
      const capitals = sentence.filter((t) => /^\p{Lu}/u.test(t.word)).length;
      if (sentence.length >= 3 && capitals / sentence.length >= 0.6) {
        for (let k = from; k < i; k++) tokens[k]!.capitalIsNoise = true;
      }
      from = i;
    }
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Schools, streets and homes: a named place, not the generic word ("my school", "Secondary School").

const SCHOOL_SUFFIX =
  /^(?:Academy|High School|High|Primary School|Primary|Infant School|Infants|Junior School|Juniors|Secondary School|Secondary|School|College|Grammar School|Grammar|Comprehensive|Sixth Form|Prep|Nursery|PRU)$/i;
const STREET_SUFFIX =
  /^(?:Road|Rd|Street|St|Avenue|Ave|Lane|Crescent|Grove|Terrace|Mews|Drive|Close|Gardens|Court|Estate|Way|Croft|Place|Square|Rise|Walk|Row|Parade|View|Vale|Hill|Park|Green|Heights|Fold|Wynd)$/;
const STREET_SUFFIX_UNNUMBERED =
  /^(?:Road|Rd|Street|Avenue|Ave|Lane|Crescent|Grove|Terrace|Mews|Drive|Close|Gardens|Court|Estate|Way|Croft)$/;
const STREET_SUFFIX_LOWER = /^(?:road|street|avenue|lane|crescent|grove|terrace|mews|gardens|close|drive|estate)$/;
const HOME_SUFFIX =
  /^(?:Lodge|House|Cottage|Grange|Manor|Hall|Farm|Villa|Towers|Flats|Hostel|Foyer|Children's Home|Childrens Home|Residential Home)$/;
const MEASURE_WORDS = new Set(
  'hour hours minute minutes min mins mile miles day days week weeks month months year years times time people kids of the a my'.split(
    ' ',
  ),
);

// A house number makes an address of almost any "<words> Road": "12 Acacia Road", "4 oak lane".
const NUMBERED_ADDRESS = new RegExp(
  `\\b(\\d{1,4}[A-Za-z]?),?\\s+((?:\\p{L}[\\p{L}'’-]*\\s+){1,3}?)(${STREET_SUFFIX.source.slice(4, -2)})\\b`,
  'giu',
);

/** The capitalised words right before token i (same sentence, only spaces between), at most n. */
function namedRun(text: string, tokens: Token[], i: number, n: number, generic: ReadonlySet<string>): number | null {
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

const LOWER_SCHOOL_ADJECTIVES = new Set(
  `normal different another any every each which posh rubbish proper real regular nearest good bad
  same special mainstream local new old big little small nice horrible strict`.split(/\s+/),
);

function findSchools(text: string, tokens: Token[], add: Add) {
  const allLower = !/\p{Lu}/u.test(text.replace(/\bI\b/g, ''));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // "St Mary's", "St. John's", "Saint Anne's"
    if ((t.word === 'St' || t.word === 'Saint') && tokens[i + 1]) {
      const next = tokens[i + 1]!;
      if (/^\p{Lu}/u.test(next.word) && /^\.?\s+$/.test(text.slice(t.end, next.start))) {
        let end = text.slice(next.start).match(/^\p{L}[\p{L}'’-]*/u)![0].length + next.start;
        const after = tokens[i + 2];
        if (after && SCHOOL_SUFFIX.test(after.word) && /^\s+$/.test(text.slice(end, after.start))) end = after.end;
        const name = text.slice(t.start, end);
        add('school', t.start, end, `Looks like the name of a school or church (${name})`);
        continue;
      }
    }
    // "Oakfield Primary", "Northgate High School", "Riverside Academy"
    const two = tokens[i + 1];
    const twoWords = two && /^\s+$/.test(text.slice(t.end, two.start)) ? `${t.word} ${two.word}` : null;
    const suffixEnd = twoWords && SCHOOL_SUFFIX.test(twoWords) ? two!.end : SCHOOL_SUFFIX.test(t.word) ? t.end : null;
    if (suffixEnd === null || i === 0) continue;
    let first = namedRun(text, tokens, i, 3, GENERIC_SCHOOL_WORDS);
    // Text typed all in small letters: "at thornhill high" names a school, "at big school" does not.
    if (first === null && allLower && i >= 2 && /^(?:at|to|from)$/.test(tokens[i - 2]!.key)) {
      const w = tokens[i - 1]!.key;
      if (!GENERIC_SCHOOL_WORDS.has(w) && !LOWER_SCHOOL_ADJECTIVES.has(w)) first = i - 1;
    }
    if (first === null) continue;
    const lowerSuffix = !/^\p{Lu}/u.test(t.word);
    if (lowerSuffix && first === i - 1 && tokens[first]!.sentenceStart) continue; // "Boring school..."
    if (tokens.slice(first, i).some((w) => NEVER_NAME_WORDS.has(w.key))) continue;
    const name = text.slice(tokens[first]!.start, suffixEnd);
    add('school', tokens[first]!.start, suffixEnd, `Looks like the name of a school (${name})`);
    if (twoWords && suffixEnd === two!.end) i++;
  }
}

function findStreetsAndHomes(text: string, tokens: Token[], add: Add) {
  for (const m of text.matchAll(NUMBERED_ADDRESS)) {
    const words = m[2]!.trim().split(/\s+/);
    const suffix = m[3]!;
    const capitalised = /^\p{Lu}/u.test(suffix);
    if (capitalised ? !STREET_SUFFIX.test(suffix) : !STREET_SUFFIX_LOWER.test(suffix)) continue;
    if (words.some((w) => MEASURE_WORDS.has(w.toLowerCase()))) continue;
    add('home-or-street', m.index, m.index + m[0].length, `Looks like an address (${m[0]})`);
  }
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    const home = HOME_SUFFIX.test(t.word) || (t.key === 'home' && /children['’]?s$/i.test(tokens[i - 1]!.word));
    const street = STREET_SUFFIX_UNNUMBERED.test(t.word);
    if (!home && !street) continue;
    // "Elm St" but not the "St" of "St Mary's".
    if (t.word === 'St' && tokens[i + 1] && /^\p{Lu}/u.test(tokens[i + 1]!.word)) continue;
    const last = home && t.key === 'home' ? i - 1 : i;
    const first = namedRun(text, tokens, last, 2, GENERIC_PLACE_WORDS);
    if (first === null) continue;
    if (tokens.slice(first, last).some((w) => NEVER_NAME_WORDS.has(w.key))) continue;
    const name = text.slice(tokens[first]!.start, t.end);
    add(
      'home-or-street',
      tokens[first]!.start,
      t.end,
      home ? `Looks like the name of a home or building (${name})` : `Looks like a street name (${name})`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// People's names

type Cue = {
  kind: 'name' | 'staff-or-carer';
  strength: 'naming' | 'nickname' | 'relation' | 'staff' | 'title';
  said: string;
};

const RELATIONS =
  'friends?|mates?|bestie|bff|bf|gf|boyfriend|girlfriend|partner|brother|sister|bro|sis|cousin|son|daughter|niece|nephew|auntie|aunty|aunt|uncle|nan|nana|nanny|gran|grandma|grandad|grandpa|stepdad|stepmum|step-dad|step-mum|sibling|kid|child|baby|neighbour|flatmate|housemate|roommate';
const STAFF_ROLES =
  'social\\s+worker|sw|foster\\s+carers?|foster\\s+mum|foster\\s+mam|foster\\s+dad|foster\\s+parents?|carers?|key\\s?worker|support\\s+worker|personal\\s+advis[eo]r|pa|iro|independent\\s+reviewing\\s+officer|teacher|form\\s+tutor|tutor|head\\s?teacher|head\\s+of\\s+year|mentor|manager|home\\s+manager|residential\\s+worker|youth\\s+worker|leaving\\s+care\\s+worker|therapist|counsellor|nurse|doctor|advocate|independent\\s+visitor|solicitor|coach|staff\\s+member|worker|psychologist|family\\s+support\\s+worker|link\\s+worker|teaching\\s+assistant|senco|supervisor|lawyer|officer';
const CUES: { re: RegExp; kind: Cue['kind']; strength: Cue['strength'] }[] = [
  {
    re: /\b(?:nick\s?name\s+(?:is|was)|nickname's|call\s+me|calls\s+me|called\s+me|call\s+(?:him|her)|calls\s+(?:him|her)|known\s+as|goes\s+by)\s+$/i,
    kind: 'name',
    strength: 'nickname',
  },
  { re: /\b(?:called|named|name\s+is|name's|name\s+was|names\s+are)\s+$/i, kind: 'name', strength: 'naming' },
  {
    re: new RegExp(`\\b(?:${STAFF_ROLES})\\s*(?:,\\s*|\\s+(?:called|named|is|was)\\s+|\\s+)$`, 'i'),
    kind: 'staff-or-carer',
    strength: 'staff',
  },
  {
    re: new RegExp(
      `\\b(?:my|our|his|her|their|a|the)\\s+(?:(?:best|little|big|baby|older|younger|twin|half|step|foster|new|old|ex|real|birth|other|only|one)[\\s-]+)*(?:${RELATIONS})\\s*(?:,\\s*|\\s+(?:called|named|is|was)\\s+|\\s+)$`,
      'i',
    ),
    kind: 'name',
    strength: 'relation',
  },
  { re: /\b(?:auntie|aunty|aunt|uncle|nanny|nana|grandma|grandad|cousin)\s+$/i, kind: 'name', strength: 'relation' },
  { re: /(?<![\p{L}])(?:Mr|Mrs|Miss|Ms|Mx|Dr)\.?\s+$/u, kind: 'staff-or-carer', strength: 'title' },
];

function cueBefore(text: string, start: number): Cue | null {
  const before = text.slice(Math.max(0, start - 60), start);
  for (const c of CUES) {
    const m = before.match(c.re);
    if (m) return { kind: c.kind, strength: c.strength, said: m[0].trim().replace(/[\s,]+$/, '') };
  }
  return null;
}

// Words that follow "call me" or "my friend" without being a name.
const NOT_A_NICKNAME = new Set(
  `a an the and or but so me you him her them us it that this back when if names stupid horrible
  nasty rude all every things stuff whenever please on at in to up out over later tomorrow today
  again now what by because cos lots loads mean bad weird different is was are were who which has
  had have will would can could should and too also never always just really very not`.split(/\s+/),
);

const PERSON_VERB_AFTER =
  /^\s+(?:said|says|told|tells|asked|asks|helped|helps|came|comes|was\s+my|is\s+my|and\s+i|and\s+me|gave|gives|took|takes|shouted|hit|moved|lives|lived|went|goes|rang|texted|messaged)\b/i;

type Category = 'local' | 'never' | 'ordinary' | 'name' | 'unknown';

function findNames(text: string, tokens: Token[], ctx: Compiled, protectedSpans: [number, number][], add: Add) {
  const category = (t: Token): Category => {
    if (ctx.localNames.has(t.key)) return 'local';
    if (protectedSpans.some(([s, e]) => s <= t.start && t.end <= e)) return 'never';
    if (NEVER_NAME_WORDS.has(t.key) || ctx.placeWords.has(t.key) || TITLES.has(t.key)) return 'never';
    if (ORDINARY_NAME_WORDS.has(t.key)) return 'ordinary';
    if (GIVEN_NAMES.has(t.key) || SURNAMES.has(t.key)) return 'name';
    return 'unknown';
  };
  const adjacent = (a: Token, b: Token) => /^\s+$/.test(text.slice(a.end, b.start));

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const cat = category(t);
    if (t.word.length < 2) continue;
    const cue = cueBefore(text, t.start);
    const next = tokens[i + 1];
    const followedBySurname =
      !!next && next.capital && adjacent(t, next) && SURNAMES.has(next.key) && category(next) !== 'never';
    const midSentenceCapital = t.capital && !t.capitalIsNoise;

    let flagged = false;
    let why = '';
    if (cue && cue.strength === 'nickname' && cat !== 'never' && !NOT_A_NICKNAME.has(t.key)) {
      flagged = true;
      why = `Looks like a nickname (${t.word}): it follows "${cue.said}"`;
    } else if (cat === 'local') {
      flagged = true;
      why = `Matches a local name the council added (${t.word})`;
    } else if (cat === 'name') {
      flagged = true;
      why = GIVEN_NAMES.has(t.key) ? `Looks like a first name (${t.word})` : `Looks like a surname (${t.word})`;
    } else if (cat === 'ordinary') {
      if (cue && (t.capital || cue.strength === 'naming') && !NOT_A_NICKNAME.has(t.key)) {
        flagged = true;
        why = `Looks like a name (${t.word}): it follows "${cue.said}"`;
      } else if (t.capital && followedBySurname) {
        flagged = true;
        why = `Looks like a first name followed by a surname (${t.word} ${next!.word})`;
      } else if (midSentenceCapital && !partOfOtherName(i)) {
        flagged = true;
        why = `Looks like a first name (${t.word}): a capital in the middle of a sentence`;
      } else if (t.capital && t.sentenceStart && PERSON_VERB_AFTER.test(text.slice(t.end, t.end + 20))) {
        flagged = true;
        why = `Looks like a first name (${t.word}): someone who did or said something`;
      }
    } else if (cue && (cat === 'never' || cat === 'unknown')) {
      const strongEnough = cat === 'unknown' || cue.strength === 'naming' || cue.strength === 'relation';
      if (t.capital && strongEnough && !NOT_A_NICKNAME.has(t.key)) {
        flagged = true;
        why = `Looks like a name (${t.word}): it follows "${cue.said}"`;
      }
    }
    if (!flagged) continue;

    // Take in a surname or second name that follows: "Jayden Smith", "Mrs Patel".
    let end = t.end;
    let j = i + 1;
    while (j < tokens.length && j <= i + 2) {
      const n = tokens[j]!;
      const nc = category(n);
      if (!n.capital || !adjacent(tokens[j - 1]!, n) || n.sentenceStart) break;
      if (nc === 'never' || (nc === 'ordinary' && !SURNAMES.has(n.key))) break;
      if (nc === 'unknown' && t.capitalIsNoise && !cue) break;
      end = n.end;
      j++;
    }
    let start = t.start;
    const kind = cue?.kind ?? 'name';
    if (cue?.strength === 'title') start = text.lastIndexOf(cue.said, t.start);
    if (kind === 'staff-or-carer') {
      why = `Looks like the name of a member of staff or a carer (${text.slice(start, end)}): it follows "${cue!.said}"`;
    } else if (end !== t.end) {
      why = `Looks like a person's full name (${text.slice(start, end)})`;
    }
    add(kind, start, end, why);
    i = j - 1;
  }

  /** "Hope Centre", "Royal Mail": an ordinary word inside some other capitalised name. */
  function partOfOtherName(i: number): boolean {
    const t = tokens[i]!;
    for (const n of [tokens[i - 1], tokens[i + 1]]) {
      if (!n || !/^\p{Lu}/u.test(n.word) || (n.sentenceStart && n === tokens[i + 1])) continue;
      const between = n.start < t.start ? text.slice(n.end, t.start) : text.slice(t.end, n.start);
      if (!/^\s+$/.test(between)) continue;
      const c = category(n);
      if (c === 'never' || c === 'unknown') return true;
    }
    return false;
  }
}

// ---------------------------------------------------------------------------------------------

/** Longest first (ties by kind), drop anything overlapping what is kept, then in text order. */
function resolve(found: Finding[]): Finding[] {
  const ranked = [...found].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) || PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind) || a.start - b.start,
  );
  const kept: Finding[] = [];
  for (const f of ranked) {
    if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------
// What a finding means for publishing, and the masked words a worker starts from.

/**
 * A finding that can never be approved by giving a reason: it must be edited out. Contact
 * details, a street address, a date of birth, a social handle, or a given name with a surname
 * pin down one child; a single first name, a school or a home may be judged safe by two people.
 */
export function isHardStop(f: Finding): boolean {
  switch (f.kind) {
    case 'email':
    case 'phone':
    case 'postcode':
    case 'handle':
    case 'date-of-birth':
      return true;
    case 'home-or-street':
      return /\d/.test(f.text) || STREET_WORD.test(f.text);
    case 'name':
      return /\S\s+\S/.test(f.text.trim());
    default:
      return false;
  }
}

const STREET_WORD =
  /\b(?:road|rd|street|st|lane|ln|avenue|ave|close|drive|dr|way|crescent|court|grove|place|terrace|gardens|walk|hill|row|square|mews|parade|view|rise)\b/i;

const MASK_LABEL: Record<FindingKind, string> = {
  name: 'name',
  handle: 'username',
  'staff-or-carer': 'name',
  school: 'school',
  'home-or-street': 'address',
  postcode: 'postcode',
  phone: 'phone',
  email: 'email',
  'date-of-birth': 'date',
  'watch-word': 'removed',
};

/** The text with every finding replaced by a label in brackets ("[name]", "[phone]"). */
export function maskIdentifiers(text: string, findings: readonly Finding[]): string {
  let out = '';
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue;
    out += text.slice(at, f.start) + `[${MASK_LABEL[f.kind]}]`;
    at = f.end;
  }
  return out + text.slice(at);
}
