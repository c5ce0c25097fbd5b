// The feedback export: every item as a CSV file in the import's format, written off the event loop.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role } from '../contracts/index.js';
import { offThread } from '../workers/off-thread.js';
import { settleMemoryAfter } from '../workers/settle-memory.js';
import { FEEDBACK_EXPORT_COLUMNS, feedbackExportPages } from '../services/feedback-export.js';
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
      // Each page of rows is written as CSV in the worker while the next is read: one message of
      // every row was itself a long copy on the event loop.
      const parts: Promise<string>[] = [];
      for await (const rows of feedbackExportPages(app.db))
        parts.push(offThread('csv', { headers: parts.length === 0 ? [...FEEDBACK_EXPORT_COLUMNS] : null, rows }));
      const csv = parts.length === 0 ? offThread('csv', { headers: [...FEEDBACK_EXPORT_COLUMNS], rows: [] }) : null;
      const text = (await Promise.all(csv ? [csv] : parts)).join('');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="feedback-${app.today()}.csv"`)
        .send(UTF8_BOM + text);
    },
  );
};

export default feedbackExportRoutes;
