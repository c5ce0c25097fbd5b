// The mixed case: a council's day is not one request at a time. Each hot read is driven at 10
// connections (autocannon, its own process) while this process logs one feedback item every
// 500 ms, updates one commitment every 2 s, and asks `/health` every 20 ms, keeping the longest
// wait. Every request goes to the server's 127.0.0.1 address and stops when the read load does.
import type { LoadResult, LoadSpec } from './load.js';
import { BROWSER_HEADERS } from './cases.js';

/** The hot reads driven under the writes, by HTTP case id. */
export const MIXED_READS = ['board-summary', 'kiosk-summary', 'promise-card', 'feedback-waiting'] as const;
export const MIXED_TARGET = { readP99: 25, probeMaxMs: 50, writeP99: 25 } as const;
export const FEEDBACK_EVERY_MS = 500;
export const COMMITMENT_EVERY_MS = 2_000;
export const PROBE_EVERY_MS = 20;

/** Answer times of a series of requests made one after another. */
export type Timings = { n: number; p99: number | null; max: number | null; errors: number };

export type MixedResult = {
  id: string;
  label: string;
  built: boolean;
  read: LoadResult | null;
  feedbackWrites: Timings;
  commitmentWrites: Timings;
  probe: Timings;
};

export type MixedSpec = {
  id: string;
  label: string;
  read: Omit<LoadSpec, 'connections' | 'seconds'>;
  seconds: number;
  /** Runs the read load in its own process. */
  load: (spec: LoadSpec) => Promise<LoadResult>;
  /** Headers of a signed-in staff member, with the CSRF token. */
  staffHeaders: Record<string, string>;
  feedbackBody: string;
  /** Commitment paths and their current versions: one is updated at a time, in turn. */
  commitmentVersions: Record<string, number>;
};

export function timings(ms: number[], errors: number): Timings {
  if (ms.length === 0) return { n: 0, p99: null, max: null, errors };
  const sorted = [...ms].sort((a, b) => a - b);
  const p99 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)]!;
  return { n: ms.length, p99: Math.round(p99 * 10) / 10, max: Math.round(sorted.at(-1)! * 10) / 10, errors };
}

/** Calls `fn` every `everyMs` (one at a time: a late one delays the next) until `stop` says so. */
async function every(everyMs: number, stop: () => boolean, fn: () => Promise<void>) {
  let next = performance.now();
  while (!stop()) {
    await fn();
    next += everyMs;
    const wait = next - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    else next = performance.now();
  }
}

/** One request, timed; `ok` says whether the answer counts as a success. */
async function timed(
  url: string,
  init: RequestInit,
  out: { ms: number[]; errors: number },
  ok = (s: number) => s < 300,
) {
  const t0 = performance.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
    const body = await res.text();
    out.ms.push(performance.now() - t0);
    if (!ok(res.status)) out.errors++;
    return { status: res.status, body };
  } catch {
    out.errors++;
    return { status: 0, body: '' };
  }
}

export async function mixedCase(spec: MixedSpec): Promise<MixedResult> {
  const origin = spec.read.origin;
  let done = false;
  const stop = () => done;
  const feedback = { ms: [] as number[], errors: 0 };
  const commitment = { ms: [] as number[], errors: 0 };
  const probe = { ms: [] as number[], errors: 0 };
  const versions = new Map(Object.entries(spec.commitmentVersions));
  const paths = [...versions.keys()];
  let turn = 0;
  const writeHeaders = { ...BROWSER_HEADERS, ...spec.staffHeaders, 'content-type': 'application/json' };

  const reading = spec.load({ ...spec.read, connections: 10, seconds: spec.seconds }).finally(() => (done = true));
  const loops = [
    every(FEEDBACK_EVERY_MS, stop, async () => {
      await timed(
        `${origin}/api/v1/feedback`,
        { method: 'POST', headers: writeHeaders, body: spec.feedbackBody },
        feedback,
      );
    }),
    every(COMMITMENT_EVERY_MS, stop, async () => {
      if (!paths.length) return;
      const path = paths[turn++ % paths.length]!;
      const body = JSON.stringify({ version: versions.get(path), progress: turn % 95, note: `Mixed update ${turn}` });
      const res = await timed(`${origin}${path}`, { method: 'PATCH', headers: writeHeaders, body }, commitment);
      if (res.status === 200) versions.set(path, (JSON.parse(res.body) as { version: number }).version);
    }),
    every(PROBE_EVERY_MS, stop, async () => {
      await timed(`${origin}/health`, {}, probe);
    }),
  ];
  const read = await reading;
  await Promise.all(loops);
  return {
    id: spec.id,
    label: spec.label,
    built: true,
    read,
    feedbackWrites: timings(feedback.ms, feedback.errors),
    commitmentWrites: timings(commitment.ms, commitment.errors),
    probe: timings(probe.ms, probe.errors),
  };
}

/** Whether one mixed run meets every target: reads', writes' and the probe's. */
export function mixedMet(m: MixedResult): boolean {
  if (!m.read) return false;
  const within = (t: Timings, max: number) => t.errors === 0 && (t.p99 ?? Infinity) <= max;
  return (
    m.read.errors === 0 &&
    m.read.p99 <= MIXED_TARGET.readP99 &&
    within(m.feedbackWrites, MIXED_TARGET.writeP99) &&
    within(m.commitmentWrites, MIXED_TARGET.writeP99) &&
    m.probe.errors === 0 &&
    (m.probe.max ?? Infinity) <= MIXED_TARGET.probeMaxMs
  );
}
