// Could this public text identify a child or another person? A pure check (no I/O) run on every
// save of an item's public text, before a participation worker may approve it for the kiosk.
//
// It errs towards asking: every finding is shown to the worker, who edits the text or records
// why it is safe (hard stops must be edited: `isHardStop`). It reads the text as a reader sees
// it, so invisible characters, full-width digits and look-alike letters do not hide a name or a
// number (identifiers-fold.ts), and each kind of identifier has its own module:
//   identifiers-contact.ts  email, phone, postcode, handle
//   identifiers-names.ts    names, full names, staff and carers (cues in identifiers-name-cues.ts,
//                           nicknames and "Mrs P" in identifiers-name-titles.ts, what each word
//                           is in identifiers-name-category.ts)
//   identifiers-tokens.ts   the words of the text, with what the sentence says about capitals
//   identifiers-places.ts   street addresses
//   identifiers-homes.ts    homes and house names
//   identifiers-schools.ts  schools
//   identifiers-details.ts  dates of birth, descriptions only one child fits (more shapes in
//                           identifiers-described.ts)
//   identifiers-context.ts  the council's own lists (watch words, staff, local names, places)
//   identifiers-data.ts     word lists (famous people and places in identifiers-famous.ts, given
//                           names from other languages in identifiers-names-world.ts)
// Measured on labelled quotes by `npm run measure:identifiers` (BENCHMARKS.md).
import { findEmails, findHandles, findPhones, findPostcodes } from './identifiers-contact.js';
import { compileContext, findListed, protectedSpans as findProtected } from './identifiers-context.js';
import { findDatesOfBirth, findUniqueDescriptions } from './identifiers-details.js';
import { foldForCheck } from './identifiers-fold.js';
import { findNames } from './identifiers-names.js';
import { isSentenceStart, tokenise } from './identifiers-tokens.js';
import { findHomes } from './identifiers-homes.js';
import { findStreets } from './identifiers-places.js';
import { findSchools } from './identifiers-schools.js';

export const FINDING_KINDS = [
  /** One name alone: a first name, a surname or a nickname. */
  'name',
  /** A given name with a surname. */
  'full-name',
  /** A social media or gaming username, with or without an @. */
  'handle',
  'staff-or-carer',
  'school',
  /** A children's home or a house name ("Maple Lodge", "The Willows"). */
  'home',
  'street-address',
  'postcode',
  'phone',
  'email',
  'date-of-birth',
  'watch-word',
  /** A description only one child fits ("I'm the only one who...", "the only girl in my year in care"). */
  'unique-description',
] as const;

export type FindingKind = (typeof FINDING_KINDS)[number];

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

/** How each finder reports what it found, in the folded text's positions. */
export type Add = (kind: FindingKind, start: number, end: number, why: string) => void;

// When two findings overlap, the longer one wins; on a tie, the earlier kind in this list. A
// description only one child fits is kept only where nothing more particular was found in it.
const PRIORITY: readonly FindingKind[] = [
  'email',
  'phone',
  'postcode',
  'handle',
  'date-of-birth',
  'watch-word',
  'staff-or-carer',
  'school',
  'street-address',
  'home',
  'full-name',
  'name',
  'unique-description',
];

export function findIdentifiers(original: string, context: IdentifierContext): Finding[] {
  const folded = foldForCheck(original);
  const text = folded.text;
  const ctx = compileContext(context);
  const found: Finding[] = [];
  const add: Add = (kind, start, end, why) => {
    if (end > start) found.push({ kind, text: text.slice(start, end), start, end, why });
  };

  const protectedSpans = findProtected(ctx, text);
  const isProtected = (start: number, end: number) => protectedSpans.some(([s, e]) => s <= start && end <= e);

  findEmails(text, add);
  findPhones(text, add);
  findPostcodes(text, add);
  findHandles(text, add);
  findDatesOfBirth(text, add);
  findUniqueDescriptions(text, add);
  const staffWhy = (w: string) => `On the council's list of staff and carers (${w})`;
  findListed(text, ctx.watchRe, 'watch-word', (w) => `On the council's watch list (${w})`, add);
  findListed(text, ctx.staffFullRe, 'staff-or-carer', staffWhy, add);
  findListed(text, ctx.staffPartInsensitiveRe, 'staff-or-carer', staffWhy, add);
  // A staff member called "Will" is matched only mid-sentence with a capital, so "Will we..." is safe.
  findListed(text, ctx.staffPartCapitalRe, 'staff-or-carer', staffWhy, (kind, start, end, why) => {
    if (!isSentenceStart(text, start)) add(kind, start, end, why);
  });

  const tokens = tokenise(text);
  // A place inside a famous or protected name, or ending in one ("4 Privet Drive"), is not a place.
  // A protected word of three letters or fewer ("St") is an abbreviation, not a famous name.
  const endsProtected = (start: number, end: number) =>
    protectedSpans.some(([s, e]) => e - s > 3 && s < end && start < e && e >= end);
  const addPlace: Add = (kind, start, end, why) => {
    if (!isProtected(start, end) && !endsProtected(start, end)) add(kind, start, end, why);
  };
  findSchools(text, tokens, addPlace);
  findStreets(text, tokens, addPlace);
  findHomes(text, tokens, addPlace);
  findNames(text, tokens, ctx, protectedSpans, add);

  return resolve(found).map((f) => {
    const [start, end] = folded.toOriginal(f.start, f.end);
    return { ...f, text: original.slice(start, end), start, end };
  });
}

/** Longest first (ties by kind), drop anything overlapping what is kept, then in text order. */
function resolve(found: Finding[]): Finding[] {
  const rank = (f: Finding) => (f.kind === 'unique-description' ? 1 : 0);
  const ranked = [...found].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      b.end - b.start - (a.end - a.start) ||
      PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind) ||
      a.start - b.start,
  );
  const kept: Finding[] = [];
  for (const f of ranked) {
    if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------
// What a finding means for publishing, and the masked words a worker starts from.

const HARD_STOPS: ReadonlySet<FindingKind> = new Set<FindingKind>([
  'full-name',
  'handle',
  'street-address',
  'postcode',
  'phone',
  'email',
  'date-of-birth',
]);

/**
 * A finding that can never be approved by giving a reason: it must be edited out. Contact
 * details, a street address, a date of birth, a social handle, or a given name with a surname
 * pin down one child; a single first name, a school, a home or a description may be judged safe
 * by two people.
 */
export function isHardStop(f: Finding): boolean {
  return HARD_STOPS.has(f.kind);
}

const MASK_LABEL: Record<FindingKind, string> = {
  name: 'name',
  'full-name': 'name',
  handle: 'username',
  'staff-or-carer': 'name',
  school: 'school',
  home: 'home',
  'street-address': 'address',
  postcode: 'postcode',
  phone: 'phone',
  email: 'email',
  'date-of-birth': 'date',
  'watch-word': 'removed',
  'unique-description': 'description',
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
