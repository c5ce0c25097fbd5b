// The Welsh parity report for the translator: GET /welsh-parity (JSON) and /welsh-parity.csv
// (with a UTF-8 byte-order mark, so Excel reads the Welsh letters right). Each row is Welsh that
// is missing or stale (its English changed after the Welsh was approved).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { welshParity, type WelshGap } from '../contracts/index.js';
import { toCsv } from '../domain/csv-import.js';
import { dateTimeWords } from '../domain/date-words.js';
import { welshGaps, type WelshGap as GapRow } from '../../db/repositories/welsh-parity.js';
import { getSettings } from '../../db/repositories/settings.js';

/** Where in the staff app the Welsh is written. */
function whereOf(g: GapRow): string {
  if (g.kind === 'theme') return `/admin/themes/${g.id}/edit`;
  if (g.kind === 'promise') return `/promises/${g.id}/edit`;
  if (g.kind === 'commitment') return `/actions/commitments/${g.id}/edit`;
  if (g.kind === 'measure') return `/actions/measures/${g.id}/edit`;
  if (g.kind === 'answer') return `/feedback/${g.id}`;
  return '/admin/settings';
}

const KIND_WORDS: Record<GapRow['kind'], string> = {
  theme: 'Theme',
  promise: 'Promise',
  commitment: 'Action',
  measure: 'Measure',
  ageBand: 'Age group',
  answer: 'Answer to children',
};

/** Why the row is in the translator's list. */
const STATE_WORDS: Record<GapRow['state'], string> = {
  missing: 'No Welsh yet',
  stale: 'English changed since the Welsh was approved',
};

const BOM = '\uFEFF';

const welshParityRoutes: FastifyPluginAsyncZod = async (app) => {
  const report = async (): Promise<WelshGap[]> => (await welshGaps(app.db)).map((g) => ({ ...g, where: whereOf(g) }));

  app.get(
    '/welsh-parity',
    { config: { access: 'signedIn' }, schema: { tags: ['settings'], response: { 200: welshParity } } },
    async () => {
      const items = await report();
      return { items, total: items.length };
    },
  );

  app.get(
    '/welsh-parity.csv',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['settings'], response: { 200: z.string().describe('CSV') } },
    },
    async (_request, reply) => {
      const day = app.today();
      const { timeZone } = getSettings(app.db);
      const rows = (await report()).map((g) => [
        KIND_WORDS[g.kind],
        g.id,
        g.field,
        STATE_WORDS[g.state],
        g.english,
        g.englishChangedAt ? dateTimeWords(g.englishChangedAt, 'en', timeZone) : '',
        g.welsh,
        g.welshChangedAt ? dateTimeWords(g.welshChangedAt, 'en', timeZone) : '',
        '',
        g.where,
      ]);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="welsh-to-write-${day}.csv"`)
        .send(
          BOM +
            toCsv(
              [
                'What',
                'Id',
                'Welsh field',
                'Why',
                'English',
                'English changed',
                'Welsh now',
                'Welsh approved',
                'New Welsh',
                'Where to write it',
              ],
              rows,
            ),
        );
    },
  );
};

export default welshParityRoutes;
