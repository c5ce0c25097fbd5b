// How well the loop is closed, in sentences a board member reads aloud: "1 of 4 answered, in 12
// days." Small numbers are said as counts ("2 of 3"), never as a share ("Half were answered", "67%")
// that sounds like many children; long waits in weeks, months or years, never "3652 days". Pure.

export type LoopFiguresForWords = {
  /** Answered items; null when the figures do not say (older packs). */
  answered: number | null;
  awaitingResponse: number;
  awaitingOverTarget: number;
  medianDaysToRespond: number | null;
  shareWithinTarget: number | null;
  /** The council's answer target, in days; null when not known. */
  targetDays: number | null;
};

/** Below this many, a share is said as "n of m", not as a percentage. */
export const FEW = 10;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A length of time in the unit a person would use: "12 days", "5 weeks", "4 months", "about 10 years". */
export function daysWords(days: number): string {
  const d = Math.max(0, Math.ceil(days));
  if (d < 29) return plural(d, 'day');
  if (d < 8 * 7) return plural(Math.round(d / 7), 'week');
  if (d < 365) return plural(Math.round(d / 30.44), 'month');
  const years = Math.round(d / 365.25);
  return `about ${plural(years, 'year')}`;
}

/**
 * The loop's figures as one to three short sentences, with single spaces and no space before a
 * full stop or comma.
 */
export function loopSentences(f: LoopFiguresForWords): string {
  const sentences: string[] = [];
  const waiting = f.awaitingResponse;
  if (f.answered !== null) {
    const heard = f.answered + waiting;
    if (heard === 0) return 'Nothing children said is waiting for an answer.';
    let said = `${f.answered} of ${heard} answered`;
    if (f.answered === 1 && f.medianDaysToRespond !== null) said += `, in ${daysWords(f.medianDaysToRespond)}`;
    else if (f.answered > 1 && f.medianDaysToRespond !== null)
      said += `, half of them within ${daysWords(f.medianDaysToRespond)}`;
    sentences.push(`${said}.`);
  } else if (f.medianDaysToRespond !== null) {
    sentences.push(`Half of the answers were given within ${daysWords(f.medianDaysToRespond)}.`);
  }
  if (waiting === 0) {
    if (f.answered === null) sentences.push('Nothing children said is waiting for an answer.');
  } else {
    const target = f.targetDays !== null ? `the ${f.targetDays}-day target` : 'the target';
    const over =
      f.awaitingOverTarget === 0
        ? `, none longer than ${target}`
        : f.awaitingOverTarget === waiting
          ? `, ${waiting === 1 ? 'longer' : 'all longer'} than ${target}`
          : `, ${f.awaitingOverTarget} of them longer than ${target}`;
    sentences.push(`${plural(waiting, 'thing', 'things')} still waiting for an answer${over}.`);
  }
  if (f.shareWithinTarget !== null) {
    const decided = f.answered !== null ? f.answered + f.awaitingOverTarget : null;
    if (decided !== null && decided < FEW) {
      const within = Math.round(f.shareWithinTarget * decided);
      sentences.push(`${within} of ${decided} answered within the target.`);
    } else if (decided === null || decided >= FEW) {
      sentences.push(`${Math.round(f.shareWithinTarget * 100)}% answered within the target.`);
    }
  }
  return sentences
    .map((s) => s.charAt(0).toUpperCase() + s.slice(1))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
