// How well the identifier check does on a labelled set of quotes. Pure: the measuring script
// (scripts/measure-identifiers.ts) and the tests both call it.
import {
  FINDING_KINDS,
  findIdentifiers,
  type Finding,
  type FindingKind,
  type IdentifierContext,
} from './identifiers.js';

export type LabelledText = { text: string; kinds: readonly FindingKind[] };

export type KindRate = { kind: FindingKind; quotes: number; hits: number; rate: number };

export type Measurement = {
  identifierQuotes: number;
  cleanQuotes: number;
  /** Share of quotes with identifiers where the check raised at least one finding of a labelled kind. */
  hitRate: number;
  /** Share of clean quotes with any finding at all. */
  falseAlarmRate: number;
  perKind: KindRate[];
  misses: { text: string; expected: readonly FindingKind[]; found: Finding[] }[];
  falseAlarms: { text: string; found: Finding[] }[];
  /** Mean time per quote, in milliseconds (after one warm-up pass). */
  msPerQuote: number;
};

export function measure(
  quotes: readonly LabelledText[],
  context: IdentifierContext,
  now = () => performance.now(),
): Measurement {
  for (const q of quotes) findIdentifiers(q.text, context); // warm up the regular expressions
  const started = now();
  const results = quotes.map((q) => ({ q, found: findIdentifiers(q.text, context) }));
  const msPerQuote = quotes.length ? (now() - started) / quotes.length : 0;

  const withIds = results.filter((r) => r.q.kinds.length > 0);
  const clean = results.filter((r) => r.q.kinds.length === 0);
  const hit = (r: (typeof results)[number], kinds: readonly FindingKind[]) =>
    r.found.some((f) => kinds.includes(f.kind));

  const misses = withIds
    .filter((r) => !hit(r, r.q.kinds))
    .map((r) => ({ text: r.q.text, expected: r.q.kinds, found: r.found }));
  const falseAlarms = clean.filter((r) => r.found.length > 0).map((r) => ({ text: r.q.text, found: r.found }));
  const perKind = FINDING_KINDS.map((kind) => {
    const labelled = withIds.filter((r) => r.q.kinds.includes(kind));
    const hits = labelled.filter((r) => hit(r, [kind])).length;
    return { kind, quotes: labelled.length, hits, rate: labelled.length ? hits / labelled.length : 0 };
  });
  return {
    identifierQuotes: withIds.length,
    cleanQuotes: clean.length,
    hitRate: withIds.length ? (withIds.length - misses.length) / withIds.length : 0,
    falseAlarmRate: clean.length ? falseAlarms.length / clean.length : 0,
    perKind,
    misses,
    falseAlarms,
    msPerQuote,
  };
}
