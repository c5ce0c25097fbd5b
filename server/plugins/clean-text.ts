// Words are stored as a reader sees them. Every string in a JSON body is normalised before it
// is validated, checked for identifiers or stored (server/contracts/text.ts: Unicode NFKC,
// without zero-width, direction and control characters), so invisible characters cannot hide a
// name or a number from the identifier check; text holding direction overrides, which only
// disguise what is shown, is refused. Secrets are left exactly as typed.
import fp from 'fastify-plugin';
import { hasMischief, MISCHIEF_MESSAGE, normaliseText } from '../contracts/text.js';
import { invalid } from '../errors.js';

/** Fields compared byte for byte, never shown: changing them would lock a person out. */
const SECRETS = new Set(['password', 'newPassword', 'currentPassword', 'pin', 'token']);

type Found = { path: string };

function clean(value: unknown, path: string, found: Found[]): unknown {
  if (typeof value === 'string') {
    if (hasMischief(value)) found.push({ path });
    return normaliseText(value);
  }
  if (Array.isArray(value)) return value.map((v, i) => clean(v, `${path}.${i}`, found));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = SECRETS.has(key) ? v : clean(v, `${path}.${key}`, found);
    return out;
  }
  return value;
}

export default fp(
  async (app) => {
    app.addHook('preValidation', (request, _reply, done) => {
      if (request.body === undefined || request.body === null || typeof request.body !== 'object') return done();
      const found: Found[] = [];
      request.body = clean(request.body, 'body', found);
      if (found.length > 0) return done(invalid(found.map((f) => ({ path: f.path, message: MISCHIEF_MESSAGE }))));
      done();
    });
  },
  { name: 'clean-text' },
);
