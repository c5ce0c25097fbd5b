import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hasMischief, MISCHIEF_MESSAGE, normaliseText, words } from '../../server/contracts/text.js';

describe('normaliseText', () => {
  it('turns full-width and compatibility characters into ordinary ones', () => {
    expect(normaliseText('０７７００ ９００１２３')).toBe('07700 900123');
    expect(normaliseText('Ｊａｙｄｅｎ')).toBe('Jayden');
    expect(normaliseText('ﬁsh')).toBe('fish');
  });

  it('composes accents, so the same name is stored one way', () => {
    expect(normaliseText('Sia\u0302n')).toBe('Siân');
  });

  it('removes zero-width characters, direction marks and controls, keeping line breaks and tabs', () => {
    expect(normaliseText('Jay\u200Bden Sm\u200Cith\u200D\u2060\uFEFF')).toBe('Jayden Smith');
    expect(normaliseText('a\u202Eb\u202Cc\u2066d\u2069e\u200Ef\u200Fg\u061Ch')).toBe('abcdefgh');
    expect(normaliseText('a\u0000b\u0007c\u001Bd\u007Fe\u0085f\u009Fg')).toBe('abcdefg');
    expect(normaliseText('line one\r\nline two\n\tindented\r')).toBe('line one\nline two\n\tindented');
  });

  it('leaves ordinary words, Welsh letters and emoji alone', () => {
    const s = 'Diolch i chi, mae’r tŷ’n braf 😊\nNew line';
    expect(normaliseText(s)).toBe(s);
  });
});

describe('hasMischief', () => {
  it('is true for direction overrides and isolates only', () => {
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(hasMischief(`call 077${c}00 900123`)).toBe(true);
    }
    expect(hasMischief('Jay\u200Bden \u200E\u200F')).toBe(false);
    expect(hasMischief('plain words')).toBe(false);
  });
});

describe('words', () => {
  it('stores the normalised words', () => {
    expect(words(100).parse('Ｉ ｗａｎｔ\u200B more trips\r\n')).toBe('I want more trips\n');
  });

  it('refuses direction overrides with a message a worker can act on', () => {
    const r = words(100).safeParse('my number is \u202E321009 00770');
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual([MISCHIEF_MESSAGE]);
    expect(MISCHIEF_MESSAGE).toBe('Remove the hidden characters that change the direction of the text');
  });

  it('counts the length a reader sees, after the invisible characters are gone', () => {
    expect(words(5).parse('ab\u200B\u200B\u200Bcde')).toBe('abcde');
    const long = words(5, 'Keep it to 5 characters').safeParse('abcdef');
    expect(long.error?.issues.map((i) => i.message)).toEqual(['Keep it to 5 characters']);
  });

  it('leaves text that is only invisible characters empty, for a min length to catch', () => {
    expect(words(10).parse('\u200B\uFEFF\u2060')).toBe('');
    expect(words(10).pipe(z.string().min(1)).safeParse('\u200B').success).toBe(false);
  });
});
