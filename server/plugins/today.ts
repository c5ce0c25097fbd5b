// "Today" is the council's date, not the server's or UTC's: a council in Europe/London is on
// 16 June from midnight there, while UTC is still on the 15th for an hour in summer. Every
// route that compares or stamps a date asks `app.today()`, so the rule lives here once.
import fp from 'fastify-plugin';
import { dateIn } from '../domain/time.js';
import { getSettings } from '../../db/repositories/settings.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Today's date ('YYYY-MM-DD') in the council's time zone, from the app's clock. */
    today: () => string;
  }
}

export default fp(
  async (app) => {
    app.decorate('today', () => dateIn(app.clock.now(), getSettings(app.db).timeZone));
  },
  { name: 'today', dependencies: ['context'] },
);
