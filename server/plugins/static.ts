// Serves the built staff app from dist/web. Hashed assets are cached for a year; every other
// GET that is not the API, /health or an asset gets index.html, so deep links work on refresh.
import fp from 'fastify-plugin';
import type { FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export type StaticOptions = { root?: string };

const NOT_PAGES = /^\/(api|health)(\/|$)/;
/** A last path segment with a dot in it names a file, not a page. */
const LOOKS_LIKE_FILE = /\/[^/]*\.[^/]*$/;
/** The children's kiosk: its own page, no sign-in, no cookies (web/kiosk, scripts/build-kiosk.ts). */
const KIOSK = /^\/kiosk(\/|$)/;

function sendKiosk(path: string, reply: FastifyReply) {
  reply.header('cache-control', 'no-cache');
  if (path === '/kiosk/sw.js') {
    // Lets the worker control /kiosk itself as well as /kiosk/...
    reply.header('service-worker-allowed', '/kiosk');
    return reply.sendFile('kiosk/sw.js', { cacheControl: false });
  }
  if (LOOKS_LIKE_FILE.test(path)) return reply.callNotFound();
  return reply.sendFile('kiosk/index.html', { cacheControl: false });
}

export default fp<StaticOptions>(
  async (app, options) => {
    const root = resolve(options.root ?? 'dist/web');
    await app.register(fastifyStatic, { root, serve: false, index: false });

    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      if (NOT_PAGES.test(path)) return reply.callNotFound();
      if (KIOSK.test(path)) return sendKiosk(path, reply);
      if (LOOKS_LIKE_FILE.test(path)) {
        const immutable = path.startsWith('/assets/');
        return reply.sendFile(path.slice(1), { immutable, maxAge: immutable ? '365d' : 0 });
      }
      if (!existsSync(resolve(root, 'index.html'))) {
        return reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send('The web app has not been built. Run `npm run build`, then reload.');
      }
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html', { cacheControl: false });
    });
  },
  { name: 'static' },
);
