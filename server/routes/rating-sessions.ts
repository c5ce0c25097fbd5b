// The children's verdict. Staff (participation workers and admins) open and end rating sessions;
// the kiosk, signed out, joins one with its PIN and records one tap per child per promise, never
// more per promise than the members present (server/domain/verdict-cap.ts); any
// signed-in user reads the counts per promise (the board shows them beside the RAG).
// The kiosk's two routes live under /public like every signed-out route; they write only taps
// and read promises only through the public door (db/repositories/public.ts).
import { verdictDecision } from '../domain/verdict-cap.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParam,
  problem,
  ratingSession,
  ratingSessionCreate,
  ratingSessionList,
  ratingSessionStarted,
  verdictJoin,
  verdictJoined,
  verdictSummary,
  verdictSummaryQuery,
  verdictTap,
  verdictTapped,
} from '../contracts/index.js';
import { HttpProblem, invalid, notFound } from '../errors.js';
import { membersTookPart } from '../domain/verdict-cap.js';
import { WindowLimiter } from '../domain/rate-limit.js';
import { SMALL_BODY_LIMIT } from '../plugins/body-limits.js';
import { publicPromises } from '../../db/repositories/public.js';
import {
  createRatingSession,
  endRatingSession,
  listRatingSessions,
  recordVerdict,
  sessionForPin,
  sessionIsOpen,
  sessionTallies,
  verdictCounts,
  type RatingSessionRow,
  type SessionTally,
} from '../../db/repositories/rating-sessions.js';

/**
 * Wrong PINs one address may try in a minute. A forum's tablets usually share one address, so
 * this is generous and short: children mistyping a few times never block the forum, and a
 * blocked address waits at most a minute. Guessing from many addresses is bounded per session
 * (MAX_FAILED_ATTEMPTS in db/repositories/rating-sessions.ts).
 */
export const PIN_TRIES = 20;
const PIN_WINDOW_MS = 60_000;
/** Taps one address may make in a minute: a full forum tapping fast stays well inside it. */
export const TAPS_PER_MINUTE = 300;
const STAFF = ['admin', 'participation'] as const;

/** The kiosk shows its own words for this, in the child's language; these are for anyone else. */
const everyoneHasVoted = () =>
  new HttpProblem(
    409,
    'Everyone has had their say',
    'This promise already has a verdict from every member present in this session.',
  );

const tooMany = () =>
  new HttpProblem(429, 'Too many tries', 'Too many wrong PINs from this device. Wait a minute, then try again.');

const ratingSessionRoutes: FastifyPluginAsyncZod = async (app) => {
  const wrongPins = new WindowLimiter(PIN_TRIES, PIN_WINDOW_MS);
  const taps = new WindowLimiter(TAPS_PER_MINUTE, 60_000);

  const toApi = (row: RatingSessionRow, tally: SessionTally = { verdicts: 0, turns: 0 }) => ({
    id: row.id,
    forumId: row.forumId,
    startedAt: row.startedAt,
    expiresAt: row.expiresAt,
    endedAt: row.endedAt,
    open: sessionIsOpen(row, app.clock.now()),
    taps: tally.verdicts,
    members: row.members,
    tookPart: membersTookPart(row.members, tally.turns),
  });

  /** The open session for this PIN, counting a wrong one against the caller's address. */
  async function sessionFor(pin: string, ip: string): Promise<RatingSessionRow> {
    const nowMs = app.clock.now().getTime();
    if (wrongPins.isBlocked(ip, nowMs)) throw tooMany();
    const found = await sessionForPin(app.db, pin, app.clock.now());
    if (found) return found;
    if (!wrongPins.attempt(ip, nowMs)) throw tooMany();
    throw invalid([{ path: 'body.pin', message: 'That PIN is not right, or the session has ended' }]);
  }

  app.get(
    '/rating-sessions',
    { config: { access: STAFF }, schema: { tags: ['verdicts'], response: { 200: ratingSessionList } } },
    async () => {
      const rows = await listRatingSessions(app.db);
      const tallies = await sessionTallies(
        app.db,
        rows.map((r) => r.id),
      );
      return { items: rows.map((r) => toApi(r, tallies.get(r.id))) };
    },
  );

  app.post(
    '/rating-sessions',
    {
      config: { access: STAFF },
      schema: {
        tags: ['verdicts'],
        body: ratingSessionCreate,
        response: { 201: ratingSessionStarted, 400: problem },
      },
    },
    async (request, reply) => {
      const { row, pin } = await createRatingSession(
        app.db,
        request.actor,
        {
          forumId: request.body.forumId ?? null,
          minutes: request.body.minutes ?? 120,
          members: request.body.members,
        },
        app.clock.now(),
      );
      return reply.code(201).send({ ...toApi(row), pin });
    },
  );

  app.post(
    '/rating-sessions/:id/end',
    {
      config: { access: STAFF },
      schema: { tags: ['verdicts'], params: idParam, response: { 200: ratingSession, 404: problem } },
    },
    async (request) => {
      const row = await endRatingSession(app.db, request.actor, request.params.id, app.clock.now());
      if (!row) throw notFound('Rating session');
      return toApi(row, (await sessionTallies(app.db, [row.id])).get(row.id));
    },
  );

  app.get(
    '/verdicts/summary',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['verdicts'], querystring: verdictSummaryQuery, response: { 200: verdictSummary } },
    },
    async (request) => ({ items: await verdictCounts(app.db, request.query) }),
  );

  app.post(
    '/public/rating/join',
    {
      config: { access: 'public' },
      bodyLimit: SMALL_BODY_LIMIT,
      schema: {
        tags: ['public'],
        body: verdictJoin,
        response: { 200: verdictJoined, 400: problem, 429: problem },
      },
    },
    async (request, reply) => {
      const session = await sessionFor(request.body.pin, request.ip);
      reply.header('cache-control', 'no-store');
      return { open: true as const, expiresAt: session.expiresAt };
    },
  );

  app.post(
    '/public/rating/verdicts',
    {
      config: { access: 'public' },
      bodyLimit: SMALL_BODY_LIMIT,
      schema: {
        tags: ['public'],
        body: verdictTap,
        response: { 200: verdictTapped, 400: problem, 404: problem, 409: problem, 429: problem },
      },
    },
    async (request, reply) => {
      if (!taps.attempt(request.ip, app.clock.now().getTime())) throw tooMany();
      const session = await sessionFor(request.body.pin, request.ip);
      if (!(await publicPromises(app.db, [request.body.promiseId])).length) throw notFound('Promise');
      const decision = await recordVerdict(
        app.db,
        session,
        { promiseId: request.body.promiseId, verdict: request.body.verdict, voterToken: request.body.voterToken },
        verdictDecision,
      );
      reply.header('cache-control', 'no-store');
      if (decision === 'full') throw everyoneHasVoted();
      return { recorded: true as const, replaced: decision === 'replace' };
    },
  );
};

export default ratingSessionRoutes;
