import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problem, settings, settingsUpdate, type Settings } from '../contracts/index.js';
import { invalid } from '../errors.js';
import { oidcConfigured } from '../config.js';
import { principlesFor } from '../domain/principles.js';
import { withBandIds } from '../domain/age-band-ids.js';
import { feedbackOutside, getSettings, updateSettings, type SettingsRow } from '../../db/repositories/settings.js';
import { activeUserExists } from '../../db/repositories/board.js';

export function toSettings(row: SettingsRow): Settings {
  const { id: _id, ...rest } = row;
  return { ...rest, principles: [...principlesFor(row.nation)] };
}

const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/settings',
    { config: { access: 'signedIn' }, schema: { tags: ['settings'], response: { 200: settings } } },
    async () => toSettings(getSettings(app.db)),
  );

  app.put(
    '/settings',
    {
      config: { access: ['admin'] },
      schema: { tags: ['settings'], body: settingsUpdate, response: { 200: settings, 400: problem, 409: problem } },
    },
    async (request) => {
      const { version, ageBands, ...rest } = request.body;
      // Turning passwords off without a working single sign-on would lock everyone out.
      if (rest.localPasswords === false && !oidcConfigured(app.config))
        throw invalid([
          {
            path: 'body.localPasswords',
            message: 'Set up single sign-on (OIDC_ISSUER_URL, OIDC_CLIENT_ID, PUBLIC_URL) before turning passwords off',
          },
        ]);
      // The ladder's director and chair must be people who can be told.
      const named: ('directorId' | 'chairId')[] = [];
      for (const key of ['directorId', 'chairId'] as const)
        if (rest[key] != null && !(await activeUserExists(app.db, rest[key]))) named.push(key);
      if (named.length)
        throw invalid(named.map((key) => ({ path: `body.${key}`, message: 'Choose a person with an account' })));
      const row = await updateSettings(app.db, request.actor, version, async (before, tx) => {
        // New bands get their id from their label; a band's id never changes once made.
        const patch = { ...rest, ...(ageBands && { ageBands: withBandIds(ageBands, before.ageBands) }) };
        // A council that says it is in Wales uses Welsh unless it says otherwise, as at install.
        if (patch.nation === 'wales' && before.nation !== 'wales' && patch.useWelsh === undefined)
          patch.useWelsh = true;
        // An age band or forum that feedback uses can be renamed but not removed.
        if (patch.ageBands) {
          const used = await feedbackOutside(
            tx,
            'ageBand',
            patch.ageBands.map((b) => b.id),
          );
          if (used > 0)
            throw invalid([
              {
                path: 'body.ageBands',
                message: `${used} feedback items use an age band you removed; rename it instead`,
              },
            ]);
        }
        if (patch.forums) {
          const used = await feedbackOutside(
            tx,
            'forumId',
            patch.forums.map((f) => f.id),
          );
          if (used > 0)
            throw invalid([
              {
                path: 'body.forums',
                message: `${used} feedback items use a forum you removed; mark it inactive instead`,
              },
            ]);
        }
        return patch;
      });
      return toSettings(row);
    },
  );
};

export default settingsRoutes;
