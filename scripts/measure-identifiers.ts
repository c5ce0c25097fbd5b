// Measures the identifier check on labelled sets of quotes: the team's own set
// (test/fixtures/identifier-quotes.ts), and the 2026 set written by someone else and split once
// into a tuning half and a held-out half (test/fixtures/identifier-quotes-2026/), with the extra tuning
// sets beside it (the fifth and sixth label identifying spans, so the masking is measured). For each: the
// share of quotes with identifiers that were flagged, the share flagged with the right kind, the
// false-alarm rate on clean quotes, per-kind figures and the speed.
//   npm run measure:identifiers [-- --show-misses] [-- --json] [-- --without-held-out]
// --without-held-out leaves the held-out half out entirely, for tuning runs: each look at its
// totals is counted in BENCHMARKS.md.
// --show-misses lists misses and false alarms for the team's set and the tuning half only. The
// held-out half is reported only as totals, never quote by quote: tuning on what it gets wrong
// would make its figures as flattering as the team's own set.
import { existsSync } from 'node:fs';
import type { IdentifierContext } from '../server/domain/identifiers.js';
import { type LabelledText, type Measurement, measure } from '../server/domain/identifiers-measure.js';
import { LABELLED_CONTEXT, LABELLED_QUOTES } from '../test/fixtures/identifier-quotes.js';

type Set = { name: string; quotes: readonly LabelledText[]; context: IdentifierContext; showMisses: boolean };

// The 2026 set was written without any council's lists, so it is measured with none.
const NO_LISTS: IdentifierContext = { localNames: [], watchWords: [], staffNames: [] };

async function load2026(
  file:
    | 'tuning'
    | 'extra-tuning'
    | 'extra-tuning-2'
    | 'extra-tuning-3'
    | 'extra-tuning-4'
    | 'extra-tuning-5'
    | 'extra-tuning-6'
    | 'extra-tuning-7'
    | 'extra-tuning-8'
    | 'held-out',
): Promise<readonly LabelledText[] | null> {
  const url = new URL(`../test/fixtures/identifier-quotes-2026/${file}.ts`, import.meta.url);
  if (!existsSync(url)) return null;
  const mod = (await import(url.href)) as { QUOTES: readonly LabelledText[] };
  return mod.QUOTES;
}

const sets: Set[] = [{ name: "team's own set", quotes: LABELLED_QUOTES, context: LABELLED_CONTEXT, showMisses: true }];
const tuning = await load2026('tuning');
if (tuning) sets.push({ name: '2026 tuning half', quotes: tuning, context: NO_LISTS, showMisses: true });
// Written later for the kinds the check found least often, without reading the held-out half.
const extra = await load2026('extra-tuning');
if (extra) sets.push({ name: '2026 extra tuning set', quotes: extra, context: NO_LISTS, showMisses: true });
// Written later still, before the check was changed for it, by the engineer who changed it.
const extra2 = await load2026('extra-tuning-2');
if (extra2) sets.push({ name: '2026 second extra tuning set', quotes: extra2, context: NO_LISTS, showMisses: true });
// Written in the third round, far from the other sets' phrasing, and scored once before any change.
const extra3 = await load2026('extra-tuning-3');
if (extra3) sets.push({ name: '2026 third extra tuning set', quotes: extra3, context: NO_LISTS, showMisses: true });
// Written after the third round's changes and scored once on them, before any tuning on it.
const extra4 = await load2026('extra-tuning-4');
if (extra4) sets.push({ name: '2026 fourth extra set', quotes: extra4, context: NO_LISTS, showMisses: true });
// Written in the fourth round before any change, with word-level spans, and scored once on the
// check as the third round left it.
const extra5 = await load2026('extra-tuning-5');
if (extra5) sets.push({ name: '2026 fifth extra set', quotes: extra5, context: NO_LISTS, showMisses: true });
// Written after the fourth round's changes for the fifth set and scored once on them.
const extra6 = await load2026('extra-tuning-6');
if (extra6) sets.push({ name: '2026 sixth extra set', quotes: extra6, context: NO_LISTS, showMisses: true });
// Written in the fifth round before any change and scored once on the check as the fourth left it.
const extra7 = await load2026('extra-tuning-7');
if (extra7) sets.push({ name: '2026 seventh extra set', quotes: extra7, context: NO_LISTS, showMisses: true });
// Written after the fifth round's changes and scored once on them.
const extra8 = await load2026('extra-tuning-8');
if (extra8) sets.push({ name: '2026 eighth extra set', quotes: extra8, context: NO_LISTS, showMisses: true });
const heldOut = process.argv.includes('--without-held-out') ? null : await load2026('held-out');
if (heldOut) sets.push({ name: '2026 held-out half', quotes: heldOut, context: NO_LISTS, showMisses: false });

const results = sets.map((s) => ({ set: s, m: measure(s.quotes, s.context) }));
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const showMisses = process.argv.includes('--show-misses');

if (process.argv.includes('--json')) {
  const totals = (m: Measurement, withMisses: boolean) =>
    withMisses ? m : { ...m, misses: undefined, wrongKind: undefined, falseAlarms: undefined, partlyMasked: undefined };
  const out = results.map(({ set, m }) => ({ set: set.name, ...totals(m, set.showMisses && showMisses) }));
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} else {
  const lines: string[] = [];
  for (const { set, m } of results) {
    const found = (f: Measurement['misses'][number]['found']) =>
      f.map((x) => `${x.kind} "${x.text}"`).join('; ') || 'nothing';
    lines.push(
      `Identifier check on the ${set.name}: ${m.identifierQuotes + m.cleanQuotes} quotes`,
      `  flagged:          ${pct(m.flaggedRate)} of ${m.identifierQuotes} quotes with identifiers`,
      `  right kind:       ${pct(m.rightKindRate)}`,
      `  false alarms:     ${pct(m.falseAlarmRate)} of ${m.cleanQuotes} clean quotes`,
      ...(m.spanQuotes
        ? [
            `  spans masked:     ${m.spansMasked}/${m.spans} identifying spans wholly inside a finding`,
            `  fully masked:     ${m.fullyMaskedQuotes}/${m.flaggedSpanQuotes} flagged quotes with every span masked`,
          ]
        : []),
      `  speed:            ${m.msPerQuote.toFixed(3)} ms per quote`,
      '  per kind:',
      ...m.perKind.map(
        (k) => `    ${k.kind.padEnd(19)} ${String(k.hits).padStart(3)}/${String(k.quotes).padEnd(3)} ${pct(k.rate)}`,
      ),
    );
    if (showMisses && set.showMisses) {
      lines.push(
        `  missed (${m.misses.length}):`,
        ...m.misses.map((x) => `    [${x.expected.join(', ')}] ${x.text}`),
        `  flagged with another kind (${m.wrongKind.length}):`,
        ...m.wrongKind.map((x) => `    [${x.expected.join(', ')}] ${x.text}\n        found: ${found(x.found)}`),
        `  partly masked (${m.partlyMasked.length}):`,
        ...m.partlyMasked.map(
          (x) => `    ${x.text}\n        still shows: ${x.unmasked.join('; ')}; found: ${found(x.found)}`,
        ),
        `  false alarms (${m.falseAlarms.length}):`,
        ...m.falseAlarms.map((x) => `    ${x.text}\n        found: ${found(x.found)}`),
      );
    }
    lines.push('');
  }
  process.stdout.write(lines.join('\n'));
}
