// The survey import: a CSV file of children's feedback, previewed (dry run) and then saved all or
// nothing. The rules for a row are in server/services/feedback-import.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { setImmediate } from 'node:timers/promises';
import { IMPORT_MAX_CHARS, feedbackImport, feedbackImportResult, problem, type Role } from '../contracts/index.js';
import { HttpProblem } from '../errors.js';
import type { ParsedCsv } from '../domain/csv-import.js';
import { offThread, WorkerFailed } from '../workers/off-thread.js';
import { checkImport, checkImportDefaults } from '../services/feedback-import.js';
import { getSettings } from '../../db/repositories/settings.js';
import { importFeedback } from '../../db/repositories/feedback-import.js';

const WORKERS = ['participation', 'admin'] as const satisfies readonly Role[];

const feedbackImportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/feedback/import',
    {
      config: { access: WORKERS },
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

      // The file is read once: its headings suggest the mapping, then its rows are checked.
      let parsed: ParsedCsv | undefined;
      try {
        // A 100,000-row file takes ~0.4 s to parse: in the worker thread, off the event loop.
        parsed = await offThread('parseCsv', csv);
      } catch (err) {
        // Malformed CSV: checkImport reads it again and reports where. A worker that could not
        // run is a fault to log: the file is then read here, on the event loop, as before.
        if (err instanceof WorkerFailed) request.log.error({ err }, 'survey file read on the event loop');
      }
      const { result, rows } = checkImport(
        app.db,
        { parsed, csv, body: request.body, dryRun },
        settings,
        day,
        request.actor.id,
      );
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
      const created = await importFeedback(app.db, request.actor, rows());
      return reply.code(201).send({ ...result, created });
    },
  );
};

export default feedbackImportRoutes;
