// Serves the built staff app from dist/web. Hashed assets are cached for a year; every other
// GET that is not the API, /health or an asset gets index.html, so deep links work on refresh.
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export type StaticOptions = { root?: string };

const NOT_PAGES = /^\/(api|health)(\/|$)/;
/** A last path segment with a dot in it names a file, not a page. */
const LOOKS_LIKE_FILE = /\/[^/]*\.[^/]*$/;

export default fp<StaticOptions>(
  async (app, options) => {
    const root = resolve(options.root ?? 'dist/web');
    await app.register(fastifyStatic, { root, serve: false, index: false });

    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      if (NOT_PAGES.test(path)) return reply.callNotFound();
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
