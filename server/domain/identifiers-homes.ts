// Homes in the identifier check: children's homes and house names ("Maple Lodge", "The Willows",
// "Tŷ Derw", "at Fernlea"), by their words or by what the sentence says of them, never the
// generic words ("the children's home"). Streets are in identifiers-places.ts.
import type { Add } from './identifiers.js';
import {
  GENERIC_PLACE_WORDS,
  GIVEN_NAMES,
  NEVER_NAME_WORDS,
  ORDINARY_NAME_WORDS,
  SURNAMES,
} from './identifiers-data.js';
import { HOME_SUFFIX, isUnlistedWord, namedRun } from './identifiers-places.js';
import { isEnglishWord, isSentenceStart, type Token } from './identifiers-tokens.js';

// House names of the kind children's homes and houses carry: "The Willows", "the Beeches".
const HOUSE_NAME =
  /\b[Tt]he\s+(Willows|Beeches|Oaks|Elms|Limes|Laurels|Firs|Cedars|Pines|Hollies|Birches|Maples|Rowans|Poplars|Larches|Yews|Chestnuts|Sycamores|Acorns|Meadows|Orchards|Gables|Grange|Paddocks|Lindens|Heathers|Ferns|Briars|Brambles|Hawthorns|Junipers|Magnolias|Lilacs|Laburnums|Cherries|Spinney|Coppice|Hollows|Willow|Firs|Old\s+Rectory|Old\s+Vicarage|Lodge|Cottage|Manor|Haven|Nest|Anchorage|Croft)\b/gu;
// "<tree or plant> house", typed in small letters: "willow house", "oak lodge".
const HOUSE_STEM =
  'oak|elm|ash|willow|beech|maple|birch|rowan|cedar|holly|ivy|rose|hazel|pine|larch|yew|laurel|primrose|bluebell|heather|meadow|brook|orchard|cherry|apple|chestnut|sycamore|hawthorn|poplar|linden|lime|fir|fern|daisy|lily|lavender|thistle|acorn|bramble|juniper|magnolia|lilac|laburnum|woodland|riverside|hillside|oakwood|elmwood|ashwood|redwood|greenacre|fairview';
const LOWER_HOUSE = new RegExp(
  `\\b(?:${HOUSE_STEM})\\s+(?:(?:view|court|bank|side|field|grove)\\s+)?(?:house|lodge|cottage|grange|manor|hall|court|view|place)\\b`,
  'g',
);
// A word in no list before a home's word, in small letters: "larkhill cottage", "the meadowbank unit".
const UNKNOWN_HOUSE = /(?<![\p{L}])(\p{Ll}[\p{Ll}'’-]{3,})\s+(?:house|lodge|cottage|grange|manor|unit|hall)\b/gu;
// Welsh homes in small letters: "ty gwyn", "cartref y dderwen". "ty" is also "thank you" in text
// speak, so the word after must be no English word.
const LOWER_WELSH_HOME =
  /(?<![\p{L}])(?:tŷ|ty|cartref|plas|hafod|bwthyn|llys)\s+(?:(?:y|yr)\s+)?(\p{Ll}[\p{Ll}'’-]{2,})/gu;
// "moving from The Sidings", "at The Maltings": "The" with a capital mid-sentence names a place.
const THE_PLURAL_PLACE =
  /\b(?:at|from|into|(?:moved|moving|move|placed|sent|back|went|going|gone)\s+to)\s+(The\s+\p{Lu}\p{Ll}+s)\b/dgu;
// Capitalised, after "at" or "from": "way better at Fernlea", a word in no list and no name, built
// the way English house and home names are ("-lea", "-field", "-croft"), so not a brand ("at
// Cineworld") or a shop.
const HOME_NAME_ENDING =
  'lea|ley|leigh|field|fields|wood|woods|dene|dean|croft|hurst|stone|stones|side|bank|banks|brook|mount|view|holme|garth|acre|acres|haven|dale|mead|meadows?|lands|grove|ridge|crest|moor|mere|combe|thorn|thorns|hollow|cliffe|lyn|lynn';
// The same in small letters, where only a word in no list counts: "a new kitchen at brookside".
const AT_LOWER_UNKNOWN = new RegExp(`\\b(?:at|from)\\s+(\\p{Ll}{3,}(?:${HOME_NAME_ENDING}))\\b`, 'dgu');
// Welsh names "Gwel y Môr", "Pen-y-Bryn" after "at" or "from": a house or a home, or else a
// village, which the worker can tell apart (towns on the list of places are left alone).
const AT_WELSH_NAME =
  /\b(?:at|from|(?:moved|moving|move|placed|sent)(?:\s+(?:me|us|him|her|them))?\s+(?:to|into))\s+(\p{Lu}\p{Ll}+[\s-](?:y|yr)[\s-]\p{L}\p{Ll}+)(?![\p{L}])/dgu;
const AT_CAPITAL_UNKNOWN =
  /\b(?:at|from)\s+(\p{Lu}\p{Ll}{2,}(?:lea|ley|leigh|field|fields|wood|woods|dene|dean|croft|hurst|stone|stones|side|bank|banks|brook|mount|view|holme|garth|acre|acres|haven|dale|mead|meadows?|lands|grove|ridge|crest|moor|mere|combe|thorn|thorns|hollow|cliffe|lyn|lynn))\b(?!\s+\p{Lu})/dgu;

// The same in small letters, where the words say it is a place: "back at the willows".
const LOWER_HOUSE_NAME =
  /\b(?:at|in|to|from|called|named|into|outside)\s+(the\s+(?:willows|beeches|laurels|hollies|gables|grange|paddocks|spinney|elms|meadows|orchards|cedars|larches|rowans|poplars|sycamores|hawthorns|lindens|laburnums|oaks|limes|firs|pines|birches|maples|chestnuts|acorns|heathers|briars|brambles|junipers|magnolias|lilacs|laburnums|hollows|yews|coppice|sidings|maltings|rookery|old\s+(?:rectory|vicarage|mill|forge|bakery|dairy|chapel|school\s*house)))\b/dg;

const WELSH_HOME =
  /(?<![\p{L}])(?:(?:Tŷ|Ty|Cartref|Plas|Hafod|Bwthyn|Llys)\s+\p{Lu}[\p{L}'-]*(?:\s+(?:yr|y|ar|'r|o)?\s*\p{Lu}[\p{L}'-]*){0,2}|Y\s+Bwthyn|Yr\s+Hafod)(?![\p{L}])/gu;
const NAMED_AS_HOME =
  /(?<![\p{L}])(\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)?)\s+(?:is|was|'s)\s+(?:the|a|my|our)\s+(?:[\p{L}'-]+\s+){0,3}?(?:home|children's\s+home|childrens\s+home|care\s+home|unit|residential|placement)\b/dgu;
// "Brackenfield is where I live", "my home is called rosebank": a home by what the words say of it.
const WHERE_I_LIVE =
  /(?<![\p{L}])(\p{L}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)\s+(?:is|was)\s+where\s+(?:i|we)\s+(?:live|lived|stay|stayed|got\s+placed|was\s+placed|grew\s+up)\b/dgiu;
const HOME_CALLED =
  /\b(?:my|our|the)\s+(?:home|unit|placement|children['’]?s\s+home|childrens\s+home|care\s+home|house|cottage)\s+(?:is\s+|was\s+)?(?:called|named)\s+(\p{L}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)/dgiu;
// "At" a home, "in" a town: "placed in Aberystwyth" is a town, and towns do not identify.
const LIVING_AT =
  /\b(?:i'm|im|i\s+am|i\s+was|we're|we\s+are|living|live|lived|life|staying|stayed|moved|placed|placement|back|everyone|staff|kids|manager|people)\s+(?:at|back\s+at|back\s+to)\s+(\p{Lu}[\p{Ll}'-]+(?:\s+\p{Lu}[\p{Ll}'-]+)?)(?=\s+(?:now|and|but|is|are|was|gets?|get|has|have|since|because|cos|it|its|they|we|i)\b|[,.!?]|$)/dgu;
// In small letters with the words to say so: "at brookfield (the childrens home not the school)".
const LOWER_HOME =
  /\b(?:at|to|from|in)\s+(\p{L}[\p{L}'-]+)\s*[(,-]\s*(?:the|a|our|my)\s+(?:children'?s\s+home|care\s+home|home|unit)\b/dgu;

// "life at Rookwood", "the staff at ashdene": a word in no list, where the words say people live.
const AT_UNKNOWN_HOME =
  /\b(?:life|living|live|lived|lives|staying|stay|stayed|placed|staff|manager|kids|people|everyone|food|rules|carers|workers|back)\s+(?:at|in)\s+(\p{L}[\p{L}'’-]+)(?:['’]s)?\b/dgiu;
// "Larkspur the care home", "Greystones (children's home)".
const NAME_THEN_HOME =
  /(?<![\p{L}])(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)\s*[,(-]?\s*(?:the|a|our|my)\s+(?:care|children['’]?s|childrens|residential|kids)\s+home\b/dgu;

// "my residential, Sandpiper, is...", "the unit (Brambles)": a home named beside the word for it.
const HOME_THEN_NAME =
  /\b(?:home|unit|residential|placement|respite(?:\s+(?:place|home|unit))?|hostel|supported\s+lodgings|children['’]?s\s+home|care\s+home|semi[-\s]independent(?:\s+(?:flat|flats|place|unit))?)\s*(?:,|\(|-)\s*(?:called\s+)?(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})\s*(?:,|\)|-)/dgu;
// "go back to Glasfryn": a word in no list that one goes back to is a home (towns are listed).
const BACK_TO =
  /\b(?:go|going|went|gone|move|moving|moved|get|sent|placed)\s+(?:me\s+|us\s+)?back\s+(?:to|at)\s+(\p{Lu}\p{Ll}{3,})(?![\p{L}'’-])/dgu;
// "in Foxglove the rules are stupid": a capitalised name, then the home's rules, staff or kids.
const IN_HOME_THE =
  /\b(?:in|at)\s+(\p{Lu}\p{Ll}{3,}(?:\s+\p{Lu}\p{Ll}+)?)\s*,?\s+(?:the\s+)?(?:rules|staff|carers|kids|manager|food|night\s+staff)\b/dgu;
// "the old vicarage (thats what the home is called)".
const WHAT_IT_IS_CALLED =
  /(?<![\p{L}])((?:the\s+)?\p{L}[\p{L}'’-]+(?:\s+\p{L}[\p{L}'’-]+){0,2})\s*[(,-]?\s*(?:that['’]?s|thats|which\s+is|is)\s+what\s+(?:the|my|our)\s+(?:home|house|unit|place|placement)\s+is\s+called/dgiu;
// "Willowbrook's garden": one word built from a tree or plant and a place ending.
const HOME_STEM_CAPITAL =
  'Oak|Elm|Ash|Willow|Beech|Maple|Birch|Rowan|Cedar|Holly|Ivy|Hazel|Pine|Larch|Yew|Laurel|Heather|Fern|Thorn|Bramble|Briar|Alder|Aspen|Poplar|Linden|Lime|Cherry|Apple|Primrose|Bluebell|Foxglove|Lark|Swallow|Kestrel|Heron|Wren|Robin|Rose';
const STEM_ENDING = new RegExp(
  `(?<![\\p{L}])((?:${HOME_STEM_CAPITAL})(?:brook|field|fields|bank|banks|lea|leigh|dene|dean|croft|hurst|side|mount|view|holme|garth|mead|meadows?|lands|grove|ridge|crest|mere|combe|hollow|gate|hill|stead))(?![\\p{L}])`,
  'dgu',
);
const DAY_OUT_BEFORE = /\b(?:took\s+(?:us|me|them)|trip|day\s+out|visit|visited|visiting|went|go|going|been)\s+to\s+$/i;

export function findHomes(text: string, tokens: Token[], add: Add) {
  findNamedHomes(text, add);
  for (const m of text.matchAll(AT_UNKNOWN_HOME)) {
    const [s, e] = m.indices![1]!;
    // "in Swansea" is a town; "at" is where one lives. In small letters, only a word in no list.
    const at = /\bat\s+$/i.test(text.slice(s - 4, s));
    const word = m[1]!;
    const named = /^\p{Lu}/u.test(word)
      ? isUnlistedWord(word) || GIVEN_NAMES.has(word.toLowerCase()) || SURNAMES.has(word.toLowerCase())
      : isUnlistedWord(word);
    if (!at || !named) continue;
    add('home', s, e, `Looks like the name of a home (${word})`);
  }
  for (const m of text.matchAll(NAME_THEN_HOME)) {
    const [s, e] = m.indices![1]!;
    if (GENERIC_PLACE_WORDS.has(m[1]!.toLowerCase()) || NEVER_NAME_WORDS.has(m[1]!.toLowerCase())) continue;
    if (isEnglishWord(m[1]!.toLowerCase()) && !/\s/.test(m[1]!)) continue;
    add('home', s, e, `Looks like the name of a home (${m[1]})`);
  }
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    const home = HOME_SUFFIX.test(t.word) || (t.key === 'home' && /^children(?:['’]?s)?$/i.test(tokens[i - 1]!.word));
    if (!home) continue;
    const last = t.key === 'home' ? i - 1 : i;
    const first = namedRun(text, tokens, last, 2, GENERIC_PLACE_WORDS);
    if (first === null) continue;
    if (tokens.slice(first, last).some((w) => NEVER_NAME_WORDS.has(w.key))) continue;
    // "took us to Folly Farm": a day out, not where someone lives.
    if (DAY_OUT_BEFORE.test(text.slice(Math.max(0, tokens[first]!.start - 30), tokens[first]!.start))) continue;
    const name = text.slice(tokens[first]!.start, t.end);
    add('home', tokens[first]!.start, t.end, `Looks like the name of a home or building (${name})`);
  }
  for (const m of text.matchAll(HOUSE_NAME)) {
    // "3 The Paddocks" is an address.
    const number = text.slice(Math.max(0, m.index - 8), m.index).match(/\b\d{1,4}[A-Za-z]?,?\s+$/);
    if (number) {
      const s = m.index - number[0].length;
      add(
        'street-address',
        s,
        m.index + m[0].length,
        `Looks like an address (${text.slice(s, m.index + m[0].length)})`,
      );
    } else add('home', m.index, m.index + m[0].length, `Looks like the name of a home or house (${m[0]})`);
  }
  // Welsh house and home names: "Tŷ Derw", "Cartref Glan yr Afon", "Y Bwthyn".
  for (const m of text.matchAll(WELSH_HOME)) {
    add('home', m.index, m.index + m[0].length, `Looks like the name of a home or house (${m[0]})`);
  }
  // "Holly Bank is the home where...", "Ashcroft is the best home I've lived in".
  for (const m of text.matchAll(NAMED_AS_HOME)) {
    const [s, e] = m.indices![1]!;
    // "Dylan-James is the funniest in our home" is a person: one word, a given name and no other word.
    const one = m[1]!.toLowerCase();
    if (!/\s/.test(one) && GIVEN_NAMES.has(one.split('-')[0]!) && !ORDINARY_NAME_WORDS.has(one.split('-')[0]!))
      continue;
    if (GENERIC_PLACE_WORDS.has(m[1]!.toLowerCase()) || NEVER_NAME_WORDS.has(m[1]!.toLowerCase())) continue;
    add('home', s, e, `Looks like the name of a home (${m[1]})`);
  }
  // "im at Ashcroft now", "the staff at Larches": where a child lives, by the words before it.
  for (const m of text.matchAll(LIVING_AT)) {
    const [s, e] = m.indices![1]!;
    const words = m[1]!.toLowerCase().split(/\s+/);
    if (words.some((w) => GENERIC_PLACE_WORDS.has(w) || NEVER_NAME_WORDS.has(w))) continue;
    add('home', s, e, `Looks like the name of a home (${m[1]})`);
  }
  for (const m of text.matchAll(LOWER_HOUSE_NAME)) {
    const [s, e] = m.indices![1]!;
    add('home', s, e, `Looks like the name of a home or house (${m[1]})`);
  }
  for (const m of text.matchAll(LOWER_HOME)) {
    const [s, e] = m.indices![1]!;
    if (GENERIC_PLACE_WORDS.has(m[1]!.toLowerCase()) || NEVER_NAME_WORDS.has(m[1]!.toLowerCase())) continue;
    add('home', s, e, `Looks like the name of a home (${m[1]})`);
  }
  for (const m of text.matchAll(UNKNOWN_HOUSE)) {
    if (!isUnlistedWord(m[1]!) || GIVEN_NAMES.has(m[1]!) || SURNAMES.has(m[1]!)) continue;
    add('home', m.index, m.index + m[0].length, `Looks like the name of a home or house (${m[0]})`);
  }
  for (const m of text.matchAll(LOWER_WELSH_HOME)) {
    if (isEnglishWord(m[1]!) || GENERIC_PLACE_WORDS.has(m[1]!)) continue;
    add('home', m.index, m.index + m[0].length, `Looks like the name of a Welsh home or house (${m[0]})`);
  }
  for (const m of text.matchAll(THE_PLURAL_PLACE)) {
    const [s, e] = m.indices![1]!;
    add('home', s, e, `Looks like the name of a home or house (${m[1]})`);
  }
  for (const m of text.matchAll(WHERE_I_LIVE)) {
    const [s, e] = m.indices![1]!;
    const first = m[1]!.split(/\s+/)[0]!;
    const capitalName = /^\p{Lu}/u.test(first) && !isSentenceStart(text, s) && !isEnglishWord(first.toLowerCase());
    if (!isUnlistedWord(first) && !capitalName) continue;
    add('home', s, e, `Looks like the name of a home (${m[1]})`);
  }
  for (const m of text.matchAll(HOME_CALLED)) {
    const [s, e] = m.indices![1]!;
    const word = m[1]!.toLowerCase();
    if (GENERIC_PLACE_WORDS.has(word) || NEVER_NAME_WORDS.has(word) || isEnglishWord(word)) continue;
    add('home', s, e, `Looks like the name of a home (${m[1]})`);
  }
  for (const m of text.matchAll(AT_WELSH_NAME)) {
    const [s, e] = m.indices![1]!;
    add('home', s, e, `Looks like the name of a home or house (${m[1]})`);
  }
  for (const m of text.matchAll(AT_LOWER_UNKNOWN)) {
    const [s, e] = m.indices![1]!;
    if (!isUnlistedWord(m[1]!) || GIVEN_NAMES.has(m[1]!) || SURNAMES.has(m[1]!)) continue;
    add('home', s, e, `Looks like the name of a home or place where someone lives (${m[1]})`);
  }
  for (const m of text.matchAll(AT_CAPITAL_UNKNOWN)) {
    const [s, e] = m.indices![1]!;
    const key = m[1]!.toLowerCase();
    if (!isUnlistedWord(m[1]!) || GIVEN_NAMES.has(key) || SURNAMES.has(key) || isSentenceStart(text, s)) continue;
    add('home', s, e, `Looks like the name of a home or place where someone lives (${m[1]})`);
  }
  for (const m of text.matchAll(LOWER_HOUSE)) {
    add('home', m.index, m.index + m[0].length, `Looks like the name of a home or house (${m[0]})`);
  }
}

/** Homes by what the sentence says of a name: beside "the unit", gone back to, called so. */
function findNamedHomes(text: string, add: Add) {
  const skip = (name: string) =>
    name
      .toLowerCase()
      .split(/\s+/)
      .some((w) => GENERIC_PLACE_WORDS.has(w) || NEVER_NAME_WORDS.has(w) || GIVEN_NAMES.has(w));
  for (const re of [HOME_THEN_NAME, IN_HOME_THE, WHAT_IT_IS_CALLED]) {
    for (const m of text.matchAll(re)) {
      const [s, e] = m.indices![1]!;
      if (re !== WHAT_IT_IS_CALLED && skip(m[1]!)) continue;
      add('home', s, e, `Looks like the name of a home (${m[1]})`);
    }
  }
  for (const m of text.matchAll(BACK_TO)) {
    const [s, e] = m.indices![1]!;
    if (!isUnlistedWord(m[1]!) || skip(m[1]!)) continue;
    add('home', s, e, `Looks like the name of a home someone goes back to (${m[1]})`);
  }
  for (const m of text.matchAll(STEM_ENDING)) {
    const [s, e] = m.indices![1]!;
    if (!isUnlistedWord(m[1]!) || /\b(?:in|to|near|from)\s+$/i.test(text.slice(Math.max(0, s - 6), s))) continue;
    add('home', s, e, `Looks like the name of a home or house (${m[1]})`);
  }
}
