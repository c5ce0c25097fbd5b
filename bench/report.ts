// Turns a run into a table, a Markdown page, and the figures section of BENCHMARKS.md (the
// medians of the full runs kept in bench/results/, so one noisy run does not set the record).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import type { LoadResult } from './load.js';
import { PROBE_TARGET_MS, type CsvResult, type ExportResult, type PdfResult } from './extras.js';
import { chunkTable, largestChunkRow, type BundleSizes } from './bundles.js';
import { MIXED_TARGET, mixedMet, type MixedResult, type Timings } from './mixed.js';
import {
  CSV_RATIO_TARGET,
  HTTP_CASES,
  HIGH_LOAD_P99,
  KIOSK_JS_TARGET_KB,
  PDF_TARGET_MB,
  RSS_TARGET_MB,
  STAFF_JS_TARGET_KB,
} from './cases.js';

export type CaseResult = {
  id: string;
  label: string;
  built: boolean;
  target: { share: number; p99: number };
  /** By connections. */
  runs: Record<number, LoadResult>;
};

export type RunResult = {
  at: string;
  smoke: boolean;
  secondsPerCase: number;
  machine: { cores: number; cpu: string; memoryGb: number; node: string; platform: string };
  generation: { cached: boolean; generatedAt: string; seconds: Record<string, number>; counts: Record<string, number> };
  /** The ceiling measured before and after the cases, by connections. */
  ceiling: Record<number, LoadResult>[];
  cases: CaseResult[];
  /** The hot reads under a trickle of writes (absent from runs made before the mixed case). */
  mixed?: MixedResult[];
  rss: { afterStartMb: number | null; afterLoadMb: number | null; atEndMb: number | null };
  csv: CsvResult;
  pdf: PdfResult;
  /** The exports, each once with the /health probe (absent from runs made before). */
  exports?: ExportResult[];
  bundles: BundleSizes;
  totalSeconds: number;
};

/** The ceiling's req/s at these connections: the mean of its runs before and after the cases. */
export function ceilingRps(run: RunResult, connections: number): number {
  const values = run.ceiling.map((c) => c[connections]?.requestsPerSecond).filter((v): v is number => v !== undefined);
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN;
}

type Verdict = 'met' | 'missed' | '';

/** Whether one case at one load meets the issue's target. */
export function verdict(c: CaseResult, connections: number, share: number): Verdict {
  const r = c.runs[connections];
  if (!r) return '';
  if (connections >= 100) return r.errors === 0 && r.timeouts === 0 && r.p99 <= HIGH_LOAD_P99 ? 'met' : 'missed';
  return share >= c.target.share && r.p99 <= c.target.p99 && r.errors === 0 ? 'met' : 'missed';
}

type Row = {
  label: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  share: number;
  /** Server CPU per request in µs (median over the ceiling's runs); null where not measured. */
  cpuUs: number | null;
  target: string;
  verdict: Verdict;
};

function rows(run: RunResult): Row[] {
  const out: Row[] = [];
  const connections = Object.keys(run.ceiling[0] ?? {}).map(Number);
  for (const n of connections) {
    const ceiling = ceilingRps(run, n);
    const ceilingRuns = run.ceiling.map((c) => c[n]!).filter(Boolean);
    out.push({
      label: 'Ceiling: bare Fastify route',
      connections: n,
      rps: ceiling,
      p50: median(ceilingRuns.map((r) => r.p50)),
      p99: median(ceilingRuns.map((r) => r.p99)),
      errors: ceilingRuns.reduce((s, r) => s + r.errors, 0),
      share: 1,
      cpuUs: cpuOf(ceilingRuns),
      target: '',
      verdict: '',
    });
  }
  for (const c of run.cases) {
    for (const n of connections) {
      const r = c.runs[n];
      if (!r) continue;
      const share = r.requestsPerSecond / ceilingRps(run, n);
      out.push({
        label: c.label,
        connections: n,
        rps: r.requestsPerSecond,
        p50: r.p50,
        p99: r.p99,
        errors: r.errors,
        share,
        cpuUs: cpuOf([r]),
        target: n >= 100 ? `0 errors, p99 ≤ ${HIGH_LOAD_P99} ms` : `≥ ${pct(c.target.share)}, p99 ≤ ${c.target.p99} ms`,
        verdict: verdict(c, n, share),
      });
    }
  }
  return out;
}

function cpuOf(runs: LoadResult[]): number | null {
  const measured = runs.map((r) => r.serverCpuUsPerRequest).filter((x): x is number => x !== undefined);
  return measured.length ? median(measured) : null;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const fmt = (x: number | null | undefined, digits = 0) =>
  x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(digits);

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function others(run: RunResult): [string, string, string, Verdict][] {
  const lim = (v: number | null, max: number): Verdict => (v === null ? '' : v <= max ? 'met' : 'missed');
  // Memory after the import and the pack counts too (issue 23): the target is for all three.
  const peakRss = Math.max(run.rss.afterStartMb ?? 0, run.rss.afterLoadMb ?? 0, run.rss.atEndMb ?? 0) || null;
  return [
    [
      `CSV import of ${run.csv.rows.toLocaleString('en-GB')} feedback rows`,
      run.csv.importSeconds === null
        ? `${run.csv.note || 'not measured'} (raw transaction: ${fmt(run.csv.rawSeconds, 2)} s)`
        : `${fmt(run.csv.importSeconds, 2)} s; raw transaction ${fmt(run.csv.rawSeconds, 2)} s; ratio ${fmt(run.csv.ratio, 2)}×` +
          (run.csv.writeMs == null ? '' : `, of which the write transaction ${fmt(run.csv.writeMs)} ms`) +
          (run.csv.longestWaitMs == null ? '' : `; /health waited at most ${fmt(run.csv.longestWaitMs)} ms meanwhile`),
      `≤ ${CSV_RATIO_TARGET}× raw`,
      run.csv.ratio === null ? '' : lim(run.csv.ratio, CSV_RATIO_TARGET),
    ],
    [
      'Server RSS with the council loaded / after the load',
      `${fmt(run.rss.afterStartMb)} MB / ${fmt(run.rss.afterLoadMb)} MB (after the import and pack: ${fmt(run.rss.atEndMb)} MB)`,
      `< ${RSS_TARGET_MB} MB`,
      peakRss === null ? '' : peakRss < RSS_TARGET_MB ? 'met' : 'missed',
    ],
    [
      'Staff app JavaScript (gzipped, initial)',
      run.bundles.staffKb === null ? 'not built' : `${fmt(run.bundles.staffKb, 1)} KB`,
      `< ${STAFF_JS_TARGET_KB} KB`,
      lim(run.bundles.staffKb, STAFF_JS_TARGET_KB),
    ],
    [
      'Kiosk JavaScript (gzipped, initial)',
      run.bundles.kioskKb === null ? run.bundles.note || 'not built' : `${fmt(run.bundles.kioskKb, 1)} KB`,
      `< ${KIOSK_JS_TARGET_KB} KB`,
      lim(run.bundles.kioskKb, KIOSK_JS_TARGET_KB),
    ],
    largestChunkRow(run.bundles),
    [
      'Board pack PDF',
      run.pdf.seconds === null ? run.pdf.note : `${fmt(run.pdf.seconds, 2)} s (${run.pdf.note})`,
      `≤ ${PDF_TARGET_MB} MB`,
      run.pdf.bytes === null ? '' : lim(run.pdf.bytes / 1024 / 1024, PDF_TARGET_MB),
    ],
    ...probeRows(run),
  ];
}

/** The /health probe's longest wait during each heavy case (issue 23, goal 3). */
function probeRows(run: RunResult): [string, string, string, Verdict][] {
  const rows: [string, number | null | undefined, string][] = [
    ['the CSV import', run.csv.longestWaitMs, run.csv.importSeconds === null ? run.csv.note : ''],
    ['printing the pack PDF', run.pdf.longestWaitMs, run.pdf.seconds === null ? run.pdf.note : ''],
    ...(run.exports ?? []).map((e): [string, number | null, string] => [
      e.label.replace(/^./, (c) => c.toLowerCase()),
      e.longestWaitMs,
      e.seconds === null ? e.note : `${fmt(e.seconds, 2)} s, ${e.note}`,
    ]),
  ];
  return rows.map(([what, ms, note]) => [
    `/health probe (every 20 ms) during ${what}`,
    ms == null ? note || 'not measured' : `longest wait ${fmt(ms)} ms${note ? ` (${note})` : ''}`,
    `≤ ${PROBE_TARGET_MS} ms`,
    ms == null ? '' : ms <= PROBE_TARGET_MS ? 'met' : 'missed',
  ]);
}

const MIXED_HEADER =
  '| read, with writes and a /health probe | req/s | read p99 ms | feedback write p99 / max ms | commitment write p99 / max ms | /health longest wait ms | errors | |';
const MIXED_TARGET_LINE = `Targets: every read's p99 ≤ ${MIXED_TARGET.readP99} ms, each write's p99 ≤ ${MIXED_TARGET.writeP99} ms, the probe's longest wait ≤ ${MIXED_TARGET.probeMaxMs} ms; one feedback item logged every 500 ms and one commitment updated every 2 s while the read runs at 10 connections.`;

/** The mixed case's table rows (Markdown). */
function mixedRows(list: MixedResult[]): string[] {
  const pair = (t: Timings) => `${fmt(t.p99)} / ${fmt(t.max)}`;
  return list.map((m) =>
    !m.built || !m.read
      ? `| ${m.label} | | | | | | | not built yet |`
      : `| ${m.label} | ${fmt(m.read.requestsPerSecond)} | ${fmt(m.read.p99)} | ${pair(m.feedbackWrites)} | ${pair(m.commitmentWrites)} | ${fmt(m.probe.max)} | ${m.read.errors + m.feedbackWrites.errors + m.commitmentWrites.errors + m.probe.errors} | ${mixedMet(m) ? 'met' : 'missed'} |`,
  );
}

function mixedSection(list: MixedResult[] | undefined, title: string): string[] {
  if (!list?.length) return [];
  return ['', title, '', MIXED_HEADER, '|---|--:|--:|--:|--:|--:|--:|---|', ...mixedRows(list), '', MIXED_TARGET_LINE];
}

/** The median of each figure over the runs that measured this mixed case. */
function medianMixed(runs: RunResult[], id: string): MixedResult | null {
  const per = runs.flatMap((r) => r.mixed?.filter((m) => m.id === id && m.built && m.read) ?? []);
  if (per.length === 0) return null;
  const m = (values: (number | null)[]) => {
    const known = values.filter((v): v is number => v !== null);
    return known.length ? median(known) : null;
  };
  const t = (pick: (x: MixedResult) => Timings): Timings => ({
    n: m(per.map((x) => pick(x).n)) ?? 0,
    p99: m(per.map((x) => pick(x).p99)),
    max: m(per.map((x) => pick(x).max)),
    errors: m(per.map((x) => pick(x).errors)) ?? 0,
  });
  const reads = per.map((x) => x.read!);
  return {
    ...per.at(-1)!,
    read: {
      ...reads.at(-1)!,
      requestsPerSecond: median(reads.map((r) => r.requestsPerSecond)),
      p99: median(reads.map((r) => r.p99)),
      errors: median(reads.map((r) => r.errors)),
    },
    feedbackWrites: t((x) => x.feedbackWrites),
    commitmentWrites: t((x) => x.commitmentWrites),
    probe: t((x) => x.probe),
  };
}

export function renderTable(run: RunResult): string {
  const lines = [
    `${'case'.padEnd(40)} ${'conn'.padStart(4)} ${'req/s'.padStart(8)} ${'p50'.padStart(5)} ${'p99'.padStart(5)} ${'errors'.padStart(6)} ${'ratio'.padStart(7)} ${'cpu µs'.padStart(7)}  target`,
  ];
  for (const r of rows(run))
    lines.push(
      `${r.label.slice(0, 40).padEnd(40)} ${String(r.connections).padStart(4)} ${fmt(r.rps).padStart(8)} ${fmt(r.p50).padStart(5)} ${fmt(r.p99).padStart(5)} ${String(r.errors).padStart(6)} ${pct(r.share).padStart(7)} ${(r.cpuUs === null ? '' : String(r.cpuUs)).padStart(7)}  ${r.target}${r.verdict ? ` (${r.verdict})` : ''}`,
    );
  for (const c of run.cases.filter((c) => !c.built)) lines.push(`${c.label.slice(0, 40).padEnd(40)} not built yet`);
  lines.push(...mixedSection(run.mixed, 'With writes:'));
  lines.push('');
  for (const [what, value, target, v] of others(run))
    lines.push(`${what}: ${value}  [target ${target}${v ? `: ${v}` : ''}]`);
  lines.push(`Total ${run.totalSeconds} s.`);
  return lines.join('\n');
}

function machineLine(run: RunResult): string {
  const m = run.machine;
  return `${m.cores} cores (${m.cpu}), ${m.memoryGb} GB memory, Node ${m.node}, ${m.platform}`;
}

export function renderMarkdown(run: RunResult): string {
  const lines = [
    `# Benchmark run ${run.at}${run.smoke ? ' (smoke: tiny council)' : ''}`,
    '',
    `Machine: ${machineLine(run)}. ${run.secondsPerCase} s per case. Total ${run.totalSeconds} s.`,
    '',
    '| case | connections | req/s | p50 ms | p99 ms | errors | ratio to ceiling | server CPU µs/request | target | |',
    '|---|--:|--:|--:|--:|--:|--:|--:|---|---|',
    ...rows(run).map(
      (r) =>
        `| ${r.label} | ${r.connections} | ${fmt(r.rps)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${r.errors} | ${pct(r.share)} | ${r.cpuUs ?? ''} | ${r.target} | ${r.verdict} |`,
    ),
    ...run.cases.filter((c) => !c.built).map((c) => `| ${c.label} | | | | | | | | not built yet | |`),
    ...mixedSection(run.mixed, '## With writes'),
    '',
    '| measure | value | target | |',
    '|---|---|---|---|',
    ...others(run).map(([a, b, c, d]) => `| ${a} | ${b} | ${c} | ${d} |`),
    '',
    ...chunkTable(run.bundles),
    '',
    `Council: ${Object.entries(run.generation.counts)
      .map(([k, v]) => `${v.toLocaleString('en-GB')} ${k}`)
      .join(
        ', ',
      )}. Generated in ${run.generation.seconds.total ?? '?'} s${run.generation.cached ? ` (cached from ${run.generation.generatedAt})` : ''}.`,
    '',
  ];
  return lines.join('\n');
}

const START = '<!-- bench:start (written by `npm run bench`; edit outside these markers) -->';
const END = '<!-- bench:end -->';

/** Full runs on this machine kept in the results folder, oldest first. */
export function fullRuns(resultsDir: string, like: RunResult['machine']): RunResult[] {
  if (!existsSync(resultsDir)) return [];
  return readdirSync(resultsDir)
    .filter((f) => f.startsWith('bench-') && f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(resultsDir, f), 'utf8')) as RunResult)
    .filter(
      (r) =>
        !r.smoke &&
        // A partial run (`--cases`) measured only some cases, perhaps under a profiler: not a full run.
        r.cases.length === HTTP_CASES.length &&
        r.machine.cores === like.cores &&
        r.machine.cpu === like.cpu &&
        r.machine.node === like.node,
    );
}

/** The figures section of BENCHMARKS.md: medians over the last five full runs on this machine. */
export function renderSummary(runs: RunResult[]): string {
  const latest = runs.at(-1)!;
  const recent = runs.slice(-5);
  const lines = [
    '### Latest figures',
    '',
    `Machine: ${machineLine(latest)}. Median of ${recent.length} full run${recent.length === 1 ? '' : 's'} ` +
      `(${recent[0]!.at.slice(0, 10)} to ${latest.at.slice(0, 10)}), ${latest.secondsPerCase} s per case; ` +
      'ratios are to the same run’s ceiling (a bare Fastify route returning a constant, its own process).',
    '',
    '| case | connections | req/s | p50 ms | p99 ms | errors | ratio to ceiling | target | |',
    '|---|--:|--:|--:|--:|--:|--:|---|---|',
  ];
  const connections = Object.keys(latest.ceiling[0] ?? {}).map(Number);
  for (const n of connections)
    lines.push(
      `| Ceiling: bare Fastify route | ${n} | ${fmt(median(recent.map((r) => ceilingRps(r, n))))} | ${fmt(median(recent.flatMap((r) => r.ceiling.map((c) => c[n]?.p50 ?? NaN))))} | ${fmt(median(recent.flatMap((r) => r.ceiling.map((c) => c[n]?.p99 ?? NaN))))} | | 100% | | |`,
    );
  for (const c of latest.cases) {
    if (!c.built) {
      lines.push(`| ${c.label} | | | | | | | not built yet | |`);
      continue;
    }
    for (const n of connections) {
      const per = recent
        .map((r) => ({ run: r, res: r.cases.find((x) => x.id === c.id)?.runs[n] }))
        .filter((x): x is { run: RunResult; res: LoadResult } => x.res !== undefined);
      if (per.length === 0) continue;
      const share = median(per.map((x) => x.res.requestsPerSecond / ceilingRps(x.run, n)));
      const res: LoadResult = {
        requestsPerSecond: median(per.map((x) => x.res.requestsPerSecond)),
        p50: median(per.map((x) => x.res.p50)),
        p99: median(per.map((x) => x.res.p99)),
        errors: median(per.map((x) => x.res.errors)),
        timeouts: median(per.map((x) => x.res.timeouts)),
        non2xx: 0,
        total: 0,
        statusCodes: {},
      };
      const v = verdict({ ...c, runs: { [n]: res } }, n, share);
      const target =
        n >= 100 ? `0 errors, p99 ≤ ${HIGH_LOAD_P99} ms` : `≥ ${pct(c.target.share)}, p99 ≤ ${c.target.p99} ms`;
      lines.push(
        `| ${c.label} | ${n} | ${fmt(res.requestsPerSecond)} | ${fmt(res.p50)} | ${fmt(res.p99)} | ${fmt(res.errors)} | ${pct(share)} | ${target} | ${v} |`,
      );
    }
  }
  const mixed = (latest.mixed ?? []).map((x) => medianMixed(recent, x.id) ?? x);
  lines.push(...mixedSection(mixed, `#### With writes (median of each figure over the runs that measured it)`));
  // The import and memory swing from run to run (memory with when V8 last collected): each is
  // quoted from the run at its median, as the cases are.
  const atMedian = (value: (r: RunResult) => number | null) => {
    const measured = recent.filter((r) => value(r) !== null).sort((x, y) => value(x)! - value(y)!);
    return measured[Math.floor((measured.length - 1) / 2)] ?? latest;
  };
  const typical: RunResult = {
    ...latest,
    csv: atMedian((r) => r.csv.ratio).csv,
    rss: atMedian((r) => Math.max(r.rss.afterStartMb ?? 0, r.rss.afterLoadMb ?? 0, r.rss.atEndMb ?? 0) || null).rss,
  };
  lines.push(
    '',
    `| measure | latest run (CSV import and RSS: the run at the median of ${recent.length}) | target | |`,
    '|---|---|---|---|',
  );
  for (const [a, b, c, d] of others(typical)) lines.push(`| ${a} | ${b} | ${c} | ${d} |`);
  lines.push(
    '',
    `Council: ${Object.entries(latest.generation.counts)
      .map(([k, v]) => `${v.toLocaleString('en-GB')} ${k}`)
      .join(', ')}, with the audit trail the repositories wrote for each. ` +
      `Generating it took ${latest.generation.seconds.total ?? '?'} s (${Object.entries(latest.generation.seconds)
        .filter(([k]) => k !== 'total')
        .map(([k, v]) => `${k} ${v} s`)
        .join(', ')}); runs reuse it until the generator, the migrations or the scale change. ` +
      `The whole run took ${latest.totalSeconds} s.`,
  );
  return lines.join('\n');
}

/**
 * Rewrites only the marked figures section, keeping every other section as it is, then formats
 * the page with the project's prettier settings so `npm run check` stays green.
 */
export async function updateBenchmarksMd(resultsDir: string, file: string): Promise<void> {
  const all = readdirSync(resultsDir).filter((f) => f.startsWith('bench-') && f.endsWith('.json'));
  if (all.length === 0) return;
  const latest = JSON.parse(readFileSync(join(resultsDir, all.sort().at(-1)!), 'utf8')) as RunResult;
  const runs = fullRuns(resultsDir, latest.machine);
  if (runs.length === 0) return;
  const section = `${START}\n${renderSummary(runs)}\n${END}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const at = current.indexOf(START);
  const end = current.indexOf(END);
  const next =
    at >= 0 && end > at
      ? current.slice(0, at) + section + current.slice(end + END.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  const config = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(next, { ...config, filepath: file }));
}
