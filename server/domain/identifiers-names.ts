// People's names in the identifier check: given names and surnames from the lists, nicknames and
// names that are ordinary words when the sentence says they are names ("a girl called Summer",
// "they call me Smudge"), staff and carers by how they are introduced ("my social worker Dave",
// "Mrs P"). Also the words of the text, with what the sentence says about their capitals, which
// the places check uses too.
import type { Add, FindingKind } from './identifiers.js';
import { type Compiled, TITLES } from './identifiers-context.js';
import {
  ENGLISH_WORDS_SET,
  GIVEN_NAMES,
  NEVER_NAME_WORDS,
  NOT_A_NICKNAME,
  ORDINARY_NAME_WORDS,
  SURNAMES,
} from './identifiers-data.js';

// Words, with what the sentence tells about their capitals.

export type Token = {
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

export function isSentenceStart(text: string, index: number): boolean {
  // Only the last few characters matter; reading them all made long texts slow (quadratic).
  const from = Math.max(0, index - 40);
  const before = text.slice(from, index);
  const trimmed = before.replace(/["“”‘'([*•\-\s]+$/u, '');
  return (trimmed === '' && from === 0) || /[.!?:;…\n]$/u.test(trimmed) || /\n\s*$/u.test(before);
}

export function tokenise(text: string): Token[] {
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
// People's names

type Cue = {
  kind: 'name' | 'staff-or-carer';
  strength: 'naming' | 'nickname' | 'relation' | 'staff' | 'title';
  said: string;
};

const RELATIONS =
  'friends?|mates?|bestie|bezzie|bezzy|bessie|bestmate|pal|buddy|bff|bf|gf|boyfriend|girlfriend|partner|brother|sister|bro|sis|cousin|son|daughter|niece|nephew|auntie|aunty|aunt|uncle|nan|nana|nanny|gran|grandma|grandad|grandpa|stepdad|stepmum|step-dad|step-mum|sibling|kid|child|baby|neighbour|flatmate|housemate|roommate';
const STAFF_ROLES =
  'social\\s+worker|sw|foster\\s+carers?|foster\\s+mum|foster\\s+mam|foster\\s+dad|foster\\s+parents?|carers?|key\\s?worker|support\\s+worker|personal\\s+advis[eo]r|pa|iro|independent\\s+reviewing\\s+officer|teacher|form\\s+tutor|tutor|head\\s?teacher|head\\s+of\\s+year|mentor|manager|home\\s+manager|residential\\s+worker|youth\\s+worker|leaving\\s+care\\s+worker|therapist|counsellor|nurse|doctor|advocate|independent\\s+visitor|solicitor|coach|staff\\s+member|worker|psychologist|family\\s+support\\s+worker|link\\s+worker|teaching\\s+assistant|senco|supervisor|lawyer|officer';
const CUES: { re: RegExp; kind: Cue['kind']; strength: Cue['strength'] }[] = [
  {
    re: /\b(?:nick\s?name(?:\s+(?:at|in|from|for|on)\s+(?:[\p{L}']+\s+){0,2}?[\p{L}']+)?\s*(?:is|was|'s|:)|nick\s?named(?:\s+(?:me|him|her))?|call(?:s|ed)?\s+(?:me|him|her|them|myself)|known\s+as|goes\s+by|go\s+by|went\s+by)\s+["“‘']?$/iu,
    kind: 'name',
    strength: 'nickname',
  },
  {
    re: new RegExp(
      `\\b(?:${STAFF_ROLES})(?:\\s+(?:at|from|in)\\s+(?:the|our|my)\\s+[\\p{L}']+)?\\s*(?:,\\s*|\\s+(?:(?:is\\s+)?called|named|is|was)\\s+|\\s+)$`,
      'iu',
    ),
    kind: 'staff-or-carer',
    strength: 'staff',
  },
  {
    re: new RegExp(
      `\\b(?:my|our|his|her|their|a|the)\\s+(?:(?:best|little|lil|wee|big|baby|older|younger|oldest|youngest|eldest|middle|twin|half|step|foster|new|old|ex|real|birth|other|only|one)[\\s-]+)*(?:${RELATIONS})\\s*(?:,\\s*|\\s+(?:called|named|is|was)\\s+|\\s+)$`,
      'i',
    ),
    kind: 'name',
    strength: 'relation',
  },
  { re: /\b(?:auntie|aunty|aunt|uncle|nanny|nana|grandma|grandad|cousin)\s+$/i, kind: 'name', strength: 'relation' },
  // "me and Tayo", "Jayden and me": a companion.
  { re: /\b(?:me|i)\s+and\s+$/i, kind: 'name', strength: 'relation' },
  {
    re: /\b(?:called|named|name\s+is|name's|name\s+was|names\s+are|(?:hi|hello|hiya|hey)[\s,]+(?:i'?m|i\s+am|it'?s|its|this\s+is))\s+["“‘']?$/i,
    kind: 'name',
    strength: 'naming',
  },
  // "miss" only with a capital: "I miss Jayden" is not a teacher.
  { re: /(?<![\p{L}])(?:[Mm]rs?|Miss|[Mm][sx]|[Dd]r|Sir)\.?\s+$/u, kind: 'staff-or-carer', strength: 'title' },
];

function cueBefore(text: string, start: number): Cue | null {
  const before = text.slice(Math.max(0, start - 60), start);
  for (const c of CUES) {
    const m = before.match(c.re);
    if (m) return { kind: c.kind, strength: c.strength, said: m[0].trim().replace(/[\s,]+$/, '') };
  }
  return null;
}

const PERSON_VERB_AFTER =
  /^\s+(?:said|says|told|tells|asked|asks|helped|helps|came|comes|was\s+my|is\s+my|and\s+i|and\s+me|gave|gives|took|takes|shouted|hit|moved|lives|lived|went|goes|rang|texted|messaged|cried|from\s+my)\b/i;

// After a name, words that say the person is staff or a carer: "Dave and Linda my foster carers".
const STAFF_AFTER = new RegExp(
  `^(?:\\s+and\\s+\\p{Lu}\\p{Ll}+)?,?\\s+(?:(?:(?:is|are|was|were)\\s+)?(?:my|our)\\s+(?:(?:new|old|kinship|main|respite|link|leaving\\s+care)\\s+)?(?:${STAFF_ROLES})\\b|from\\s+(?:the\\s+)?(?:leaving\\s+care|social\\s+services|fostering|youth\\s+offending|yot|camhs|[\\p{L}]+\\s+care|after\\s+care)(?:\\s+team)?\\b)`,
  'iu',
);

// Before a name, words that say it is an animal's or a toy's: "our dog Buster", "a rabbit called".
const PET_BEFORE =
  /\b(?:ci|gi|cath|gath|cwningen|dog|dogs|puppy|pup|cat|cats|kitten|rabbit|bunny|hamster|gerbil|guinea\s+pig|tortoise|turtle|horse|pony|budgie|parrot|fish|goldfish|snake|lizard|ferret|rat|mouse|chicken|hen|goat|pet|teddy|doll|car|bike)s?(?:,?\s+(?:she|he|it|they)(?:['’]s|\s+is|\s+was|\s+are)?)?(?:\s+(?:is|was))?(?:\s+(?:called|named|o['’]r\s+enw))?\s+(?:["“‘']\s*)?$/i;
// "the dog at the home is called Pepper": an animal, a few words, then its name.
const PET_NAMED_BEFORE =
  /\b(?:dog|puppy|cat|kitten|rabbit|bunny|hamster|gerbil|guinea\s+pig|tortoise|horse|pony|budgie|parrot|goldfish|snake|lizard|ferret)s?\b[^.!?\n]{0,30}?\b(?:is\s+|was\s+)?(?:called|named)\s+["“‘']?$/i;
const PET_AFTER =
  /^\s+the\s+(?:dog|cat|rabbit|hamster|guinea\s+pig|tortoise|horse|pony|puppy|kitten|fish|snake|budgie)\b/i;

// A nickname made of a size word and a name or an initial: "Big Dazza", "Tiny T", "Little Mo".
const SIZE_NICKNAME = /(?<![\p{L}])(?:Big|Little|Lil|Tiny|Young|Mad|Baby)\s+(\p{Lu}(?:\p{Ll}+)?)(?![\p{L}])/gu;
// The second word must be an initial, a listed name, or shaped like a nickname ("Dazza",
// "Jonno", "Macca"), so "Big Brother", "Young Carers" and "Baby Shark" are not nicknames.
const NICKNAME_SHAPE = /^\p{Lu}(?:\p{Ll}*(?:zza|zzy|cca|nno|ppy|zz)|\p{Ll}?)$/u;
// Between a given name and a surname: "Dylan ap Rhys", "Anne de Vries".
const PARTICLES = new Set(['ap', 'ab', 'van', 'von', 'de', 'da', 'di', 'du', 'le', 'la', 'bin', 'ibn', 'al', 'el']);

// Nicknames built from a name: "Jonesy", "Smithy", "Robbo", "Jonno", "Gazza", "Macca".
function isNameNickname(key: string): boolean {
  const named = (w: string) => GIVEN_NAMES.has(w) || SURNAMES.has(w);
  // A name and an ending: "Jonesy" (Jones), "Smithy", "Walshie".
  for (const end of ['sy', 'ie', 'y']) {
    const stem = key.slice(0, -end.length);
    if (key.endsWith(end) && stem.length >= 4 && named(stem)) return true;
  }
  // A doubled letter before the ending: "Robbo" (Rob), "Gazza" (Gaz), "Jonno" (Jon), "Macca" (Mac).
  const doubled = key.match(/^(\p{Ll}+?)(\p{Ll})\2(?:o|a|y)$/u);
  if (!doubled) return false;
  const stem = doubled[1]! + doubled[2]!;
  return stem.length >= 3 && (named(stem) || stem === 'mac');
}

// 'word': an ordinary English word; 'unknown': in no list at all, so most likely a name or a place.
type Category = 'local' | 'never' | 'ordinary' | 'name' | 'word' | 'unknown';

/** Whether a word (lower case) is a common English word, allowing for -s and -'s endings. */
export function isEnglishWord(key: string): boolean {
  return ENGLISH_WORDS_SET.has(key) || (key.endsWith('s') && ENGLISH_WORDS_SET.has(key.slice(0, -1)));
}

// Before a word, words that make it a place: towns do not identify ("moved to Rhyl").
const PLACE_BEFORE =
  /(?:^|[\s(])(?:in|to|from|near|into|outside|around|towards|via|through|visit|visited|visiting|yng|ym|i|o)\s+(?:the\s+)?$/i;
// Before a word, words that make it a song's, a show's or a thing's: "listen to Kendrick", "call it Nemo".
const MEDIA_BEFORE =
  /\b(?:listen(?:s|ed|ing)?\s+to|watch(?:es|ed|ing)?|fan\s+of|obsessed\s+with|call(?:ed)?\s+it|name(?:d)?\s+it|play(?:s|ed|ing)?|do|does|did|doing|learn(?:s|t|ed|ing)?)\s+(?:the\s+)?(?:\S+\s+(?:and|or|&)\s+)?$/i;
// After a word, words that make it a town's or an organisation's: "the Leeds forum".
const ORG_AFTER =
  /^\s+(?:council|city|county|town|united|rovers|forum|branch|office|area|team|fc|borough|centre|center|hospital|station|airport|beach|park|zoo|museum|library|uni|university|police|college|school|academy|high|primary|road|street|lane|avenue|close|drive|way|court|house|lodge|estate|towers?|hall|manor|farm|grange|cottage)\b/i;
// After a word, words that say it is a person's: "Tayo's nan", "Kez is my best mate".
const PERSON_AFTER = new RegExp(
  `^(?:['’]s\\s+(?:(?:little|big|lil|baby|older|younger|foster|step|half)\\s+)?(?:${RELATIONS}|mum|mam|dad|parents|social\\s+worker|sw|carers?|foster\\s+(?:carers?|mum|dad)|pa|key\\s?worker)\\b|\\s+(?:is|was)\\s+my\\s+(?:(?:best|foster|step|half|little|big|lil|twin|older|younger|new|old)\\s+)*(?:${RELATIONS})\\b|\\s+from\\s+(?:my|our)\\s+(?:old\\s+|new\\s+|last\\s+)?(?:home|school|class|forum|group|unit|placement|year|form|team|club|foster\\s+home)\\b)`,
  'iu',
);
// Before a word, words that say it is someone the writer is with or talks to: "a room with Maddie".
const COMPANY_BEFORE =
  /\b(?:(?:room|live|lives|lived|living|stay|stays|stayed|staying|hang\s+out|chill|chilling|friends|fell\s+out|argue|argued|arguing|share|shares|sharing|sat)\s+with|tell|ask|told|asked|texted|messaged|rang|phoned|ring|text|message|miss|missing|sit\s+next\s+to|sat\s+next\s+to)\s+$/i;
// After a word at the start of a sentence, what only a person does: "Deano got told off".
const DOER_AFTER =
  /^\s+(?:said|says|told|tells|asked|asks|helped|helps|keeps|kept|got|gets|wants|wanted|needs|needed|shouted|shouts|hit|hits|cried|cries|laughed|laughs|took|takes|came|comes|went|goes|rang|texted|messaged|moved|lives|lived|left|stole|steals|nicked|punched|kicked|swore|says|loves|hates|likes|misses|knows|thinks|thought|reckons|and\s+(?:me|i)\b)/i;

export function findNames(text: string, tokens: Token[], ctx: Compiled, protectedSpans: [number, number][], add: Add) {
  const category = (t: Token): Category => {
    if (ctx.localNames.has(t.key)) return 'local';
    if (protectedSpans.some(([s, e]) => s <= t.start && t.end <= e)) return 'never';
    if (NEVER_NAME_WORDS.has(t.key) || ctx.placeWords.has(t.key) || TITLES.has(t.key)) return 'never';
    if (t.key.endsWith('s') && NEVER_NAME_WORDS.has(t.key.slice(0, -1))) return 'never'; // "Saturdays"
    if (text[t.start - 1] === '#' || text[t.start - 1] === '@') return 'never'; // a hashtag; handles are checked apart
    if (ORDINARY_NAME_WORDS.has(t.key)) return 'ordinary';
    if (GIVEN_NAMES.has(t.key) || SURNAMES.has(t.key)) return 'name';
    // "Ellie-Mae", "Smith-Jones": every part a name (not all of them ordinary words).
    if (t.key.includes('-')) {
      const parts = t.key.split('-').filter(Boolean);
      const isName = (p: string) => GIVEN_NAMES.has(p) || SURNAMES.has(p) || ctx.localNames.has(p);
      if (parts.length > 1 && parts.every(isName))
        return parts.every((p) => ORDINARY_NAME_WORDS.has(p)) ? 'ordinary' : 'name';
      if (parts.length > 1 && t.capital && parts.some((p) => GIVEN_NAMES.has(p) && !ORDINARY_NAME_WORDS.has(p)))
        return 'name';
    }
    return isEnglishWord(t.key) || t.key.length < 3 ? 'word' : 'unknown';
  };
  // Typed all in small letters, case says nothing, so the words around a name must.
  const allLower = !/(?<![\p{L}])\p{Lu}\p{Ll}/u.test(text);
  const isSurname = (key: string) =>
    SURNAMES.has(key) || (key.includes('-') && key.split('-').every((p) => SURNAMES.has(p)));
  const adjacent = (a: Token, b: Token) => /^\s+$/.test(text.slice(a.end, b.start));

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
    const after = text.slice(t.end, t.end + 60);
    // Capitals only ("ISA", "LAC") are initials or an acronym: a name only as someone's company.
    const acronym = /^\p{Lu}{2,4}$/u.test(t.word);
    if (acronym && !(cue && cue.strength !== 'staff') && !/^\s+and\s+me\b/i.test(after)) continue;
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
    if (!flagged && cat === 'unknown' && t.capital && followedBySurname && !partOfOtherName(i)) {
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
        (t.capital && !t.capitalIsNoise && COMPANY_BEFORE.test(before));
      const positioned =
        (t.capital && !t.capitalIsNoise && !placeLike && !partOfOtherName(i)) ||
        (t.sentenceStart && (t.capital || allLower));
      if (doer && positioned) {
        flagged = true;
        why = `Looks like a name (${t.word}): someone who did or said something`;
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
      const lowerSurname = !t.capital && !n.capital && nc === 'name' && (given || isSurname(n.key));
      // "Dylan ap Rhys": a particle, then the surname.
      const particle = PARTICLES.has(n.word) && tokens[j + 1]?.capital && adjacent(n, tokens[j + 1]!);
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
    add(kind, start, end, why);
    i = j - 1;
  }

  for (const m of text.matchAll(SIZE_NICKNAME)) {
    const end = m.index + m[0].length;
    const key = m[1]!.toLowerCase();
    const named = (GIVEN_NAMES.has(key) || ctx.localNames.has(key)) && !ORDINARY_NAME_WORDS.has(key);
    if ((!named && !NICKNAME_SHAPE.test(m[1]!)) || NEVER_NAME_WORDS.has(key)) continue;
    if (protectedSpans.some(([s, e]) => s <= m.index && end <= e)) continue;
    if (PET_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index)) || PET_AFTER.test(text.slice(end, end + 20)))
      continue;
    add('name', m.index, end, `Looks like a nickname (${m[0]})`);
  }

  // "Mrs P", "Mr. K": a title and an initial.
  for (const m of text.matchAll(
    /(?<![\p{L}])(?:[Mm]rs?|Miss|[Mm][sx]|[Dd]r|Sir)\.?\s+(\p{Lu})(?![\p{L}\p{N}'’])\.?/gu,
  )) {
    if (PET_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    add('staff-or-carer', m.index, m.index + m[0].length, `Looks like a member of staff or a carer (${m[0]})`);
  }

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
      if (c === 'never' || c === 'unknown' || c === 'word') return true;
    }
    return false;
  }
}
