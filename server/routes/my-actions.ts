// "My actions" for whoever is signed in (council officers and partner owners alike), and the
// admin's page of every owner's overdue and stale items.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { seesSafeguarding } from '../domain/need-to-know.js';
import {
  actionsOverview,
  myActions,
  type MyAction,
  type MyActionGroup,
  type OverviewItem,
  type OwnerOverview,
} from '../contracts/index.js';
import {
  attentionOf,
  byAttention,
  daysSinceUpdate,
  isStale,
  ATTENTION_ORDER,
  type AttentionRules,
} from '../domain/action-attention.js';
import { dateIn } from '../domain/time.js';
import { mayEnterFigures } from '../domain/measure-figures.js';
import type { AgeBand } from '../../db/schema.js';
import { getSettings } from '../../db/repositories/settings.js';
import { youSaidFor } from '../../db/repositories/commitments.js';
import {
  latestPeriod,
  measuresOwnedBy,
  openCommitments,
  type OpenCommitmentRow,
} from '../../db/repositories/my-actions.js';
import { toCommitment, toYouSaid } from './commitments.js';
import { wordsReader } from '../services/words-shown.js';

const myActionRoutes: FastifyPluginAsyncZod = async (app) => {
  function rules(): AttentionRules & { timeZone: string; ageBands: AgeBand[] } {
    const s = getSettings(app.db);
    return {
      today: app.today(),
      dueSoonDays: s.dueSoonDays,
      staleAfterDays: s.staleAfterDays,
      timeZone: s.timeZone,
      ageBands: s.ageBands,
    };
  }

  /** The council-zone date of the last update, or of creation when never updated. */
  const touchedOn = (row: OpenCommitmentRow, timeZone: string) =>
    dateIn(new Date(row.lastUpdateAt ?? row.createdAt), timeZone);

  app.get(
    '/my-actions',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['my-actions'], response: { 200: myActions } },
    },
    async (request) => {
      const user = request.user!;
      const r = rules();
      const rows = await openCommitments(app.db, user.id);
      const youSaid = await youSaidFor(
        app.db,
        rows.map((c) => c.id),
        seesSafeguarding(user.role),
      );
      const reader = wordsReader(app.db, user.role);
      const groups = new Map<number, MyActionGroup>();
      const group = (promiseId: number, promiseStaffText: string) => {
        let g = groups.get(promiseId);
        if (!g) groups.set(promiseId, (g = { promiseId, promiseStaffText, commitments: [], measures: [] }));
        return g;
      };
      for (const row of rows) {
        const lastTouchedOn = touchedOn(row, r.timeZone);
        const item: MyAction = {
          ...toCommitment(row, r.today),
          attention: attentionOf({ ...row, lastTouchedOn }, r),
          daysSinceUpdate: daysSinceUpdate({ lastTouchedOn }, r.today),
          youSaid: toYouSaid(youSaid.get(row.id) ?? [], r.ageBands, reader),
        };
        group(row.promiseId, row.promiseStaffText).commitments.push(item);
      }
      for (const m of (await measuresOwnedBy(app.db, user.id)).filter((m) => mayEnterFigures(user, m)))
        group(m.promiseId, m.promiseStaffText).measures.push({
          id: m.id,
          name: m.name,
          unit: m.unit,
          latestPeriod: await latestPeriod(app.db, m.id),
        });

      const list = [...groups.values()];
      for (const g of list) g.commitments.sort(byAttention);
      // A promise with something overdue comes first, then due soon, then stale; ties keep promise order.
      const rank = (g: MyActionGroup) => ATTENTION_ORDER.indexOf(g.commitments[0]?.attention ?? 'none');
      list.sort((a, b) => rank(a) - rank(b));
      const all = list.flatMap((g) => g.commitments);
      return {
        dueSoonDays: r.dueSoonDays,
        staleAfterDays: r.staleAfterDays,
        counts: {
          overdue: all.filter((c) => c.attention === 'overdue').length,
          dueSoon: all.filter((c) => c.attention === 'due_soon').length,
          stale: all.filter((c) => c.attention === 'stale').length,
        },
        groups: list,
      };
    },
  );

  app.get(
    '/my-actions/overview',
    {
      config: { access: ['admin'] },
      schema: { tags: ['my-actions'], response: { 200: actionsOverview } },
    },
    async () => {
      const r = rules();
      const owners = new Map<number | null, OwnerOverview>();
      for (const row of await openCommitments(app.db)) {
        const lastTouchedOn = touchedOn(row, r.timeZone);
        const judged = { ...row, lastTouchedOn };
        const overdue = attentionOf(judged, r) === 'overdue';
        const stale = isStale(judged, r);
        if (!overdue && !stale) continue;
        let o = owners.get(row.ownerId);
        if (!o)
          owners.set(
            row.ownerId,
            (o = {
              ownerId: row.ownerId,
              ownerName: row.ownerName,
              jobTitle: row.ownerJobTitle ?? '',
              agency: row.ownerAgency ?? '',
              overdue: [],
              stale: [],
            }),
          );
        const item: OverviewItem = {
          ...toCommitment(row, r.today),
          daysSinceUpdate: daysSinceUpdate({ lastTouchedOn }, r.today),
          stale,
        };
        (overdue ? o.overdue : o.stale).push(item);
      }
      // Most overdue and stale items first; nobody's items (no owner) last, as they need an owner first.
      const list = [...owners.values()].sort((a, b) => {
        if ((a.ownerId === null) !== (b.ownerId === null)) return a.ownerId === null ? 1 : -1;
        const n = b.overdue.length + b.stale.length - (a.overdue.length + a.stale.length);
        return n !== 0 ? n : (a.ownerName ?? '').localeCompare(b.ownerName ?? '');
      });
      for (const o of list) {
        o.overdue.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id - b.id));
        o.stale.sort((a, b) => b.daysSinceUpdate - a.daysSinceUpdate || a.id - b.id);
      }
      return { dueSoonDays: r.dueSoonDays, staleAfterDays: r.staleAfterDays, owners: list };
    },
  );
};

export default myActionRoutes;
