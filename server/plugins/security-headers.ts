// Security headers on every response, with helmet as the source of their values. helmet's
// middleware is run once at start-up against a recorder and the headers it sets are kept; each
// request then only copies them onto the reply. (@fastify/helmet built helmet's middleware afresh
// on every request, re-parsing the Content Security Policy: ~5% of a cached read's CPU.)
//
// This holds only while every value is the same for every request: a per-request value (a CSP
// nonce, a directive given as a function) would need helmet per request, so it is refused here.
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

type CspDirectives = NonNullable<Extract<HelmetOptions['contentSecurityPolicy'], object>['directives']>;

/** The headers helmet sets for these options, by lower-case name, worked out once. */
export function helmetHeaders(options: Readonly<HelmetOptions>): Readonly<Record<string, string>> {
  const csp = options.contentSecurityPolicy;
  if (csp && typeof csp === 'object' && csp.directives) {
    // Each directive's values read once into an array, so a one-shot iterable is not used up here.
    const directives: CspDirectives = {};
    for (const [name, value] of Object.entries(csp.directives)) {
      if (value === null || typeof value !== 'object') {
        directives[name] = value;
        continue;
      }
      const values = [...value];
      if (values.some((v) => typeof v === 'function'))
        throw new Error(`CSP directive ${name} varies by request: the headers cannot be worked out once`);
      directives[name] = values;
    }
    options = { ...options, contentSecurityPolicy: { ...csp, directives } };
  }
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    failure = err;
  });
  if (failure) throw failure;
  return Object.freeze(headers);
}

export default fp<HelmetOptions>(
  async (app, options) => {
    const headers = helmetHeaders(options);
    // Set on the reply (not the raw response), so a route's own value, such as the API docs'
    // looser CSP, still takes precedence as it did before.
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers);
      done();
    });
  },
  { name: 'security-headers' },
);
