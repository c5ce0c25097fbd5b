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
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.js';
import { getSettings } from '../db/repositories/settings.js';
import { dataGeneration } from '../db/repositories/write.js';
import { dateIn } from './domain/time.js';

/** At most this many answers, and this many bytes of them, per database. */
export const READ_CACHE_MAX_ENTRIES = 1_000;
export const READ_CACHE_MAX_BYTES = 24 * 1024 * 1024;
/** Headers a route sets that a hit must repeat (content-type is always kept). */
const KEPT_HEADERS = ['cache-control'] as const;

/** The body as UTF-8 bytes: a hit is written to the socket as it is, with no copy or encoding. */
type Entry = { body: Buffer; headers: Record<string, string>; bytes: number };

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

type Pending = { generation: string; key: string };
const pending = new WeakMap<FastifyRequest, Pending>();

export type ReadCacheOptions = {
  /** Everything about the caller that changes the answer, e.g. whether they see flagged items. */
  vary: (request: FastifyRequest) => string;
};

/** preHandler and onSend hooks that answer a GET from the cache, or keep what the route sent. */
export function readCache(app: FastifyInstance, options: ReadCacheOptions) {
  // The council's time zone is settings data: it can only change with the generation.
  let zone: { generation: string; timeZone: string } | undefined;
  const keyOf = (request: FastifyRequest, generation: string) => {
    if (zone?.generation !== generation) zone = { generation, timeZone: getSettings(app.db).timeZone };
    const today = dateIn(app.clock.now(), zone.timeZone);
    return [
      generation,
      today,
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
      const hit = cacheOf(app.db).get(key);
      if (!hit) {
        // Inside a shared write transaction (group commit) reads see changes that are not on disk
        // yet and could still be rolled back: such an answer is sent but never kept.
        if (!app.db.$client.inTransaction) pending.set(request, { generation, key });
        return;
      }
      for (const [name, value] of Object.entries(hit.headers)) reply.header(name, value);
      // Bytes with the kept JSON content type are sent as they are, never serialised again.
      return reply.send(hit.body);
    },
    onSend: async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      const p = pending.get(request);
      if (!p || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
      pending.delete(request);
      // Only an answer computed wholly within one generation is kept.
      if (dataGeneration(app.db) !== p.generation) return payload;
      const headers: Record<string, string> = { 'content-type': String(reply.getHeader('content-type')) };
      for (const name of KEPT_HEADERS) {
        const value = reply.getHeader(name);
        if (value !== undefined) headers[name] = String(value);
      }
      const body = Buffer.from(payload);
      cacheOf(app.db).set(p.generation, p.key, { body, headers, bytes: body.length });
      return payload;
    },
  };
}
