// The survey import: a CSV file of children's feedback, previewed (dry run) and then saved all or
// nothing. The rules for a row are in server/services/feedback-import.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { setImmediate } from 'node:timers/promises';
import { IMPORT_MAX_CHARS, feedbackImport, feedbackImportResult, problem, type Role } from '../contracts/index.js';
import { HttpProblem } from '../errors.js';
import { offThread, WorkerFailed } from '../workers/off-thread.js';
import { settleMemoryAfter } from '../workers/settle-memory.js';
import { checkImport, checkImportDefaults } from '../services/feedback-import.js';
import { getSettings } from '../../db/repositories/settings.js';
import { importFeedback } from '../../db/repositories/feedback-import.js';
import { allPromiseIds } from '../../db/repositories/feedback.js';

const WORKERS = ['participation', 'admin'] as const satisfies readonly Role[];

const feedbackImportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/feedback/import',
    {
      config: { access: WORKERS },
      // The file's rows are garbage once it is answered.
      ...settleMemoryAfter,
      // JSON escapes and multi-byte letters make the body longer than the file's characters.
      bodyLimit: 2 * IMPORT_MAX_CHARS,
      schema: {
        tags: ['feedback'],
        body: feedbackImport,
        response: { 200: feedbackImportResult, 201: feedbackImportResult, 400: problem },
      },
    },
    async (request, reply) => {
      const { csv, defaults = {}, dryRun } = request.body;
      const settings = getSettings(app.db);
      const day = app.today();
      checkImportDefaults(settings, defaults, day);

      // Read and checked in the worker thread: a 100,000-row file took ~0.6 s to parse and check,
      // and nobody else was answered meanwhile.
      const input = {
        csv,
        body: request.body,
        dryRun,
        settings: { forums: settings.forums, ageBands: settings.ageBands },
        day,
        loggedById: request.actor.id,
        promiseIds: [...(await allPromiseIds(app.db))],
      };
      const { result, rows } = await offThread('checkImport', input).catch((err: unknown) => {
        if (!(err instanceof WorkerFailed)) throw err;
        // A worker that could not run is a fault to log; the file is then checked here, as before.
        request.log.error({ err }, 'survey file checked on the event loop');
        return checkImport(input);
      });
      if (dryRun) return reply.code(200).send(result);
      // All or nothing: a file with any problem changes nothing.
      if (result.problemCount > 0)
        throw new HttpProblem(
          400,
          'There is a problem',
          `Nothing was imported: the file has ${result.problemCount} problem${result.problemCount === 1 ? '' : 's'}. Fix them and try again.`,
          result.problems.map((p) => ({
            path: `csv.row${p.row}.${p.column}`,
            message: p.row > 0 ? `Row ${p.row}, ${p.column || 'file'}: ${p.message}` : p.message,
          })),
        );
      await setImmediate();
      // One transaction (all or nothing) on the event loop: its time is said in Server-Timing,
      // so the bench can report how long it held everyone else.
      const started = performance.now();
      const created = await importFeedback(app.db, request.actor, rows);
      return reply
        .code(201)
        .header('server-timing', `write;dur=${(performance.now() - started).toFixed(1)}`)
        .send({ ...result, created });
    },
  );
};

export default feedbackImportRoutes;
