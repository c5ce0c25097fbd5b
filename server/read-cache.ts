// A small cache of whole read responses, kept as the bytes of the JSON that was sent. An answer depends
// only on the data (its generation moves with every write, ours or another connection's), the
// council's day, who is asking (their visibility class, never their identity unless the route
// says so) and the request's route, parameters and normalised query. A hit sends the stored text
// as it is: no queries beyond the generation, no validation and no serialisation.
//
// Use it on a route by spreading its hooks into the route options:
//   app.get('/x', { config, schema, ...readCache(app, { vary: (r) => visibility(r) }) }, handler)
// `vary` must name everything about the caller that changes the answer: two callers for whom it
// returns the same string must be given byte-for-byte the same response.
//
// Each answer is also kept compressed with brotli and gzip (made once, when it is kept) and sent so
// to every client whose Accept-Encoding allows it, as every browser's does: the answers are 15 to
// 110 KB of JSON and compress to a tenth or less, so a hit is mostly the cost of fewer bytes.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import Negotiator from 'negotiator';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.js';
import { dataGeneration } from '../db/repositories/write.js';

/** At most this many answers, and this many bytes of them, per database. */
export const READ_CACHE_MAX_ENTRIES = 1_000;
export const READ_CACHE_MAX_BYTES = 24 * 1024 * 1024;
/** Headers a route sets that a hit must repeat (content-type is always kept). */
const KEPT_HEADERS = ['cache-control'] as const;

/**
 * The body as UTF-8 bytes, brotli and gzipped: a hit is written to the socket as it is, with no
 * copy or encoding. `bytes` counts all three.
 */
type Entry = { body: Buffer; br: Buffer; gzip: Buffer; headers: Record<string, string>; bytes: number };

/**
 * Compressed once, when kept, so as small as is quick: gzip's best level costs no more time than
 * its default here, and brotli at 7 is a further ~15% smaller (the board summary: 110 KB of JSON,
 * 7.0 KB gzipped, 6.0 KB brotli, in ~4 ms), which is most of the cost of a hit.
 */
function compressed(body: Buffer) {
  return {
    gzip: gzipSync(body, { level: 9 }),
    br: brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 7, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
  };
}

/** The kept bytes for a client's Accept-Encoding, saying which coding they are in. */
function bytesFor(request: FastifyRequest, reply: FastifyReply, entry: Pick<Entry, 'body' | 'br' | 'gzip'>) {
  const encoding = encodingFor(request.headers['accept-encoding']);
  if (!encoding) return entry.body;
  reply.header('content-encoding', encoding);
  return entry[encoding];
}

/** How a kept answer is sent: compressed with brotli or gzip, or plain (null). */
export type Encoding = 'br' | 'gzip' | null;

/**
 * The coding a client with this Accept-Encoding should be sent (RFC 9110 section 12.5.3), as
 * negotiator (the jshttp parser Express's `accepts` uses) reads it: brotli or gzip (x-gzip) when
 * acceptable, by name or through `*`, with a weight above zero and no lower than identity's, which
 * is acceptable unless excluded. The higher weight wins; on a tie brotli, the smaller, then gzip,
 * then plain. No header: plain.
 */
export function encodingFor(header: string | undefined): Encoding {
  if (!header) return null;
  let known = encodingMemo.get(header);
  if (known === undefined) {
    known = decideEncoding(header);
    if (encodingMemo.size >= 64) encodingMemo.clear();
    encodingMemo.set(header, known);
  }
  return known;
}
// Browsers send the same few headers on every request: each is read once.
const encodingMemo = new Map<string, Encoding>();

/** What we can send, best first: negotiator breaks a tie of weights by this order. */
const CODINGS = ['br', 'gzip', 'identity'] as const;
/** RFC 9110 says to read x-gzip as gzip; negotiator does not, so the header is told so first. */
const X_GZIP = /(^|,)(\s*)x-gzip(?=\s*(;|,|$))/gi;

function decideEncoding(header: string): Encoding {
  const headers = { 'accept-encoding': header.replace(X_GZIP, '$1$2gzip') };
  const chosen = new Negotiator({ headers }).encoding(CODINGS, { preferred: CODINGS });
  return chosen === 'br' || chosen === 'gzip' ? chosen : null;
}

/** Every answer of a cached route varies with Accept-Encoding, compressed or not. */
function varyOnEncoding(reply: FastifyReply): void {
  const vary = reply.getHeader('vary');
  if (vary === undefined) reply.header('vary', 'Accept-Encoding');
  else if (!/(^|,)\s*accept-encoding\s*(,|$)/i.test(String(vary)))
    reply.header('vary', `${String(vary)}, Accept-Encoding`);
}

/** Least recently used first; every entry belongs to one data generation. */
class Lru {
  generation = '';
  bytes = 0;
  readonly entries = new Map<string, Entry>();

  get(key: string): Entry | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(generation: string, key: string, entry: Entry): void {
    // Answers of an older generation can never be asked for again.
    if (generation !== this.generation) this.clear(generation);
    if (entry.bytes > READ_CACHE_MAX_BYTES / 4) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.bytes;
      this.entries.delete(key);
    }
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    while (this.entries.size > READ_CACHE_MAX_ENTRIES || this.bytes > READ_CACHE_MAX_BYTES) {
      const [oldest, e] = this.entries.entries().next().value as [string, Entry];
      this.entries.delete(oldest);
      this.bytes -= e.bytes;
    }
  }

  clear(generation = ''): void {
    this.entries.clear();
    this.bytes = 0;
    this.generation = generation;
  }
}

const caches = new WeakMap<object, Lru>();

function cacheOf(db: Db): Lru {
  let lru = caches.get(db.$client);
  if (!lru) caches.set(db.$client, (lru = new Lru()));
  return lru;
}

/** How many answers are kept for this database (for tests). */
export function readCacheSize(db: Db): number {
  return cacheOf(db).entries.size;
}

/** Stable text of a flat object: keys sorted, undefined left out. */
function normalised(value: unknown): string {
  if (value === null || typeof value !== 'object') return '';
  const obj = value as Record<string, unknown>;
  return JSON.stringify(obj, Object.keys(obj).sort());
}

/** A miss being answered: requests for the same key meanwhile wait for it (`done`) rather than work it out too. */
type Pending = { generation: string; key: string; done: (entry: Entry | undefined) => void };
const pending = new WeakMap<FastifyRequest, Pending>();

// After a write every connection asks at once, and each would otherwise work the same answer out
// (the board summary: ~10 connections, each some ms of event loop, one after another).
const inFlight = new WeakMap<object, Map<string, Promise<Entry | undefined>>>();

function flightsOf(db: Db): Map<string, Promise<Entry | undefined>> {
  let flights = inFlight.get(db.$client);
  if (!flights) inFlight.set(db.$client, (flights = new Map()));
  return flights;
}

/** Ends a miss: whoever waited for it is given the kept entry, or works the answer out (undefined). */
function finish(db: Db, request: FastifyRequest, entry: Entry | undefined): void {
  const p = pending.get(request);
  if (!p) return;
  pending.delete(request);
  flightsOf(db).delete(p.key);
  p.done(entry);
}

export type ReadCacheOptions = {
  /** Everything about the caller that changes the answer, e.g. whether they see flagged items. */
  vary: (request: FastifyRequest) => string;
};

/** preHandler and onSend hooks that answer a GET from the cache, or keep what the route sent. */
export function readCache(app: FastifyInstance, options: ReadCacheOptions) {
  const keyOf = (request: FastifyRequest, generation: string) => {
    return [
      generation,
      app.today(),
      request.method,
      request.routeOptions.url,
      options.vary(request),
      normalised(request.params),
      normalised(request.query),
    ].join('\u0000');
  };

  return {
    preHandler: async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.method !== 'GET') return;
      const generation = dataGeneration(app.db);
      const key = keyOf(request, generation);
      let hit = cacheOf(app.db).get(key);
      const flights = flightsOf(app.db);
      if (!hit && flights.has(key)) hit = await flights.get(key);
      if (!hit) {
        // Inside a shared write transaction (group commit) reads see changes that are not on disk
        // yet and could still be rolled back: such an answer is sent but never kept.
        if (!app.db.$client.inTransaction && !flights.has(key)) {
          let done!: Pending['done'];
          flights.set(key, new Promise((resolve) => (done = resolve)));
          pending.set(request, { generation, key, done });
        }
        return;
      }
      reply.headers(hit.headers);
      // Bytes with the kept JSON content type are sent as they are, never serialised again;
      // Fastify sets Content-Length from the buffer sent.
      return reply.send(bytesFor(request, reply, hit));
    },
    onSend: async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      if (reply.statusCode === 200) varyOnEncoding(reply);
      const p = pending.get(request);
      if (!p) return payload;
      // Only an answer computed wholly within one generation is kept (and only a kept answer is
      // compressed: one that is not is sent plain).
      if (reply.statusCode !== 200 || typeof payload !== 'string' || dataGeneration(app.db) !== p.generation) {
        finish(app.db, request, undefined);
        return payload;
      }
      const headers: Record<string, string> = { 'content-type': String(reply.getHeader('content-type')) };
      for (const name of KEPT_HEADERS) {
        const value = reply.getHeader(name);
        if (value !== undefined) headers[name] = String(value);
      }
      const body = Buffer.from(payload);
      const compact = compressed(body);
      const entry = { body, ...compact, headers, bytes: body.length + compact.gzip.length + compact.br.length };
      cacheOf(app.db).set(p.generation, p.key, entry);
      finish(app.db, request, entry);
      return bytesFor(request, reply, entry);
    },
    // A miss that never reached onSend with an answer (an error, a closed connection) still ends.
    onResponse: async (request: FastifyRequest) => finish(app.db, request, undefined),
    onRequestAbort: async (request: FastifyRequest) => finish(app.db, request, undefined),
  };
}
