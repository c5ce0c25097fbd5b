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
    // Every time zone's offset is a whole number of minutes, so a council's day never changes
    // within one minute of UTC: the date is worked out once a minute (or when the zone changes),
    // not on every call; a cached read asks on every request.
    let day: { minute: number; timeZone: string; date: string } | undefined;
    app.decorate('today', () => {
      const now = app.clock.now();
      const { timeZone } = getSettings(app.db);
      const minute = Math.floor(now.getTime() / 60_000);
      if (day?.minute !== minute || day.timeZone !== timeZone) day = { minute, timeZone, date: dateIn(now, timeZone) };
      return day.date;
    });
  },
  { name: 'today', dependencies: ['context'] },
);
