// People's names in the identifier check: given names and surnames from the lists, nicknames and
// names that are ordinary words when the sentence says they are names ("a girl called Summer",
// "they call me Smudge"), staff and carers by how they are introduced ("my social worker Dave",
// "Mrs P"). The cues around a word are in identifiers-name-cues.ts, nicknames and titles with an
// initial in identifiers-name-titles.ts, the words in identifiers-tokens.ts.
import type { Add, FindingKind } from './identifiers.js';
import { type Compiled, TITLES } from './identifiers-context.js';
import { GIVEN_NAMES, NEVER_NAME_WORDS, NOT_A_NICKNAME, ORDINARY_NAME_WORDS, SURNAMES } from './identifiers-data.js';
import {
  COMPANY_BEFORE,
  cueBefore,
  DOER_AFTER,
  isNameNickname,
  MEDIA_BEFORE,
  notAPerson,
  ORG_AFTER,
  PARTICLES,
  PERSON_AFTER,
  PERSON_VERB_AFTER,
  PET_AFTER,
  PET_BEFORE,
  PET_NAMED_BEFORE,
  PLACE_BEFORE,
  STAFF_AFTER,
  WELSH_AFTER_NAME,
  WELSH_NOT_NAMES,
  readsAsWelsh,
} from './identifiers-name-cues.js';
import { categoriser } from './identifiers-name-category.js';
import { findNicknamesAndTitles } from './identifiers-name-titles.js';
import type { Token } from './identifiers-tokens.js';

export function findNames(text: string, tokens: Token[], ctx: Compiled, protectedSpans: [number, number][], add: Add) {
  const category = categoriser(text, ctx, protectedSpans);
  // Typed all in small letters, case says nothing, so the words around a name must.
  const allLower = !/(?<![\p{L}])\p{Lu}\p{Ll}/u.test(text);
  const isSurname = (key: string) =>
    SURNAMES.has(key) || (key.includes('-') && key.split('-').every((p) => SURNAMES.has(p)));
  const adjacent = (a: Token, b: Token) => /^\s+$/.test(text.slice(a.end, b.start));
  let lastStaffEnd = -1;
  const welsh = readsAsWelsh(tokens);

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const cat = category(t);
    if (t.word.length < 2) continue;
    // An animal's or a toy's name ("our dog Buster", "Luna the guinea pig"), with the words after.
    if (isPetName(t)) {
      while (tokens[i + 1] && tokens[i + 1]!.capital && adjacent(tokens[i]!, tokens[i + 1]!)) i++;
      continue;
    }
    const cue = cueBefore(text, t.start);
    // In Welsh, "pam" ("why") and "mae" ("is") are words unless a capital mid-sentence or a cue
    // ("called") says otherwise: "dyna pam rydyn ni yma" is no full name.
    if (welsh && WELSH_NOT_NAMES.has(t.key) && (!t.capital || t.capitalIsNoise) && !cue) continue;
    // "a Bill for my phone", "an Amber warning": after "a" or "an" a word is a thing, not a person.
    if (!cue && /(?:^|\s)an?\s+$/i.test(text.slice(Math.max(0, t.start - 4), t.start))) continue;
    const after = text.slice(t.end, t.end + 60);
    // Capitals only ("ISA", "LAC") are initials or an acronym: a name only as someone's company.
    const acronym = /^\p{Lu}{2,4}$/u.test(t.word);
    if (acronym && !(cue && cue.strength !== 'staff') && !/^\s+and\s+me\b/i.test(after)) continue;
    const next = tokens[i + 1];
    const followedBySurname =
      !!next && next.capital && adjacent(t, next) && SURNAMES.has(next.key) && category(next) !== 'never';
    const midSentenceCapital = t.capital && !t.capitalIsNoise;
    const candidate = cat === 'name' || cat === 'ordinary' || cat === 'unknown';
    if (candidate && !cue && notAPerson(text, t, text.slice(Math.max(0, t.start - 30), t.start))) {
      while (tokens[i + 1] && tokens[i + 1]!.capital && adjacent(tokens[i]!, tokens[i + 1]!)) i++;
      continue;
    }

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
    } else if (cat === 'ordinary' && (t.capital || allLower) && PERSON_AFTER.test(after)) {
      flagged = true;
      why = `Looks like a name (${t.word}): the words after say it is a person`;
    } else if (cat === 'ordinary') {
      const caseSaysNothing = allLower && (cue?.strength === 'relation' || cue?.strength === 'title');
      if (cue && (t.capital || cue.strength === 'naming' || caseSaysNothing) && !NOT_A_NICKNAME.has(t.key)) {
        flagged = true;
        why = `Looks like a name (${t.word}): it follows "${cue.said}"`;
      } else if (t.capital && followedBySurname) {
        flagged = true;
        why = `Looks like a first name followed by a surname (${t.word} ${next!.word})`;
      } else if (midSentenceCapital && !partOfOtherName(i)) {
        flagged = true;
        why = `Looks like a first name (${t.word}): a capital in the middle of a sentence`;
      } else if (t.capital && /^\s+(?!I\b)\p{Lu}\b(?!\.?\s*\p{Lu})/u.test(after)) {
        flagged = true;
        why = `Looks like a name and an initial (${t.word})`;
      } else if ((t.capital || allLower) && t.sentenceStart && PERSON_VERB_AFTER.test(text.slice(t.end, t.end + 20))) {
        flagged = true;
        why = `Looks like a first name (${t.word}): someone who did or said something`;
      }
    } else if (
      (cat === 'unknown' || cat === 'word') &&
      (t.capital || acronym) &&
      !t.capitalIsNoise &&
      !PLACE_BEFORE.test(text.slice(Math.max(0, t.start - 30), t.start)) &&
      !partOfOtherName(i) &&
      /^\s+and\s+(?:me|i)\b/i.test(after)
    ) {
      flagged = true;
      why = `Looks like a name (${t.word}): someone who did something with the writer`;
    } else if (cue && (cat === 'never' || cat === 'unknown' || cat === 'word')) {
      const unknownish = cat === 'unknown' || cat === 'word';
      const strongEnough = unknownish || cue.strength === 'naming' || cue.strength === 'relation';
      // In small letters only a title or "called" says an unknown word is a name: "mrs okafor".
      const lowerOk =
        (cat === 'unknown' && (cue.strength === 'title' || (allLower && cue.strength === 'relation'))) ||
        (cat === 'word' && (cue.strength === 'title' || (allLower && cue.strength === 'naming')));
      if ((t.capital || lowerOk) && strongEnough && !NOT_A_NICKNAME.has(t.key)) {
        flagged = true;
        why = `Looks like a name (${t.word}): it follows "${cue.said}"`;
      }
    }
    // "Rhodri Pugh": a capitalised word in no list, then a listed surname.
    const visited = /\b(?:(?:went|go|goes|going|been|trip|visit|visited|us)\s+to|at)\s+$/i.test(
      text.slice(Math.max(0, t.start - 30), t.start),
    );
    if (!flagged && cat === 'unknown' && t.capital && followedBySurname && !partOfOtherName(i) && !visited) {
      flagged = true;
      why = `Looks like a first name followed by a surname (${t.word} ${next!.word})`;
    }
    if (!flagged && cat === 'unknown' && t.capital && isNameNickname(t.key) && !NOT_A_NICKNAME.has(t.key)) {
      flagged = true;
      why = `Looks like a nickname made from a name (${t.word})`;
    }
    // "India and me", "me and Georgia": a name that is also a place or a famous name, as the
    // writer's company.
    if (
      !flagged &&
      cat === 'never' &&
      t.capital &&
      !NEVER_NAME_WORDS.has(t.key) &&
      !TITLES.has(t.key) &&
      !partOfOtherName(i) &&
      (/^\s+and\s+me\b/i.test(after) || /\b(?:me|i)\s+and\s+$/i.test(text.slice(Math.max(0, t.start - 8), t.start)))
    ) {
      flagged = true;
      why = `Looks like a name (${t.word}): someone with the writer`;
    }
    if (!flagged && cat === 'unknown' && t.word.length >= 3 && !NOT_A_NICKNAME.has(t.key)) {
      const before = text.slice(Math.max(0, t.start - 30), t.start);
      const placeLike =
        PLACE_BEFORE.test(before) ||
        MEDIA_BEFORE.test(before) ||
        /\b(?:at|the)\s+(?:the\s+)?$/i.test(before) ||
        ORG_AFTER.test(after) ||
        /^\s+from\s+(?:the\s+)?\p{Lu}/u.test(after);
      // Capitals alone say too little (games, shows, brands are capitalised too): what follows
      // must be something only a person does.
      const doer =
        DOER_AFTER.test(after.replace(/^\s+(?:both|also|always|never|just|even|then|still)\b/i, '')) ||
        PERSON_AFTER.test(after) ||
        STAFF_AFTER.test(after) ||
        (t.capital && !t.capitalIsNoise && COMPANY_BEFORE.test(before));
      const positioned =
        (t.capital && !t.capitalIsNoise && !placeLike && !partOfOtherName(i)) ||
        (t.sentenceStart && (t.capital || allLower));
      if (doer && positioned) {
        flagged = true;
        why = `Looks like a name (${t.word}): someone who did or said something`;
      }
      // A capitalised word in no list, alone, mid-sentence and not after a place word: most such
      // words are names (brands, games and towns are in the lists or follow "at", "to", "in").
      // Not part of a longer capitalised name ("Promise Tracker"), and not run-together ("HttpOnly").
      const prev = tokens[i - 1];
      const alone =
        !(next && /^\p{Lu}/u.test(next.word) && adjacent(t, next)) &&
        !(prev && /^\p{Lu}/u.test(prev.word) && adjacent(prev, t)) &&
        !/\p{Ll}\p{Lu}/u.test(t.word) &&
        !partOfOtherName(i);
      if (!flagged && positioned && t.capital && !t.capitalIsNoise && alone) {
        flagged = true;
        why = `Looks like a name (${t.word}): a capitalised word in no list, in the middle of a sentence`;
      }
    }
    // "it was ruby who told me": a word someone is, doing what people do.
    if (
      !flagged &&
      (cat === 'ordinary' || cat === 'unknown') &&
      /\b(?:it\s+was|its|it's|ask|thanks\s+to)\s+$/i.test(text.slice(Math.max(0, t.start - 20), t.start)) &&
      /^\s+(?:who|that)\s+(?:said|told|helped|showed|asked|did|got|gave|took)\b/i.test(after)
    ) {
      flagged = true;
      why = `Looks like a name (${t.word}): someone who did something`;
    }
    if (!flagged) continue;

    // Take in a surname or second name that follows: "Jayden Smith", "Mrs Patel".
    let end = t.end;
    let j = i + 1;
    while (j < tokens.length && j <= i + 2) {
      const n = tokens[j]!;
      const nc = category(n);
      // "tyler harrison" in small letters: a listed surname after a listed given name.
      const given = cat === 'name' && GIVEN_NAMES.has(t.key);
      // "kayla mcbride": after a listed given name, a word in no list (and no Welsh word) is a surname.
      const lowerUnknown =
        given &&
        !ORDINARY_NAME_WORDS.has(t.key) &&
        nc === 'unknown' &&
        n.key.length >= 4 &&
        !WELSH_AFTER_NAME.has(n.key);
      const lowerSurname = !t.capital && !n.capital && ((nc === 'name' && (given || isSurname(n.key))) || lowerUnknown);
      // "Dylan ap Rhys", "gethin ap dafydd": a particle, then the surname.
      const surnameAfter = tokens[j + 1];
      const particle =
        PARTICLES.has(n.word) &&
        !!surnameAfter &&
        adjacent(n, surnameAfter) &&
        (surnameAfter.capital || (given && category(surnameAfter) === 'name'));
      if ((!n.capital && !lowerSurname && !particle) || !adjacent(tokens[j - 1]!, n) || n.sentenceStart) break;
      if (nc === 'never' || (nc === 'ordinary' && !SURNAMES.has(n.key))) break;
      // An unknown capitalised word after a first name is a surname ("Hannah Greenaway"), even
      // at the start of a sentence; after a word that is only a name by position, it is not.
      if ((nc === 'unknown' || nc === 'word') && t.capitalIsNoise && !cue && !given) break;
      if (particle) j++;
      end = tokens[j]!.end;
      j++;
    }
    let start = t.start;
    const multiword = end !== t.end;
    // "Jade Marie Collins": a given name before a full name is part of it, even an ordinary word.
    const before = tokens[i - 1];
    if (multiword && before && before.capital && adjacent(before, t) && GIVEN_NAMES.has(before.key) && !cue)
      start = before.start;
    let kind: FindingKind =
      cue?.kind === 'staff-or-carer' ? cue.kind : multiword && cue?.strength !== 'nickname' ? 'full-name' : 'name';
    const staffAfter = kind !== 'staff-or-carer' && STAFF_AFTER.test(text.slice(end, end + 60));
    if (staffAfter) kind = 'staff-or-carer';
    if (cue?.strength === 'title') start = text.lastIndexOf(cue.said, t.start);
    if (staffAfter) {
      why = `Looks like the name of a member of staff or a carer (${text.slice(start, end)})`;
    } else if (kind === 'staff-or-carer') {
      why = `Looks like the name of a member of staff or a carer (${text.slice(start, end)}): it follows "${cue!.said}"`;
    } else if (end !== t.end) {
      why = `Looks like a person's full name (${text.slice(start, end)})`;
    }
    // "miss okafor" in small letters: "miss" before a surname that is no given name is a teacher.
    const missBefore = /\bmiss\s+$/i.exec(text.slice(Math.max(0, start - 5), start));
    if (kind === 'name' && missBefore && SURNAMES.has(t.key) && !GIVEN_NAMES.has(t.key)) {
      kind = 'staff-or-carer';
      start -= missBefore[0].length;
      why = `Looks like a teacher's name (${text.slice(start, end)})`;
    }
    // "Glenys and Alun Roberts" after "my foster carers are": both are carers.
    if (
      (kind === 'name' || kind === 'full-name') &&
      lastStaffEnd >= 0 &&
      start - lastStaffEnd < 8 &&
      /^\s*(?:and|&)\s*$/.test(text.slice(lastStaffEnd, start))
    ) {
      kind = 'staff-or-carer';
      why = `Looks like the name of a member of staff or a carer (${text.slice(start, end)})`;
    }
    if (kind === 'staff-or-carer') lastStaffEnd = end;
    add(kind, start, end, why);
    i = j - 1;
  }

  findNicknamesAndTitles(text, ctx, protectedSpans, add);

  function isPetName(t: Token): boolean {
    return (
      PET_BEFORE.test(text.slice(Math.max(0, t.start - 30), t.start)) ||
      PET_NAMED_BEFORE.test(text.slice(Math.max(0, t.start - 60), t.start)) ||
      PET_AFTER.test(text.slice(t.end, t.end + 20))
    );
  }

  /** "Hope Centre", "Royal Mail": an ordinary word inside some other capitalised name. */
  function partOfOtherName(i: number): boolean {
    const t = tokens[i]!;
    for (const n of [tokens[i - 1], tokens[i + 1]]) {
      if (!n || !/^\p{Lu}/u.test(n.word) || (n.sentenceStart && n === tokens[i + 1])) continue;
      const between = n.start < t.start ? text.slice(n.end, t.start) : text.slice(t.end, n.start);
      if (!/^\s+$/.test(between)) continue;
      const c = category(n);
      // "Ask Shantelle", "Little Bobo": an everyday word that starts the sentence is no part of a name.
      if (n === tokens[i - 1] && n.sentenceStart && c === 'word') continue;
      if (c === 'never' || c === 'unknown' || c === 'word') return true;
    }
    return false;
  }
}
