import { describe, expect, it } from 'vitest';
import { daysWords, loopSentences, type LoopFiguresForWords } from '../../server/domain/loop-words.js';

const figures = (f: Partial<LoopFiguresForWords>): LoopFiguresForWords => ({
  answered: 0,
  awaitingResponse: 0,
  awaitingOverTarget: 0,
  medianDaysToRespond: null,
  shareWithinTarget: null,
  targetDays: 20,
  ...f,
});

/** No doubled spaces, no space before punctuation, no leading or trailing space. */
const tidy = /^\S(?:.*\S)?$/;
const stray = /\s{2}|\s[.,;:]/;

describe('loop sentences', () => {
  it('says one answer as a count and its own wait, never "half"', () => {
    const s = loopSentences(figures({ answered: 1, awaitingResponse: 3, medianDaysToRespond: 12 }));
    expect(s).toBe(
      '1 of 4 answered, in 12 days. 3 things still waiting for an answer, none longer than the 20-day target.',
    );
    expect(s).not.toMatch(/half/i);
  });

  it('says a small share as "n of m" and a large one as a percentage', () => {
    const small = loopSentences(
      figures({
        answered: 2,
        awaitingResponse: 1,
        awaitingOverTarget: 1,
        medianDaysToRespond: 8.5,
        shareWithinTarget: 0.667,
      }),
    );
    expect(small).toBe(
      '2 of 3 answered, half of them within 9 days. 1 thing still waiting for an answer, longer than the 20-day target. 2 of 3 answered within the target.',
    );
    expect(small).not.toContain('%');
    const large = loopSentences(
      figures({
        answered: 40,
        awaitingResponse: 10,
        awaitingOverTarget: 4,
        medianDaysToRespond: 14,
        shareWithinTarget: 0.75,
      }),
    );
    expect(large).toBe(
      '40 of 50 answered, half of them within 14 days. 10 things still waiting for an answer, 4 of them longer than the 20-day target. 75% answered within the target.',
    );
  });

  it('says long waits in weeks, months or years, never thousands of days', () => {
    expect(daysWords(0)).toBe('0 days');
    expect(daysWords(1)).toBe('1 day');
    expect(daysWords(28)).toBe('28 days');
    expect(daysWords(35)).toBe('5 weeks');
    expect(daysWords(120)).toBe('4 months');
    expect(daysWords(3652)).toBe('about 10 years');
    expect(loopSentences(figures({ answered: 1, medianDaysToRespond: 3652 }))).toBe(
      '1 of 1 answered, in about 10 years.',
    );
  });

  it('says when nothing has been heard, and reads older packs without an answered count', () => {
    expect(loopSentences(figures({}))).toBe('Nothing children said is waiting for an answer.');
    expect(
      loopSentences(figures({ answered: null, awaitingResponse: 2, medianDaysToRespond: 10, shareWithinTarget: 0.5 })),
    ).toBe(
      'Half of the answers were given within 10 days. 2 things still waiting for an answer, none longer than the 20-day target. 50% answered within the target.',
    );
  });

  it('never leaves a stray space, whatever the figures', () => {
    for (const answered of [null, 0, 1, 2, 9, 10, 100])
      for (const awaitingResponse of [0, 1, 5])
        for (const awaitingOverTarget of [0, Math.min(1, awaitingResponse), awaitingResponse])
          for (const medianDaysToRespond of [null, 0, 3.5, 400])
            for (const shareWithinTarget of [null, 0, 0.5, 1]) {
              const s = loopSentences(
                figures({ answered, awaitingResponse, awaitingOverTarget, medianDaysToRespond, shareWithinTarget }),
              );
              expect(s).toMatch(tidy);
              expect(s).not.toMatch(stray);
              expect(s).toMatch(/\.$/);
            }
  });
});
