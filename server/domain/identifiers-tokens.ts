// The words of a text for the identifier check, with what the sentence tells about their
// capitals: the names, places and schools checks all read them.
import { ENGLISH_WORDS_SET } from './identifiers-data.js';
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
  // Words quoted as speech start a sentence of their own ('You said "Lots of us want…"'); one
  // word in quotes is not speech but often a nickname ('my mate "Jaz"').
  const quotedSpeech = /(?:^|\s)["“]$/u.test(before) && !/^\p{L}[\p{L}'’-]*["”]/u.test(text.slice(index, index + 40));
  return (trimmed === '' && from === 0) || /[.!?:;…\n]$/u.test(trimmed) || /\n\s*$/u.test(before) || quotedSpeech;
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

/** Whether a word (lower case) is a common English word, allowing for -s and -'s endings. */
export function isEnglishWord(key: string): boolean {
  return ENGLISH_WORDS_SET.has(key) || (key.endsWith('s') && ENGLISH_WORDS_SET.has(key.slice(0, -1)));
}
