// How well the identifier check does on a labelled set of quotes. Pure: the measuring script
// (scripts/measure-identifiers.ts) and the tests both call it.
import { FINDING_KINDS, findIdentifiers, type Finding, type IdentifierContext } from './identifiers.js';

/**
 * A quote and the kinds of identifier a person found in it. `identifying` says whether it could
 * identify someone; without it, a quote with no kinds is clean.
 */
export type LabelledText = {
  text: string;
  kinds: readonly string[];
  identifying?: boolean;
  /** Where known, the exact words that identify (a word-level label), to measure the masking. */
  spans?: readonly string[];
};

export type KindRate = { kind: string; quotes: number; hits: number; rate: number };

export type Measurement = {
  identifierQuotes: number;
  cleanQuotes: number;
  /** Share of quotes with identifiers where the check raised any finding: the worker is asked. */
  flaggedRate: number;
  /** Share of quotes with identifiers where a finding was of a labelled kind. */
  rightKindRate: number;
  /** Share of clean quotes with any finding at all. */
  falseAlarmRate: number;
  /** Per labelled kind: how many quotes with that label got a finding of that kind. */
  perKind: KindRate[];
  /** Quotes with identifiers and no finding at all. */
  misses: { text: string; expected: readonly string[]; found: Finding[] }[];
  /** Quotes flagged, but never with a labelled kind. */
  wrongKind: { text: string; expected: readonly string[]; found: Finding[] }[];
  falseAlarms: { text: string; found: Finding[] }[];
  /** Identifying quotes that label their spans, and how many spans they have. */
  spanQuotes: number;
  spans: number;
  /** Spans wholly inside a finding: the masking would hide them. */
  spansMasked: number;
  /** Flagged quotes with spans, and those of them with every span masked. */
  flaggedSpanQuotes: number;
  fullyMaskedQuotes: number;
  /** Quotes flagged whose masked words still show an identifying span. */
  partlyMasked: { text: string; unmasked: string[]; found: Finding[] }[];
  /** Mean time per quote, in milliseconds (after one warm-up pass). */
  msPerQuote: number;
};

/** A finding of this kind answers a label of that kind: a full name contains the name. */
export function answersLabel(found: string, label: string): boolean {
  return found === label || (label === 'name' && found === 'full-name');
}

export function measure(
  quotes: readonly LabelledText[],
  context: IdentifierContext,
  now = () => performance.now(),
): Measurement {
  for (const q of quotes) findIdentifiers(q.text, context); // warm up the regular expressions
  const started = now();
  const results = quotes.map((q) => ({ q, found: findIdentifiers(q.text, context) }));
  const msPerQuote = quotes.length ? (now() - started) / quotes.length : 0;

  const identifying = (q: LabelledText) => q.identifying ?? q.kinds.length > 0;
  const withIds = results.filter((r) => identifying(r.q));
  const clean = results.filter((r) => !identifying(r.q));
  const hit = (r: (typeof results)[number], labels: readonly string[]) =>
    r.found.some((f) => labels.some((l) => answersLabel(f.kind, l)));

  const report = (r: (typeof results)[number]) => ({ text: r.q.text, expected: r.q.kinds, found: r.found });
  const misses = withIds.filter((r) => r.found.length === 0).map(report);
  const wrongKind = withIds.filter((r) => r.found.length > 0 && !hit(r, r.q.kinds)).map(report);
  const falseAlarms = clean.filter((r) => r.found.length > 0).map((r) => ({ text: r.q.text, found: r.found }));
  const labels = [...new Set([...FINDING_KINDS, ...withIds.flatMap((r) => r.q.kinds)])];
  const perKind = labels
    .map((kind) => {
      const labelled = withIds.filter((r) => r.q.kinds.includes(kind));
      const hits = labelled.filter((r) => hit(r, [kind])).length;
      return { kind, quotes: labelled.length, hits, rate: labelled.length ? hits / labelled.length : 0 };
    })
    .filter((k) => k.quotes > 0);
  const share = (n: number, of: number) => (of ? n / of : 0);
  const spanned = withIds.filter((r) => r.q.spans?.length);
  const unmasked = (r: (typeof results)[number]) =>
    (r.q.spans ?? []).filter((span) => !spanMasked(r.q.text, span, r.found));
  const flaggedSpanned = spanned.filter((r) => r.found.length > 0);
  const partlyMasked = flaggedSpanned
    .map((r) => ({ text: r.q.text, unmasked: unmasked(r), found: r.found }))
    .filter((x) => x.unmasked.length > 0);
  const spans = spanned.reduce((n, r) => n + (r.q.spans?.length ?? 0), 0);
  return {
    spanQuotes: spanned.length,
    spans,
    spansMasked: spans - spanned.reduce((n, r) => n + unmasked(r).length, 0),
    flaggedSpanQuotes: flaggedSpanned.length,
    fullyMaskedQuotes: flaggedSpanned.length - partlyMasked.length,
    partlyMasked,
    identifierQuotes: withIds.length,
    cleanQuotes: clean.length,
    flaggedRate: share(withIds.length - misses.length, withIds.length),
    rightKindRate: share(withIds.length - misses.length - wrongKind.length, withIds.length),
    falseAlarmRate: share(falseAlarms.length, clean.length),
    perKind,
    misses,
    wrongKind,
    falseAlarms,
    msPerQuote,
  };
}

/** Is every character of each occurrence of `span` in `text` inside some finding? */
export function spanMasked(text: string, span: string, found: readonly Finding[]): boolean {
  let at = text.indexOf(span);
  if (at < 0) throw new Error(`span "${span}" is not in "${text}"`);
  for (; at >= 0; at = text.indexOf(span, at + 1)) {
    for (let i = at; i < at + span.length; i++) {
      if (/\s/.test(text[i] ?? '')) continue;
      if (!found.some((f) => f.start <= i && i < f.end)) return false;
    }
  }
  return true;
}
