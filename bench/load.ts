// Drives one case with autocannon, in its own process so the load generator never shares an
// event loop with the server it measures. Reads a LoadSpec from the JSON file named by argv[2]
// and prints a LoadResult as JSON on stdout.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { BROWSER_HEADERS } from './cases.js';

export type LoadSpec = {
  origin: string;
  method: 'GET' | 'POST' | 'PATCH';
  /** Requests go round these paths in turn, across all connections. */
  paths: string[];
  /** Sent with every request, after (and over) the headers a browser sends (BROWSER_HEADERS). */
  headers: Record<string, string>;
  body?: string;
  /**
   * For a versioned PATCH: the version each path is at now. A path is never in flight twice;
   * each request sends the latest version seen for its path and learns the next one from the
   * answer, so nothing is stale unless the server itself lost a write (a 409 counts as an error).
   */
  versions?: Record<string, number>;
  connections: number;
  seconds: number;
};

export type LoadResult = {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  total: number;
  statusCodes: Record<string, number>;
  /** How long the server took to answer promptly again after the load stopped (its backlog). */
  settleSeconds?: number;
  /** The server's CPU time (user + system) per answered request, in µs, settling included. */
  serverCpuUsPerRequest?: number;
};

type Context = { path?: string };

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  let next = 0;
  const versions = spec.versions ? new Map(Object.entries(spec.versions)) : undefined;
  // A versioned path is never sent while an earlier request for it is still unanswered.
  // (autocannon resets a request's context each time round, so this is tracked here.)
  const inFlight = new Set<string>();
  const nextFreePath = () => {
    for (let tries = 0; tries < spec.paths.length; tries++) {
      const path = spec.paths[next++ % spec.paths.length]!;
      if (!inFlight.has(path)) return path;
    }
    return spec.paths[next++ % spec.paths.length]!;
  };
  const result = await autocannon({
    url: spec.origin,
    connections: spec.connections,
    duration: spec.seconds,
    timeout: 10,
    method: spec.method,
    headers: { ...BROWSER_HEADERS, ...spec.headers },
    requests: [
      {
        setupRequest: (req: Record<string, unknown>, context: Context) => {
          const path = versions ? nextFreePath() : spec.paths[next++ % spec.paths.length]!;
          if (versions) inFlight.add(path);
          context.path = path;
          const body = versions
            ? JSON.stringify({ version: versions.get(path), progress: next % 95, note: `Bench update ${next}` })
            : spec.body;
          return { ...req, path, ...(body === undefined ? {} : { body }) };
        },
        onResponse: (status: number, body: string, context: Context) => {
          if (context.path) inFlight.delete(context.path);
          if (versions && status === 200 && context.path) {
            versions.set(context.path, (JSON.parse(body) as { version: number }).version);
          }
        },
      },
    ],
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {}))
    statusCodes[code] = Number((stat as { count: number | string }).count);
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
    statusCodes,
  };
}

if (process.argv[2]) {
  const spec = JSON.parse(readFileSync(process.argv[2], 'utf8')) as LoadSpec;
  process.stdout.write(JSON.stringify(await runLoad(spec)));
}
