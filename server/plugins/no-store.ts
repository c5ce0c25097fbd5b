// Signed-in answers (JSON, CSV, XLSX, PDF) are never kept by a browser or a proxy: council PCs
// are shared, and the next person at the desk must not find a child's feedback in the cache.
// Signed-out answers (the kiosk, the public API) keep the caching their routes give them.
import fp from 'fastify-plugin';

export default fp(
  async (app) => {
    app.addHook('onSend', (request, reply, payload, done) => {
      const access = request.routeOptions.config?.access;
      if (access && access !== 'public') reply.header('cache-control', 'no-store');
      done(null, payload);
    });
  },
  { name: 'no-store', dependencies: ['auth'] },
);
