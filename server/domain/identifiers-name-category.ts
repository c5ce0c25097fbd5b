// What a word is, for the names check (identifiers-names.ts): a local name, never a name, a name
// that is also an everyday word, a listed name, an everyday word, or a word in no list at all.
import { type Compiled, TITLES } from './identifiers-context.js';
import { GIVEN_NAMES, NEVER_NAME_WORDS, ORDINARY_NAME_WORDS, SURNAMES } from './identifiers-data.js';
import { isEnglishWord, type Token } from './identifiers-tokens.js';

// 'word': an ordinary English word; 'unknown': in no list at all, so most likely a name or a place.
export type Category = 'local' | 'never' | 'ordinary' | 'name' | 'word' | 'unknown';

/** How to read each word of this text, given the council's lists and the famous names in it. */
export function categoriser(text: string, ctx: Compiled, protectedSpans: [number, number][]): (t: Token) => Category {
  return (t: Token): Category => {
    if (ctx.localNames.has(t.key)) return 'local';
    if (protectedSpans.some(([s, e]) => s <= t.start && t.end <= e)) return 'never';
    if (NEVER_NAME_WORDS.has(t.key) || ctx.placeWords.has(t.key) || TITLES.has(t.key)) return 'never';
    if (t.key.endsWith('s') && NEVER_NAME_WORDS.has(t.key.slice(0, -1))) return 'never'; // "Saturdays"
    if (text[t.start - 1] === '#' || text[t.start - 1] === '@') return 'never'; // a hashtag; handles are checked apart
    if (/['’](?:ve|m|ll|d|re|t)$/.test(t.key)) return 'never'; // "i've", "we'll": never a name
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
}
