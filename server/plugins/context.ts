// Shared services on the instance: the database, the clock, the configuration and the cost of
// password hashes.
import fp from 'fastify-plugin';
import type { Db } from '../../db/client.js';
import type { Config } from '../config.js';
import type { Clock } from '../domain/time.js';
import type { Role, SessionUser } from '../contracts/index.js';
import type { Actor } from '../../db/repositories/audit.js';
import type { PasswordCost } from '../../db/repositories/users.js';

/**
 * Who may call a route: 'public' (no sign-in), 'signedIn' (any role), or a list of roles.
 * Every route declares one; the auth plugin refuses to register a route without it.
 */
export type Access = 'public' | 'signedIn' | readonly Role[];

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    clock: Clock;
    config: Config;
    passwordCost: PasswordCost;
  }
  interface FastifyRequest {
    user: SessionUser | null;
    actor: Actor;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

export type ContextOptions = { db: Db; clock: Clock; config: Config; passwordCost: PasswordCost };

export default fp<ContextOptions>(
  async (app, opts) => {
    app.decorate('db', opts.db);
    app.decorate('clock', opts.clock);
    app.decorate('config', opts.config);
    app.decorate('passwordCost', opts.passwordCost);
    app.decorateRequest('user', null);
    app.decorateRequest('actor', null as unknown as Actor); // set per request by the auth plugin
  },
  { name: 'context' },
);
