// People: everyone signed in can list colleagues to pick an owner; only admins manage accounts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { account, accountCreate, accountUpdate, idParam, passwordReset, person, problem } from '../contracts/index.js';
import { conflict, invalid, notFound } from '../errors.js';
import { passwordProblem } from '../domain/passwords.js';
import {
  canOwnActionsByDefault,
  createUser,
  findUserByEmail,
  getUser,
  listUsers,
  resetPassword,
  updateUser,
  type UserRow,
} from '../../db/repositories/users.js';
import { activeUserExists } from '../../db/repositories/board.js';
import { toAccount } from '../services/accounts.js';
import { VersionConflict } from '../../db/repositories/write.js';

const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/people',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['users'], response: { 200: z.object({ items: z.array(person) }) } },
    },
    async () => ({
      items: (await listUsers(app.db)).map((u) => ({
        id: u.id,
        name: u.name,
        role: u.role,
        jobTitle: u.jobTitle,
        agency: u.agency,
        disabled: u.disabled,
        canOwnActions: u.canOwnActions,
      })),
    }),
  );

  app.get(
    '/users',
    {
      config: { access: ['admin'] },
      schema: { tags: ['users'], response: { 200: z.object({ items: z.array(account) }) } },
    },
    async () => ({ items: (await listUsers(app.db)).map(toAccount) }),
  );

  app.get(
    '/users/:id',
    {
      config: { access: ['admin'] },
      schema: { tags: ['users'], params: idParam, response: { 200: account, 404: problem } },
    },
    async (request) => {
      const u = await getUser(app.db, request.params.id);
      if (!u) throw notFound('User');
      return toAccount(u);
    },
  );

  app.post(
    '/users',
    {
      config: { access: ['admin'] },
      schema: { tags: ['users'], body: accountCreate, response: { 201: account, 400: problem } },
    },
    async (request, reply) => {
      const body = request.body;
      if (findUserByEmail(app.db, body.email))
        throw invalid([{ path: 'body.email', message: 'An account with this email already exists' }]);
      if (body.password !== undefined) {
        const problemText = passwordProblem(body.password, body.email);
        if (problemText) throw invalid([{ path: 'body.password', message: problemText }]);
      }
      if (body.canOwnActions && !canOwnActionsByDefault(body.role)) throw ownerRoleProblem();
      const row = await createUser(app.db, request.actor, body, app.passwordCost);
      return reply.code(201).send(toAccount(row));
    },
  );

  app.patch(
    '/users/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['users'],
        params: idParam,
        body: accountUpdate,
        response: { 200: account, 400: problem, 404: problem, 409: problem },
      },
    },
    async (request) => {
      const { version, ...patch } = request.body;
      if (request.params.id === request.user!.id && (patch.disabled || (patch.role && patch.role !== 'admin')))
        throw invalid([{ path: 'body.role', message: 'You cannot remove your own admin access' }]);
      const current = await getUser(app.db, request.params.id);
      if (patch.canOwnActions && !canOwnActionsByDefault(patch.role ?? current?.role ?? 'viewer'))
        throw ownerRoleProblem();
      if (
        patch.managerId != null &&
        (patch.managerId === request.params.id || !(await activeUserExists(app.db, patch.managerId)))
      )
        throw invalid([{ path: 'body.managerId', message: 'Choose another person with an account as their manager' }]);
      try {
        return toAccount(await updateUser(app.db, request.actor, request.params.id, version, patch));
      } catch (err) {
        if (err instanceof VersionConflict) throw conflict(toAccount(err.current as UserRow));
        throw err;
      }
    },
  );

  app.post(
    '/users/:id/password',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['users'],
        params: idParam,
        body: passwordReset,
        response: { 204: z.null(), 400: problem, 404: problem },
      },
    },
    async (request, reply) => {
      const u = await getUser(app.db, request.params.id);
      if (!u) throw notFound('User');
      const problemText = passwordProblem(request.body.password, u.email);
      if (problemText) throw invalid([{ path: 'body.password', message: problemText }]);
      await resetPassword(app.db, request.actor, u.id, request.body.password, {}, app.passwordCost);
      return reply.code(204).send(null);
    },
  );
};

export default userRoutes;

/** Only roles that may update actions can own them: an owner who cannot update one would be stuck. */
function ownerRoleProblem() {
  return invalid([
    {
      path: 'body.canOwnActions',
      message: 'Only action owners and admins can update actions, so only they can own them',
    },
  ]);
}
