// The feedback export: every item as a CSV file in the import's format, written off the event loop.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role } from '../contracts/index.js';
import { offThread } from '../workers/off-thread.js';
import { settleMemoryAfter } from '../workers/settle-memory.js';
import { FEEDBACK_EXPORT_COLUMNS, feedbackExportRows } from '../services/feedback-export.js';
import { UTF8_BOM } from '../domain/status-words.js';

const WORKERS = ['participation', 'admin'] as const satisfies readonly Role[];

const feedbackExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/feedback/export.csv',
    {
      ...settleMemoryAfter,
      config: { access: WORKERS },
      schema: { tags: ['feedback'], response: { 200: z.string().describe('CSV, the import’s format') } },
    },
    async (_request, reply) => {
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="feedback-${app.today()}.csv"`)
        .send(
          UTF8_BOM +
            (await offThread('csv', { headers: [...FEEDBACK_EXPORT_COLUMNS], rows: await feedbackExportRows(app.db) })),
        );
    },
  );
};

export default feedbackExportRoutes;
