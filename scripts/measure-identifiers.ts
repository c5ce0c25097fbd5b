// Measures the identifier check on the labelled set of quotes: hit rate (per kind too), false
// alarm rate, and every miss and false alarm. `--json` prints the figures as JSON instead.
//   npm run measure:identifiers [-- --json]
import { measure } from '../server/domain/identifiers-measure.js';
import { LABELLED_CONTEXT, LABELLED_QUOTES } from '../test/fixtures/identifier-quotes.js';

const result = measure(LABELLED_QUOTES, LABELLED_CONTEXT);
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  const lines = [
    `Identifier check on ${result.identifierQuotes + result.cleanQuotes} labelled quotes`,
    `  hit rate:         ${pct(result.hitRate)} of ${result.identifierQuotes} quotes with identifiers`,
    `  false-alarm rate: ${pct(result.falseAlarmRate)} of ${result.cleanQuotes} clean quotes`,
    `  speed:            ${result.msPerQuote.toFixed(3)} ms per quote`,
    '',
    'Per kind:',
    ...result.perKind.map(
      (k) => `  ${k.kind.padEnd(15)} ${String(k.hits).padStart(3)}/${String(k.quotes).padEnd(3)} ${pct(k.rate)}`,
    ),
    '',
    `Misses (${result.misses.length}):`,
    ...result.misses.map(
      (m) =>
        `  [${m.expected.join(', ')}] ${m.text}\n      found: ${m.found.map((f) => `${f.kind} "${f.text}"`).join('; ') || 'nothing'}`,
    ),
    '',
    `False alarms (${result.falseAlarms.length}):`,
    ...result.falseAlarms.map(
      (a) => `  ${a.text}\n      found: ${a.found.map((f) => `${f.kind} "${f.text}" (${f.why})`).join('; ')}`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
