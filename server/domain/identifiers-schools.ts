// Schools in the identifier check: named schools ("Oakfield Primary", "St Mary's", "Ysgol Bro
// Teifi", "at riverside primary", "the senco at hillcrest"), never the generic words ("my school",
// "big school", "i'r ysgol yn hwyr").
import type { Add } from './identifiers.js';
import { GENERIC_SCHOOL_WORDS, GIVEN_NAMES, NEVER_NAME_WORDS, SURNAMES } from './identifiers-data.js';
import { isEnglishWord, type Token } from './identifiers-tokens.js';
import { isUnlistedWord, namedRun } from './identifiers-places.js';

const SCHOOL_SUFFIX =
  /^(?:Academy|Acadamy|Accademy|High School|High|Primary School|Primary|Primery|Primry|Infant School|Infants|Infant|Junior School|Juniors|Junior|Comp|Secondary School|Secondary|School|College|Grammar School|Grammar|Comprehensive|Sixth Form|Prep|Nursery|PRU)$/i;

const LOWER_SCHOOL_ADJECTIVES = new Set(
  `normal different another any every each which posh rubbish proper real regular nearest good bad
  same special mainstream local new old big little small nice horrible strict`.split(/\s+/),
);

const SCHOOL_IN_TOWN =
  /\bthe\s+(?:grammar|comp|comprehensive|academy|high|high\s+school|primary|primary\s+school|juniors|infants|secondary|secondary\s+school|catholic\s+school|welsh\s+school|church\s+school|special\s+school|ysgol)\s+(?:in|at)\s+\p{Lu}[\p{L}'-]+/gu;
// Welsh schools: "Ysgol Gyfun Cwm Glas", "Ysgol Bryn Teg".
const WELSH_SCHOOL =
  /(?<![\p{L}])(?:[Yy]sgol|[Cc]oleg)\s+(?:(?:Gyfun|Gynradd|Uwchradd|Feithrin|Arbennig|Babanod|Iau)\s+)?\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:y|yr|'r|ar|o|a)\s+)?\p{Lu}[\p{L}'’-]*){0,3}/gu;
// In small letters: "at st cuthberts", a saint's school or church named by where a child goes.
const LOWER_SAINT_PLACE = /\b(?:at|to|from)\s+(?:st|saint)\.?\s+\p{Ll}[\p{L}'’]+/gu;
const LOWER_SAINT_SCHOOL =
  /\b(?:st|saint)\.?\s+\p{L}[\p{L}']+\s+(?:primary|primery|prim|juniors?|infants?|high|school|skool|academy|college|rc|c\s+of\s+e)\b/giu;

// Welsh schools in small letters: "ysgol bro teifi", "ysgol y graig". One of the words after must be
// no English word and no everyday Welsh one, and the words before must say a child goes there,
// so "ysgol is hard" and "i'r ysgol yn hwyr" are not schools.
const WELSH_EVERYDAY = new Set(
  'yn ond a ac i o ni fi fy ei eu am ar gyda newydd heddiw fawr fach nawr wedi bob dydd'.split(' '),
);
const LOWER_WELSH_SCHOOL =
  /\b(?:at|to|from|in|of|attend|attends|attended|joined|left|hated|loved)\s+(?:ysgol|coleg)\s+(?:(?:gyfun|gynradd|uwchradd|feithrin|arbennig|babanod|iau)\s+)?(?:(?:y|yr)\s+)?(\p{Ll}[\p{Ll}'’-]+)(?:\s+(\p{Ll}[\p{Ll}'’-]+))?/gu;
// A Welsh place name before a school's word: "pen y bryn primary", "Bryn yr Eos Comp".
const WELSH_NAMED_SCHOOL =
  /(?<![\p{L}])\p{L}[\p{L}'’-]+\s+(?:y|yr)\s+\p{L}[\p{L}'’-]+\s+(?:primary|high|comp|comprehensive|school|academy|juniors?|infants?)\b/giu;
// Who is at a school, then a word in no list: "the senco at hillcrest", "the teachers at Brynmor".
const STAFF_AT_SCHOOL =
  /\b(?:senco|head\s*teacher|headteacher|head|teachers?|tutor|pupils|uniform|class|form|school|skool|college|sixth\s+form|lessons|bullies|bullying|pep(?:\s+meetings?)?|year\s+\d{1,2}s?|detentions?|exclusions?)\s+(?:at|in|from)\s+(\p{L}[\p{L}'’-]+)/dgiu;
// Before a school's name in small letters, words that say a child goes or went there.
const GOES_TO =
  /^(?:at|to|from|go|goes|went|going|hated|hate|love|loved|left|leaving|joined|attend|attends|attended|started|starting)$/;
// Words that make "<word> primary" a school whatever the word: a school's own word, not "school".
const NAMED_SUFFIX =
  /^(?:primary|primery|primry|high|academy|acadamy|accademy|comp|comprehensive|juniors?|infants?|grammar)$/;

// Catholic and church schools named after a person: "i go to bishop hedley", "Cardinal Newman".
const NAMED_FOR_PERSON =
  /\b(?:at|to|from|of|go|goes|went|attend|attends|attended|joined|left)\s+((?:bishop|cardinal|archbishop|pope|father|blessed)\s+\p{L}[\p{L}'’-]{2,})/dgiu;
// "my school is Tregib", "my school's called brynmawr": a word in no list.
const MY_SCHOOL_IS =
  /\bmy\s+(?:school|primary|college|comp|academy|high\s+school|sixth\s+form|old\s+school|new\s+school)(?:['’]s|\s+is|\s+was)\s+(?:called\s+)?(\p{L}[\p{L}'’-]+)/dgiu;

// With capitals and no other words: "Bishop Vaughan", "Cardinal Newman" (not "Bishop of Llandaff").
const NAMED_FOR_PERSON_CAPITAL =
  /(?<![\p{L}])((?:Bishop|Cardinal|Archbishop|Blessed)\s+\p{Lu}\p{Ll}{2,})(?![\p{L}])/dgu;
// "in year 9 at Brynteg", "year 11 at parkfield": a school by the year a child is in there.
const YEAR_AT = /\byear\s+\d{1,2}\s+(?:at|in)\s+(\p{L}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)/dgiu;

export function findSchools(text: string, tokens: Token[], add: Add) {
  for (const m of text.matchAll(NAMED_FOR_PERSON_CAPITAL)) {
    const [s, e] = m.indices![1]!;
    add('school', s, e, `Looks like the name of a school (${m[1]})`);
  }
  for (const m of text.matchAll(YEAR_AT)) {
    const [s, e] = m.indices![1]!;
    const first = m[1]!.split(/\s+/)[0]!;
    if (GENERIC_SCHOOL_WORDS.has(first.toLowerCase()) || NEVER_NAME_WORDS.has(first.toLowerCase())) continue;
    if (!isUnlistedWord(first) && !(/^\p{Lu}/u.test(first) && !isEnglishWord(first.toLowerCase()))) continue;
    add('school', s, e, `Looks like the name of a school (${m[1]})`);
  }
  for (const m of text.matchAll(NAMED_FOR_PERSON)) {
    const [s, e] = m.indices![1]!;
    add('school', s, e, `Looks like the name of a school (${m[1]})`);
  }
  for (const m of text.matchAll(MY_SCHOOL_IS)) {
    const [s, e] = m.indices![1]!;
    if (isEnglishWord(m[1]!.toLowerCase()) || !isUnlistedWord(m[1]!)) continue;
    add('school', s, e, `Looks like the name of a school (${m[1]})`);
  }
  for (const re of [SCHOOL_IN_TOWN, LOWER_SAINT_SCHOOL, WELSH_SCHOOL, LOWER_SAINT_PLACE, WELSH_NAMED_SCHOOL]) {
    for (const m of text.matchAll(re)) add('school', m.index, m.index + m[0].length, `Looks like a school (${m[0]})`);
  }
  for (const m of text.matchAll(LOWER_WELSH_SCHOOL)) {
    const words = [m[1]!, m[2]].filter((w): w is string => !!w);
    if (!words.some((w) => !isEnglishWord(w) && !GENERIC_SCHOOL_WORDS.has(w) && !WELSH_EVERYDAY.has(w))) continue;
    if (WELSH_EVERYDAY.has(words[0]!)) continue;
    // End at the last word that is no English word: "ysgol y graig but now" ends at "graig".
    const last = m[2] && !isEnglishWord(m[2]) ? m[0].length : m[0].length - (m[2] ? m[2].length + 1 : 0);
    const start = m.index + m[0].search(/ysgol|coleg/);
    const end = m.index + m[0].slice(0, last).trimEnd().length;
    add('school', start, end, `Looks like a Welsh school (${text.slice(start, end)})`);
  }
  for (const m of text.matchAll(STAFF_AT_SCHOOL)) {
    const [s, e] = m.indices![1]!;
    if (!isUnlistedWord(m[1]!) || GIVEN_NAMES.has(m[1]!.toLowerCase())) continue;
    add('school', s, e, `Looks like the name of a school (${m[1]})`);
  }
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
    if (first === null && allLower && i >= 2 && GOES_TO.test(tokens[i - 2]!.key)) {
      const w = tokens[i - 1]!.key;
      // An everyday word ("move school", "big school") is not a school's name, unless the word
      // after is one only a school's name has: "at riverside primary", not "at night school".
      const everyday = isEnglishWord(w) && !NAMED_SUFFIX.test(t.key);
      if (!GENERIC_SCHOOL_WORDS.has(w) && !LOWER_SCHOOL_ADJECTIVES.has(w) && !everyday) first = i - 1;
    }
    // A word in no list before a school's own word: "everyone at greenvale high knows".
    if (first === null && allLower && i >= 1 && NAMED_SUFFIX.test(t.key)) {
      const w = tokens[i - 1]!;
      if (isUnlistedWord(w.word) && !GIVEN_NAMES.has(w.key) && !SURNAMES.has(w.key)) first = i - 1;
    }
    // Two words: "at ashton park primary", neither of them a generic word.
    if (first === null && allLower && i >= 3 && NAMED_SUFFIX.test(t.key) && GOES_TO.test(tokens[i - 3]!.key)) {
      const ws = [tokens[i - 2]!.key, tokens[i - 1]!.key];
      if (!ws.some((w) => GENERIC_SCHOOL_WORDS.has(w) || LOWER_SCHOOL_ADJECTIVES.has(w) || NEVER_NAME_WORDS.has(w)))
        first = i - 2;
    }
    if (first === null) continue;
    const lowerSuffix = !/^\p{Lu}/u.test(t.word);
    // "Boring school..." at the start of a sentence is no name; "Brynteg school is..." is.
    if (lowerSuffix && first === i - 1 && tokens[first]!.sentenceStart && !isUnlistedWord(tokens[first]!.word))
      continue;
    if (tokens.slice(first, i).some((w) => NEVER_NAME_WORDS.has(w.key))) continue;
    const name = text.slice(tokens[first]!.start, suffixEnd);
    add('school', tokens[first]!.start, suffixEnd, `Looks like the name of a school (${name})`);
    if (twoWords && suffixEnd === two!.end) i++;
  }
}
