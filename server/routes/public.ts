// Signed-out endpoints for the kiosk. Everything comes through db/repositories/public.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam, problem, publicPromise, publicSummary } from '../contracts/index.js';
import { notFound } from '../errors.js';
import { childStatusOf, onTrackFromRating } from '../domain/child-status.js';
import { suppressValue } from '../domain/small-numbers.js';
import {
  publicActions,
  publicAnswers,
  publicCouncil,
  publicLatestRatings,
  publicMeasures,
  publicPromises,
  publicQuotes,
  publicThemes,
} from '../../db/repositories/public.js';
import { dataGeneration } from '../../db/repositories/write.js';

/** "March 2026": a month is enough for children to recognise their forum, and no more. */
function monthOf(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

const publicRoutes: FastifyPluginAsyncZod = async (app) => {
  let cached: { generation: string; body: ReturnType<typeof buildSummary> } | undefined;

  function buildSummary() {
    const council = publicCouncil(app.db)!;
    const ratings = publicLatestRatings(app.db);
    const promiseRows = publicPromises(app.db).map((p) => ({
      id: p.id,
      themeId: p.themeId,
      text: p.text,
      textCy: p.textCy,
      onTrack: onTrackFromRating(ratings.get(p.id)),
      updatedOn: p.updatedAt.slice(0, 10),
    }));
    const themes = publicThemes(app.db).map((t) => {
      const mine = promiseRows.filter((p) => p.themeId === t.id);
      return { ...t, promiseCount: mine.length, onTrackCount: mine.filter((p) => p.onTrack).length };
    });
    return {
      councilName: council.councilName,
      nation: council.nation,
      generatedAt: app.clock.now().toISOString(),
      themes,
      promises: promiseRows,
    };
  }

  app.get(
    '/summary',
    { config: { access: 'public' }, schema: { tags: ['public'], response: { 200: publicSummary } } },
    async (_request, reply) => {
      const generation = dataGeneration(app.db);
      if (!cached || cached.generation !== generation) cached = { generation, body: buildSummary() };
      reply.header('cache-control', 'no-cache');
      return cached.body;
    },
  );

  app.get(
    '/promises/:id',
    {
      config: { access: 'public' },
      schema: { tags: ['public'], params: idParam, response: { 200: publicPromise, 404: problem } },
    },
    async (request, reply) => {
      const id = request.params.id;
      const [promise] = publicPromises(app.db, [id]);
      if (!promise) throw notFound('Promise');
      const council = publicCouncil(app.db)!;
      const theme = publicThemes(app.db).find((t) => t.id === promise.themeId)!;
      const ageGroup = (band: string) => council.ageBands.find((b) => b.id === band)?.childLabel ?? 'young people';
      const threshold = council.smallNumberThreshold;
      reply.header('cache-control', 'no-cache');
      return {
        id: promise.id,
        theme,
        text: promise.text,
        textCy: promise.textCy,
        onTrack: onTrackFromRating(publicLatestRatings(app.db).get(id)),
        youSaid: publicQuotes(app.db, id).map((q) => ({
          id: q.id,
          text: q.text,
          ageGroup: ageGroup(q.ageBand),
          heardIn: monthOf(q.heardOn),
        })),
        weWill: publicActions(app.db, id).map((a) => ({
          id: a.id,
          text: a.childTitle || a.title,
          textCy: a.childTitleCy,
          status: childStatusOf(a.status),
          reason: a.status === 'dropped' || a.status === 'off_track' ? a.reason : '',
          dueBy: monthOf(a.dueBy),
          updatedOn: a.updatedAt ? a.updatedAt.slice(0, 10) : null,
        })),
        howWellKnow: publicMeasures(app.db, id).map((m) => ({
          id: m.id,
          sentence: m.sentence,
          sentenceCy: m.sentenceCy,
          unit: m.unit,
          direction: m.direction,
          target: m.target,
          values: m.values.map((v) => {
            const shown = suppressValue({ unit: m.unit, value: v.value, base: v.base }, threshold);
            return { period: v.period, value: shown.value, tooFewToShow: shown.suppressed };
          }),
        })),
        weDid: publicAnswers(app.db, id).flatMap((a) =>
          a.answer
            ? [
                {
                  id: a.id,
                  youSaid: a.youSaid,
                  ageGroup: ageGroup(a.ageBand),
                  answer: a.answer,
                  weDid: a.weDid,
                  reason: a.answer === 'cant' ? a.reason : '',
                  answeredOn: a.answeredOn,
                },
              ]
            : [],
        ),
      };
    },
  );
};

export default publicRoutes;
