// Signed-out endpoints for the kiosk. Everything comes through db/repositories/public.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam, problem, publicPromise, publicSummary } from '../contracts/index.js';
import { notFound } from '../errors.js';
import { childStatusOf, onTrackFromRating } from '../domain/child-status.js';
import { journeyStep } from '../domain/journey.js';
import { suppressValue } from '../domain/small-numbers.js';
import {
  publicActions,
  publicAnswers,
  publicCouncil,
  publicLastForumOn,
  publicLatestChanges,
  publicLatestRatings,
  publicMeasures,
  publicPromises,
  publicQuotes,
  publicThemes,
} from '../../db/repositories/public.js';
import { readCache } from '../read-cache.js';
import { monthYearWords } from '../domain/date-words.js';
import { dataGeneration } from '../../db/repositories/write.js';

/** "March 2026": a month is enough for children to recognise their forum, and no more. */
const monthOf = (date: string): string => monthYearWords(date, 'en');

/** "New since your last forum": changed after the last forum was held. */
const isNewSince = (lastForumOn: string | null, day: string | null | undefined) =>
  !!lastForumOn && !!day && day.slice(0, 10) > lastForumOn;

const publicRoutes: FastifyPluginAsyncZod = async (app) => {
  // Signed out, everyone is shown the same: answers are kept per data generation and day.
  const cache = readCache(app, { vary: () => 'public' });

  /** Whole-council figures every kiosk page needs (~0.2 s at a large council): once per generation. */
  function perGeneration<T>(load: () => Promise<T>): () => Promise<T> {
    let kept: { generation: string; value: T } | undefined;
    return async () => {
      const generation = dataGeneration(app.db);
      if (kept?.generation !== generation) kept = { generation, value: await load() };
      return kept.value;
    };
  }
  const latestRatings = perGeneration(() => publicLatestRatings(app.db));
  const latestChanges = perGeneration(() => publicLatestChanges(app.db));

  async function lastForum() {
    return await publicLastForumOn(app.db, app.today());
  }

  async function buildSummary() {
    const council = (await publicCouncil(app.db))!;
    const ratings = await latestRatings();
    const lastForumOn = await lastForum();
    const changes = await latestChanges();
    const promiseRows = (await publicPromises(app.db)).map((p) => ({
      id: p.id,
      themeId: p.themeId,
      text: p.text,
      textCy: p.textCy,
      onTrack: onTrackFromRating(ratings.get(p.id)),
      updatedOn: changes.get(p.id) ?? null,
      isNew: isNewSince(lastForumOn, changes.get(p.id)),
    }));
    const themes = (await publicThemes(app.db)).map((t) => {
      const mine = promiseRows.filter((p) => p.themeId === t.id);
      return {
        ...t,
        promiseCount: mine.length,
        checkedCount: mine.filter((p) => p.onTrack !== null).length,
        onTrackCount: mine.filter((p) => p.onTrack).length,
        newCount: mine.filter((p) => p.isNew).length,
      };
    });
    return {
      councilName: council.councilName,
      councilNameCy: council.councilNameCy,
      nation: council.nation,
      useWelsh: council.useWelsh,
      timeZone: council.timeZone,
      generatedAt: app.clock.now().toISOString(),
      lastForumOn,
      themes,
      promises: promiseRows,
    };
  }

  app.get(
    '/summary',
    { config: { access: 'public' }, schema: { tags: ['public'], response: { 200: publicSummary } }, ...cache },
    async (_request, reply) => {
      // "New since your last forum" moves with the day as well as with the data: so does the cache.
      reply.header('cache-control', 'no-cache');
      return await buildSummary();
    },
  );

  app.get(
    '/promises/:id',
    {
      config: { access: 'public' },
      schema: { tags: ['public'], params: idParam, response: { 200: publicPromise, 404: problem } },
      ...cache,
    },
    async (request, reply) => {
      const id = request.params.id;
      const [promise] = await publicPromises(app.db, [id]);
      if (!promise) throw notFound('Promise');
      const council = (await publicCouncil(app.db))!;
      const theme = (await publicThemes(app.db)).find((t) => t.id === promise.themeId)!;
      const bands = new Map(council.ageBands.map((b) => [b.id, b]));
      const ageGroup = (band: string) => bands.get(band)?.childLabel ?? 'young people';
      // '' when no Welsh label is written (or the band is gone): the kiosk shows the English, marked.
      const ageGroupCy = (band: string) => bands.get(band)?.childLabelCy?.trim() ?? '';
      const threshold = council.smallNumberThreshold;
      const lastForumOn = await lastForum();
      const actions = await publicActions(app.db, id);
      const latest = actions
        .filter((a) => a.update && a.updatedAt)
        .sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''))[0];
      reply.header('cache-control', 'no-cache');
      return {
        id: promise.id,
        theme,
        text: promise.text,
        textCy: promise.textCy,
        onTrack: onTrackFromRating((await latestRatings()).get(id)),
        journey: journeyStep(actions.map((a) => childStatusOf(a.status))),
        lastForumOn,
        isNew: isNewSince(lastForumOn, (await latestChanges()).get(id)),
        latestUpdate: latest
          ? { text: latest.update, textCy: latest.updateCy, on: (latest.updatedAt ?? '').slice(0, 10) }
          : null,
        youSaid: (await publicQuotes(app.db, id)).map((q) => ({
          id: q.id,
          text: q.text,
          ageGroup: ageGroup(q.ageBand),
          ageGroupCy: ageGroupCy(q.ageBand),
          heardIn: monthOf(q.heardOn),
          heardMonth: q.heardOn.slice(0, 7),
        })),
        weWill: actions.map((a) => ({
          id: a.id,
          text: a.childTitle,
          textCy: a.childTitleCy,
          status: childStatusOf(a.status),
          reason: a.status === 'dropped' || a.status === 'off_track' ? a.reason : '',
          update: a.update,
          updateCy: a.updateCy,
          dueBy: monthOf(a.dueBy),
          dueMonth: a.dueBy.slice(0, 7),
          updatedOn: a.updatedAt ? a.updatedAt.slice(0, 10) : null,
          isNew: isNewSince(lastForumOn, a.updatedAt),
        })),
        howWeWillKnow: (await publicMeasures(app.db, id)).map((m) => ({
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
        weDid: (await publicAnswers(app.db, id)).flatMap((a) =>
          a.answer
            ? [
                {
                  id: a.id,
                  youSaid: a.youSaid,
                  ageGroup: ageGroup(a.ageBand),
                  ageGroupCy: ageGroupCy(a.ageBand),
                  answer: a.answer,
                  weDid: a.weDid,
                  weDidCy: a.weDidCy,
                  reason: a.answer === 'cant' ? a.reason : '',
                  reasonCy: a.answer === 'cant' ? a.reasonCy : '',
                  answeredOn: a.answeredOn,
                  isNew: isNewSince(lastForumOn, a.answeredOn),
                },
              ]
            : [],
        ),
      };
    },
  );
};

export default publicRoutes;
