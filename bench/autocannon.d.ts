// The part of autocannon's API the bench uses (the package ships no types).
declare module 'autocannon' {
  type Histogram = { average: number; p50: number; p99: number; total: number };
  type Request = {
    setupRequest?: (req: Record<string, unknown>, context: never) => Record<string, unknown>;
    onResponse?: (status: number, body: string, context: never) => void;
  };
  type Options = {
    url: string;
    connections: number;
    duration: number;
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    requests?: Request[];
  };
  type Result = {
    requests: Histogram;
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats?: Record<string, unknown>;
  };
  export default function autocannon(options: Options): Promise<Result>;
}
