// The whole application as one Fastify instance. server.ts only starts and stops it; tests
// build it with buildApp() and talk to it through inject().
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { loadConfig, oidcConfigured, type Config } from './config.js';
import { systemClock, type Clock } from './domain/time.js';
import { openAndMigrate, type Db } from '../db/client.js';
import { ensureSettings } from '../db/repositories/settings.js';
import { STRONG_PASSWORD_COST, type PasswordCost } from '../db/repositories/users.js';
import context from './plugins/context.js';
import today from './plugins/today.js';
import errors, { sendProblem } from './plugins/errors.js';
import securityHeaders from './plugins/security-headers.js';
import { HttpProblem } from './errors.js';
import auth from './plugins/auth.js';
import staticApp from './plugins/static.js';
import idempotency from './plugins/idempotency.js';
import groupCommit from './plugins/group-commit.js';
import mailSender from './plugins/mail-sender.js';
import bodyLimits, { SIGNED_IN_BODY_LIMIT } from './plugins/body-limits.js';
import cleanText from './plugins/clean-text.js';
import noStore from './plugins/no-store.js';
import healthRoutes from './routes/health.js';
import sessionRoutes from './routes/session.js';
import settingsRoutes from './routes/settings.js';
import themeRoutes from './routes/themes.js';
import commitmentRoutes from './routes/commitments.js';
import measureRoutes from './routes/measures.js';
import measureLinkRoutes from './routes/measure-links.js';
import evidenceRoutes from './routes/evidence.js';
import myActionRoutes from './routes/my-actions.js';
import feedbackRoutes from './routes/feedback.js';
import feedbackModerationRoutes from './routes/feedback-moderation.js';
import feedbackWaitingRoutes from './routes/feedback-waiting.js';
import loopMeasureRoutes from './routes/loop-measures.js';
import youSaidSheetRoutes from './routes/you-said-sheet.js';
import feedbackImportRoutes from './routes/feedback-import.js';
import feedbackExportRoutes from './routes/feedback-export.js';
import safeguardingNoteRoutes from './routes/safeguarding-notes.js';
import publicWordsRoutes from './routes/public-words.js';
import forumSessionRoutes from './routes/forum-sessions.js';
import promiseRoutes from './routes/promises.js';
import userRoutes from './routes/users.js';
import auditRoutes from './routes/audit.js';
import welshParityRoutes from './routes/welsh-parity.js';
import boardRoutes from './routes/board.js';
import boardChallengeRoutes from './routes/board-challenges.js';
import boardPackRoutes from './routes/board-pack.js';
import publicRoutes from './routes/public.js';
import ratingSessionRoutes from './routes/rating-sessions.js';
import accountAccessRoutes from './routes/account-access.js';
import oidcRoutes from './routes/oidc.js';
import privacyRoutes from './routes/privacy.js';
import reminderRoutes from './routes/reminders.js';

/** What a log line says about a request: its method and route, never its query string. */
function requestForLog(request: FastifyRequest) {
  return {
    method: request.method,
    url: request.routeOptions?.url ?? request.url.split('?')[0],
    remoteAddress: request.ip,
  };
}

export type BuildOptions = {
  config?: Partial<Config>;
  db?: Db;
  clock?: Clock;
  /** How costly password hashes are; the strong default always, except in tests. */
  passwordCost?: PasswordCost;
};

export async function buildApp(options: BuildOptions = {}): Promise<FastifyInstance> {
  const config: Config = { ...loadConfig(), ...options.config };
  const db = options.db ?? openAndMigrate(config.DATABASE_PATH);
  await ensureSettings(db);

  const app = Fastify({
    logger:
      config.LOG_LEVEL === 'silent'
        ? false
        : {
            level: config.LOG_LEVEL,
            // The route's pattern, never the URL: a query string can hold a search for a child's name.
            serializers: { req: requestForLog },
          },
    // The default for routes the body-limits plugin does not reach (none under /api/v1).
    bodyLimit: SIGNED_IN_BODY_LIMIT,
    // A hop count works at run time (Fastify's documented integer option); its types leave it out.
    trustProxy: config.TRUST_PROXY as boolean | string[],
    // Stop slow or stuck clients from holding connections.
    requestTimeout: 30_000,
    // While shutting down, a request arriving on a busy keep-alive socket is refused by the
    // errors plugin as problem+json with Retry-After, not by Fastify's plain-JSON 503.
    return503OnClosing: false,
    // A malformed URL (bad percent-encoding, an over-long path parameter) is refused before
    // routing; answer it as problem+json like every other client error.
    frameworkErrors: (err, _request, reply) =>
      void sendProblem(
        reply,
        new HttpProblem(400, 'Bad request', err.code?.startsWith('FST_') ? err.message : undefined),
      ),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(context, {
    db,
    clock: options.clock ?? systemClock,
    config,
    passwordCost: options.passwordCost ?? STRONG_PASSWORD_COST,
  });
  await app.register(today);
  await app.register(errors);
  await app.register(bodyLimits);
  await app.register(cleanText);
  await app.register(securityHeaders, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Only where the site is served over https; otherwise it would break plain-http installs.
        upgradeInsecureRequests: config.SECURE_COOKIES ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // frame-ancestors 'none' above says it, and X-Frame-Options: SAMEORIGIN contradicted it.
    xFrameOptions: false,
    strictTransportSecurity: config.SECURE_COOKIES,
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Promise Tracker API',
        version: '1.0.0',
        description: 'You said, we will, how we will know, we did.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  await app.register(auth);
  await app.register(idempotency);
  await app.register(groupCommit);
  await app.register(mailSender);
  await app.register(noStore);

  await app.register(healthRoutes);
  if (oidcConfigured(config)) await app.register(oidcRoutes);
  await app.register(staticApp);
  await app.register(
    async (api) => {
      await api.register(sessionRoutes);
      await api.register(settingsRoutes);
      await api.register(themeRoutes);
      await api.register(commitmentRoutes);
      await api.register(measureRoutes);
      await api.register(measureLinkRoutes);
      await api.register(evidenceRoutes);
      await api.register(myActionRoutes);
      await api.register(feedbackRoutes);
      await api.register(feedbackModerationRoutes);
      await api.register(feedbackWaitingRoutes);
      await api.register(loopMeasureRoutes);
      await api.register(youSaidSheetRoutes);
      await api.register(feedbackImportRoutes);
      await api.register(feedbackExportRoutes);
      await api.register(safeguardingNoteRoutes);
      await api.register(publicWordsRoutes);
      await api.register(forumSessionRoutes);
      await api.register(promiseRoutes);
      await api.register(userRoutes);
      await api.register(auditRoutes);
      await api.register(welshParityRoutes);
      await api.register(boardRoutes);
      await api.register(boardChallengeRoutes);
      await api.register(boardPackRoutes);
      await api.register(publicRoutes, { prefix: '/public' });
      await api.register(ratingSessionRoutes);
      await api.register(accountAccessRoutes);
      await api.register(privacyRoutes);
      await api.register(reminderRoutes);
    },
    { prefix: '/api/v1' },
  );

  app.addHook('onClose', async () => {
    if (!options.db) db.$client.close();
  });
  return app;
}
