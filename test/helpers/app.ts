// Builds the app on a fresh database per call (a copy of the migrated template, see
// templates.ts), with one signed-in client per role.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type BuildOptions } from '../../server/app.js';
import type { Db } from '../../db/client.js';
import { findUserByEmail } from '../../db/repositories/users.js';
import type { Role } from '../../server/contracts/index.js';
import { fixedClock, type Clock } from '../../server/domain/time.js';
import { publishDemoWords } from '../../db/seed/publish-demo-words.js';
import { emailFor, openCopy, ROLES, TEST_PASSWORD, TEST_PASSWORD_COST } from './templates.js';

export { emailFor, ROLES, TEST_PASSWORD, TEST_PASSWORD_COST };

/** Noon on a fixed day, so "today" and "days waiting" are the same on every run. */
export const TODAY = '2026-06-15';
export const testClock = (): Clock => fixedClock(`${TODAY}T12:00:00Z`);

export type Client = {
  inject: (opts: InjectOptions) => Promise<LightMyRequestResponse>;
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, payload?: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  patch: (url: string, payload?: unknown) => Promise<LightMyRequestResponse>;
  put: (url: string, payload?: unknown) => Promise<LightMyRequestResponse>;
  del: (url: string) => Promise<LightMyRequestResponse>;
  userId: number;
};

export type TestApp = {
  app: FastifyInstance;
  db: Db;
  dir: string;
  as: (role: Role) => Promise<Client>;
  anon: Client;
  userIds: Record<Role, number>;
  close: () => Promise<void>;
};

export async function makeTestApp(
  options: Omit<BuildOptions, 'db'> & { seed?: (db: Db, users: Record<Role, number>) => void } = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'pt-test-'));
  const db = openCopy(inject('templates').app, join(dir, 'test.db'));
  const userIds = Object.fromEntries(ROLES.map((role) => [role, findUserByEmail(db, emailFor(role))!.id])) as Record<
    Role,
    number
  >;
  if (options.seed) {
    options.seed(db, userIds);
    // Rows a test puts straight into the database stand for words people already approved, as
    // the demo's do; words typed through the API go through the approval gate as in real use.
    db.transaction((tx) => publishDemoWords(tx));
  }
  const app = await buildApp({
    ...options,
    db,
    clock: options.clock ?? testClock(),
    passwordCost: options.passwordCost ?? TEST_PASSWORD_COST,
    config: { LOG_LEVEL: 'silent', SEED_DEMO: false, ...options.config },
  });
  const clients = new Map<Role, Client>();

  async function as(role: Role): Promise<Client> {
    const cached = clients.get(role);
    if (cached) return cached;
    const client = await signInClient(app, emailFor(role), userIds[role]);
    clients.set(role, client);
    return client;
  }

  return {
    app,
    db,
    dir,
    as,
    anon: makeClient(app, {}, 0),
    userIds,
    close: async () => {
      await app.close();
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the API (a fresh session each time) and returns a client carrying its cookie and CSRF token. */
export async function signInClient(
  app: FastifyInstance,
  email: string,
  userId = 0,
  password = TEST_PASSWORD,
): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'pt_session')!;
  return makeClient(
    app,
    { cookie: `pt_session=${cookie.value}`, 'x-csrf-token': res.json().csrfToken as string },
    userId,
  );
}

export function makeClient(app: FastifyInstance, headers: Record<string, string>, userId: number): Client {
  const inject = (opts: InjectOptions) => app.inject({ ...opts, headers: { ...headers, ...(opts.headers ?? {}) } });
  return {
    inject,
    userId,
    get: (url) => inject({ method: 'GET', url }),
    post: (url, payload, extra) =>
      inject({ method: 'POST', url, payload: payload as InjectOptions['payload'], headers: extra ?? {} }),
    patch: (url, payload) => inject({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] }),
    put: (url, payload) => inject({ method: 'PUT', url, payload: payload as InjectOptions['payload'] }),
    del: (url) => inject({ method: 'DELETE', url }),
  };
}

/**
 * Approves every change waiting for approval, through the API as a participation worker would,
 * one record at a time: for tests whose subject is what happens after words are approved.
 */
export async function approveQueue(t: TestApp): Promise<void> {
  const worker = await t.as('participation');
  const queue = (await worker.get('/api/v1/public-words?pageSize=200')).json() as {
    items: { entity: string; entityId: number }[];
  };
  for (const entry of queue.items) {
    const path = `/api/v1/public-words/${entry.entity}/${entry.entityId}`;
    const detail = (await worker.get(path)).json() as { version: number };
    const res = await worker.post(`${path}/approve`, { version: detail.version });
    if (res.statusCode !== 200) throw new Error(`approving ${path}: ${res.statusCode} ${res.body}`);
  }
}
