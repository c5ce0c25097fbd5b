// How much a request may send, decided before any of it is parsed. Each route gets a body limit
// that fits it: signed-out routes a small one (their callers are anyone), signed-in routes 1 MB
// (the survey import sets its own), and a route may set a smaller one still (sign-in and a kiosk
// PIN need a few KB). JSON nested deeper than MAX_JSON_DEPTH is refused before JSON.parse, which
// otherwise spends seconds on a megabyte of `[[[[…`.
import fp from 'fastify-plugin';
import { HttpProblem } from '../errors.js';

/** Signed-out routes: a kiosk tap or a sign-in is well under 1 KB. */
export const PUBLIC_BODY_LIMIT = 16 * 1024;
/** Signed-in routes: a long commitment or a pasted list of measure values. */
export const SIGNED_IN_BODY_LIMIT = 1024 * 1024;
/** Sign-in and kiosk PIN routes. */
export const SMALL_BODY_LIMIT = 4 * 1024;
/** No body this API accepts is nested anywhere near this deep. */
export const MAX_JSON_DEPTH = 64;

/** True when the JSON text opens more than `max` arrays or objects inside one another. */
export function jsonNestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

export default fp(
  async (app) => {
    app.addHook('onRoute', (route) => {
      if (route.bodyLimit !== undefined) return;
      route.bodyLimit = route.config?.access === 'public' ? PUBLIC_BODY_LIMIT : SIGNED_IN_BODY_LIMIT;
    });

    // Fastify's own parser (with its __proto__ and constructor checks), after the depth check.
    const parse = app.getDefaultJsonParser('error', 'error');
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      const text = body as string;
      if (jsonNestedDeeperThan(text, MAX_JSON_DEPTH))
        return done(
          new HttpProblem(400, 'Bad request', `The JSON is nested more than ${MAX_JSON_DEPTH} levels deep.`),
          undefined,
        );
      // Answers through `done`; the parser's type also allows a promise, which this one never is.
      void parse(request, text, done);
    });
  },
  { name: 'body-limits' },
);
