// What the words around a word say about it, for the names check (identifiers-names.ts): cues
// before a name ("my social worker", "called", "Mrs"), words after it that only a person does,
// and the words that make it a pet's, a place's or a show's instead.
import { GIVEN_NAMES, SURNAMES } from './identifiers-data.js';
import type { Token } from './identifiers-tokens.js';

export type Cue = {
  kind: 'name' | 'staff-or-carer';
  strength: 'naming' | 'nickname' | 'relation' | 'staff' | 'title';
  said: string;
};

export const RELATIONS =
  'friends?|mates?|bestie|bezzie|bezzy|bessie|bestmate|pal|buddy|bff|bf|gf|boyfriend|girlfriend|partner|brother|sister|bro|sis|cousin|son|daughter|niece|nephew|auntie|aunty|aunt|uncle|nan|nana|nanny|gran|grandma|grandad|grandpa|stepdad|stepmum|step-dad|step-mum|sibling|kid|child|baby|neighbour|flatmate|housemate|roommate';
export const STAFF_ROLES =
  'advocate|deputy(?:\\s+manager)?|(?:night|day|waking\\s+night)\\s+staff|team\\s+leader|independent\\s+visitor|social\\s+worker|sw|foster\\s+carers?|foster\\s+mum|foster\\s+mam|foster\\s+dad|foster\\s+parents?|carers?|key\\s?worker|support\\s+worker|personal\\s+advis[eo]r|pa|iro|independent\\s+reviewing\\s+officer|teacher|form\\s+tutor|tutor|head\\s?teacher|head\\s+of\\s+year|mentor|manager|home\\s+manager|residential\\s+worker|youth\\s+worker|leaving\\s+care\\s+worker|therapist|counsellor|nurse|doctor|advocate|independent\\s+visitor|solicitor|coach|staff\\s+member|worker|psychologist|family\\s+support\\s+worker|link\\s+worker|teaching\\s+assistant|senco|supervisor|lawyer|officer';
export const CUES: { re: RegExp; kind: Cue['kind']; strength: Cue['strength'] }[] = [
  {
    re: /\b(?:nick\s?name(?:\s+(?:at|in|from|for|on)\s+(?:[\p{L}']+\s+){0,2}?[\p{L}']+)?\s*(?:is|was|'s|:)|nick\s?named(?:\s+(?:me|him|her))?|call(?:s|ed)?\s+(?:me|him|her|them|myself)|(?:every\s*one|everybody|people|they\s+all|the\s+(?:kids|lads|girls|staff))\s+calls?|known\s+as|goes\s+by|go\s+by|went\s+by)\s+["“‘']?$/iu,
    kind: 'name',
    strength: 'nickname',
  },
  {
    re: new RegExp(
      `\\b(?:${STAFF_ROLES})(?:\\s+(?:at|from|in|of)\\s+(?:the|our|my)\\s+[\\p{L}']+)?\\s*(?:,\\s*|\\(\\s*|[=:]\\s*|\\s+(?:(?:is|are)\\s+)?(?:called|named)\\s+|\\s+(?:is|was|are|were)\\s+|\\s+)(?:(?:my|our)\\s+)?(?:(?:auntie|aunty|aunt|uncle|nan|nana|nanny|gran|grandma|grandad|cousin)\\s+)?$`,
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
  {
    re: /\b(?:auntie|aunty|aunt|uncle|nanny|nana|grandma|grandad|grandpa|granny|grampa|gramps|grampy|nain|taid|mamgu|tadcu|cousin)\s+$/i,
    kind: 'name',
    strength: 'relation',
  },
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

export function cueBefore(text: string, start: number): Cue | null {
  const before = text.slice(Math.max(0, start - 60), start);
  for (const c of CUES) {
    const m = before.match(c.re);
    if (m) return { kind: c.kind, strength: c.strength, said: m[0].trim().replace(/[\s,]+$/, '') };
  }
  return null;
}

export const PERSON_VERB_AFTER =
  /^\s+(?:said|says|told|tells|asked|asks|helped|helps|came|comes|was\s+my(?!\s+fav)|is\s+my(?!\s+fav)|and\s+i|and\s+me|gave|gives|took|takes|shouted|hit|moved|lives|lived|went|goes|rang|texted|messaged|cried|from\s+my)\b/i;

// After a name, words that say the person is staff or a carer: "Dave and Linda my foster carers".
export const STAFF_AFTER = new RegExp(
  `^(?:\\s+and\\s+\\p{Lu}\\p{Ll}+)?(?:\\s*[,(]\\s*|\\s+)(?:on\\s+(?:nights|days|lates|earlies|(?:the\\s+)?(?:night|late|early|day|weekend|waking\\s+night)\\s+shift|shift)\\b|(?:(?:is|are|was|were)\\s+)?(?:my|our|the)\\s+(?:(?:new|old|kinship|main|respite|link|leaving\\s+care)\\s+)?(?:${STAFF_ROLES})\\b|from\\s+(?:the\\s+)?(?:leaving\\s+care|social\\s+services|fostering|youth\\s+offending|yot|camhs|[\\p{L}]+\\s+care|after\\s+care)(?:\\s+team)?\\b)`,
  'iu',
);

// Before a name, words that say it is an animal's or a toy's: "our dog Buster", "a rabbit called".
export const PET_BEFORE =
  /\b(?:ci|gi|cath|gath|cwningen|dog|dogs|puppy|pup|cat|cats|kitten|rabbit|bunny|hamster|gerbil|guinea\s+pig|tortoise|turtle|horse|pony|budgie|parrot|fish|goldfish|snake|lizard|ferret|rat|mouse|chicken|hen|goat|pet|teddy|doll|car|bike)s?(?:,?\s+(?:she|he|it|they)(?:['’]s|\s+is|\s+was|\s+are)?)?(?:\s+(?:is|was))?(?:\s+(?:called|named|o['’]r\s+enw))?\s+(?:["“‘']\s*)?$/i;
// "the dog at the home is called Pepper": an animal, a few words, then its name.
export const PET_NAMED_BEFORE =
  /\b(?:dog|puppy|cat|kitten|rabbit|bunny|hamster|gerbil|guinea\s+pig|tortoise|horse|pony|budgie|parrot|goldfish|snake|lizard|ferret)s?\b[^.!?\n]{0,30}?\b(?:is\s+|was\s+)?(?:called|named)\s+["“‘']?$/i;
export const PET_AFTER =
  /^\s+the\s+(?:caterpillar|tank\s+engine|builder|bear|frog|pig|elephant|dinosaur|unicorn|dragon|dog|cat|rabbit|hamster|guinea\s+pig|tortoise|horse|pony|puppy|kitten|fish|snake|budgie)\b/i;

// A nickname made of a size word and a name or an initial: "Big Dazza", "Tiny T", "Little Mo".
export const SIZE_NICKNAME = /(?<![\p{L}])(?:Big|Little|Lil|Tiny|Young|Mad|Baby)\s+(\p{Lu}(?:\p{Ll}+)?)(?![\p{L}])/gu;
// The second word must be an initial, a listed name, or shaped like a nickname ("Dazza",
// "Jonno", "Macca"), so "Big Brother", "Young Carers" and "Baby Shark" are not nicknames.
export const NICKNAME_SHAPE = /^\p{Lu}(?:\p{Ll}*(?:zza|zzy|cca|nno|ppy|zz)|\p{Ll}?)$/u;
// Between a given name and a surname: "Dylan ap Rhys", "Anne de Vries".
export const PARTICLES = new Set([
  'ap',
  'ab',
  'van',
  'von',
  'de',
  'da',
  'di',
  'du',
  'le',
  'la',
  'bin',
  'ibn',
  'al',
  'el',
]);

// Nicknames built from a name: "Jonesy", "Smithy", "Robbo", "Jonno", "Gazza", "Macca".
export function isNameNickname(key: string): boolean {
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

// Before a word, words that make it a place: towns do not identify ("moved to Rhyl").
export const PLACE_BEFORE =
  /(?:^|[\s(])(?:in|to|from|near|into|outside|around|towards|via|through|visit|visited|visiting|yng|ym|i|o)\s+(?:the\s+)?$/i;
// Before a word, words that make it a song's, a show's or a thing's: "listen to Kendrick", "call it Nemo".
export const MEDIA_BEFORE =
  /\b(?:listen(?:s|ed|ing)?\s+to|watch(?:es|ed|ing)?|fan\s+of|obsessed\s+with|call(?:ed)?\s+it|name(?:d)?\s+it|play(?:s|ed|ing)?|do|does|did|doing|learn(?:s|t|ed|ing)?)\s+(?:the\s+)?(?:\S+\s+(?:and|or|&)\s+)?$/i;
// After a word, words that make it a town's or an organisation's: "the Leeds forum".
export const ORG_AFTER =
  /^\s+(?:council|city|county|town|united|rovers|forum|branch|office|area|team|fc|borough|centre|center|hospital|station|airport|beach|park|zoo|museum|library|uni|university|police|college|school|academy|high|primary|road|street|lane|avenue|close|drive|way|court|house|lodge|estate|towers?|hall|manor|farm|grange|cottage)\b/i;
// After a word, words that say it is a person's: "Tayo's nan", "Kez is my best mate".
export const PERSON_AFTER = new RegExp(
  `^(?:\\s*[,(]?\\s*(?:my|our)\\s+(?:(?:best|little|lil|big|baby|older|younger|twin|step|half|foster)\\s+)*(?:${RELATIONS})\\b|['’]s\\s+(?:(?:little|big|lil|baby|older|younger|foster|step|half)\\s+)?(?:${RELATIONS}|mum|mam|dad|parents|social\\s+worker|sw|carers?|foster\\s+(?:carers?|mum|dad)|pa|key\\s?worker)\\b|\\s+(?:is|was)\\s+my\\s+(?:(?:best|foster|step|half|little|big|lil|twin|older|younger|new|old)\\s+)*(?:${RELATIONS})\\b|\\s+from\\s+(?:my|our)\\s+(?:old\\s+|new\\s+|last\\s+)?(?:home|school|class|forum|group|unit|placement|year|form|team|club|foster\\s+home)\\b)`,
  'iu',
);
// Before a word, words that say it is someone the writer is with or talks to: "a room with Maddie".
export const COMPANY_BEFORE =
  /\b(?:(?:facetime|video\s+call|time|contact|visits?|talk|talks|talked|speak|speaks|spoke|chat|chats|chatted)\s+(?:with|to)|(?:room|live|lives|lived|living|stay|stays|stayed|staying|hang\s+out|chill|chilling|friends|fell\s+out|argue|argued|arguing|share|shares|sharing|sat)\s+with|tell|ask|told|asked|texted|messaged|rang|phoned|ring|text|message|miss|missing|sit\s+next\s+to|sat\s+next\s+to)\s+$/i;
// After a word at the start of a sentence, what only a person does: "Deano got told off".
export const DOER_AFTER =
  /^\s+(?:(?:can|could|will|should)\s+come\b|comes?\s+to\s+(?:my|the|our)\b|is\s+coming\b|says\s+hi\b|said\s+hi\b|teaches|taught|cooks|does\s+my|said|says|told|tells|asked|asks|helped|helps|keeps|kept|got|gets|wants|wanted|needs|needed|shouted|shouts|hit|hits|cried|cries|laughed|laughs|took|takes|came|comes|went|goes|rang|texted|messaged|moved|lives|lived|left|stole|steals|nicked|punched|kicked|swore|says|loves|hates|likes|misses|knows|thinks|thought|reckons|and\s+(?:me|i)\b)/i;

// Everyday Welsh words: two of them and the words are read as Welsh.
const WELSH_EVERYDAY = new Set(
  `ni yn ddim dyma dyna mae wyt ti chi nhw rydyn rydw dwi ydy ydw oedd roedd achos oherwydd ond ac
  gyda efo hefyd fy ein eich y yr i'r o'r eisiau isio moyn gallu allwn wnaethon plant ysgol`.split(/\s+/),
);
/** Written in Welsh, these are words, not the English names they look like: "pam" is "why". */
export const WELSH_NOT_NAMES: ReadonlySet<string> = new Set(['pam', 'mae']);

export function readsAsWelsh(tokens: readonly Token[]): boolean {
  const seen = new Set(tokens.map((t) => t.key).filter((k) => WELSH_EVERYDAY.has(k)));
  return seen.size >= 2;
}

// Welsh words that may follow a name in small letters and are no surname: "gethin wedi mynd".
export const WELSH_AFTER_NAME = new Set(
  'wedi mynd efo gyda hefyd felly achos roedd oedd mae dwi dych ddim heddiw yfory'.split(' '),
);

/** A show's, a song's or an organisation's name, or a town: "watching gavin and stacey", "Will
 *  Smith films", "in Paris", "the Prince's Trust". */
export function notAPerson(text: string, t: Token, before: string): boolean {
  const rest = text.slice(t.end, t.end + 40);
  const workOf = /^\s+(?:\p{Lu}\p{Ll}+\s+)?(?:films?|movies?|songs?|music|videos?|albums?|books?|concerts?|tracks?)\b/u;
  const title = MEDIA_BEFORE.test(before) && (/^\s+(?:and|&)\s/.test(rest) || /\b(?:and|&)\s+$/.test(before));
  const town = /(?:^|\s)(?:in|yng|ym)\s+$/i.test(before) && !/^['’]s\b/.test(rest);
  const organisation = /\bthe\s+$/i.test(before) && /^['’]s\s+\p{Lu}/u.test(rest);
  // "Rhod Gilbert on the telly", "on Blue Peter": someone famous, or a show.
  const onScreen =
    /^\s+(?:\p{Lu}\p{Ll}+\s+)?(?:is\s+|was\s+)?on\s+(?:the\s+)?(?:telly|tv|radio|youtube|netflix|\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+)\b/u.test(
      rest,
    ) ||
    (/\bon\s+$/.test(before) && t.capital && /^\s+\p{Lu}\p{Ll}+/u.test(rest));
  // "go to Florida": people travel to places; to a person, only to their house ("to Tia's").
  const travel =
    /\b(?:go|goes|going|went|gone|been|travel|travelled|fly|flew|move|moved|moving|holiday|trip)\s+to\s+$/i.test(
      before,
    ) && !/^['’]s\b/.test(rest);
  return workOf.test(rest) || title || town || organisation || onScreen || travel;
}
