// "How we'll know": measures and their values by period. Figures about very few children are
// suppressed in every response, except to those who enter them (server/domain/measure-figures.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  archiveQuery,
  idParam,
  isoDate,
  measureCreate,
  measureDetail,
  measureDetailQuery,
  measureImportRequest,
  measureImportResult,
  measurePeriod,
  measurePage,
  measureQuery,
  measureUpdate,
  measureValue,
  measureValueParams,
  measureValuePut,
  problem,
  restoreBody,
  type Measure,
  type MeasureDetail,
  type MeasureImportMapping,
  type MeasureImportResult,
  type MeasureValue,
  type SessionUser,
} from '../contracts/index.js';
import { forbidden, invalid, notFound, type FieldProblem } from '../errors.js';
import { isSmall, suppressValue } from '../domain/small-numbers.js';
import { againstTarget, measureTrend } from '../domain/measure-trend.js';
import { mayEnterFigures, seesRealFigures } from '../domain/measure-figures.js';
import { periodEnd } from '../domain/period-end.js';
import { getSettings } from '../../db/repositories/settings.js';
import { isAssignableOwner, promiseIsOpen } from '../../db/repositories/commitments.js';
import {
  archiveMeasure,
  createMeasure,
  deleteMeasureValue,
  getMeasure,
  importMeasureValues,
  listMeasures,
  periodsHeld,
  promiseLeadOf,
  putMeasureValue,
  restoreMeasure,
  updateMeasure,
  valuesByMeasure,
  type MeasureListRow,
  type MeasureRow,
  type MeasureValueRow,
} from '../../db/repositories/measures.js';
import { linkedPromisesOf } from '../../db/repositories/measure-links.js';
import type { Db } from '../../db/client.js';
import { checkCsv, parseCsv, suggestMapping } from '../domain/csv-import.js';

/** Headings a file exported from a spreadsheet or another system commonly uses. */
const IMPORT_ALIASES: Record<keyof MeasureImportMapping, readonly string[]> = {
  period: ['Period', 'Year', 'Quarter', 'Month'],
  periodEnd: ['Period end', 'Period ending', 'End date'],
  value: ['Value', 'Figure', 'Result'],
  base: ['Base', 'Number of children', 'Cohort'],
  englandAverage: ['England average', 'England', 'National average'],
  statNeighbours: ['Statistical neighbours', 'Stat neighbours', 'Comparator'],
};

/** The file's headings, or none when it cannot be read (checkCsv then says why). */
function headingsOf(csv: string): string[] {
  try {
    return parseCsv(csv).headers;
  } catch {
    return [];
  }
}

/** What to say when a period's name does not tell its end. */
const unknownEnd = (period: string) =>
  `We cannot tell when “${period}” ends from its name: enter the date it ends (YYYY-MM-DD)`;

const optionalFigure = z.coerce.number({ message: 'Enter a number' }).finite().optional();
const importRowSchema = z.object({
  period: measurePeriod,
  periodEnd: isoDate.optional(),
  value: z.coerce.number({ message: 'Enter a number' }).finite(),
  base: z.coerce
    .number({ message: 'Enter a whole number' })
    .int('Enter a whole number')
    .min(0)
    .max(1_000_000)
    .optional(),
  englandAverage: optionalFigure,
  statNeighbours: optionalFigure,
});

/** Who may change a measure and its values: admins, and an owner on their own measures. */
export function mayEdit(user: SessionUser, row: Pick<MeasureRow, 'ownerId'>): boolean {
  return user.role === 'admin' || (user.role === 'owner' && row.ownerId === user.id);
}

function toValue(row: MeasureValueRow, unit: MeasureRow['unit'], threshold: number, real: boolean): MeasureValue {
  if (real) return { ...row, suppressed: false };
  const shown = suppressValue({ unit, value: row.value, base: row.base }, threshold);
  // The base is itself a count of children: a small one is hidden too.
  const base = row.base != null && isSmall(row.base, threshold) ? null : row.base;
  return { ...row, ...shown, base };
}

function toMeasure(
  row: MeasureListRow,
  values: MeasureValueRow[],
  threshold: number,
  real: boolean,
  linkedPromises: Measure['linkedPromises'],
): Measure & { values: MeasureValue[] } {
  const shown = values.map((v) => toValue(v, row.unit, threshold, real));
  const latest = shown.at(-1) ?? null;
  const baseline = real
    ? { value: row.baseline, suppressed: false }
    : suppressValue({ unit: row.unit, value: row.baseline }, threshold);
  return {
    ...row,
    linkedPromises,
    baseline: baseline.value,
    baselineSuppressed: baseline.suppressed,
    latest,
    trend: measureTrend(
      shown.map((v) => v.value),
      row.direction,
    ),
    targetStatus: againstTarget(latest?.value ?? null, row.target, row.direction),
    values: shown,
  };
}

function referenceProblems(db: Db, body: { promiseId?: number; ownerId?: number | null }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (body.promiseId !== undefined && !promiseIsOpen(db, body.promiseId))
    problems.push({ path: 'body.promiseId', message: 'Choose a promise that exists and is not archived' });
  if (body.ownerId != null && !isAssignableOwner(db, body.ownerId))
    problems.push({ path: 'body.ownerId', message: 'Choose a person who can own actions' });
  return problems;
}

/** A percentage lies between 0 and 100; a count of children is never negative. */
function valueProblems(unit: MeasureRow['unit'], value: number): FieldProblem[] {
  if (unit === 'percent' && (value < 0 || value > 100))
    return [{ path: 'body.value', message: 'Enter a percentage from 0 to 100' }];
  if (unit === 'count' && value < 0) return [{ path: 'body.value', message: 'Enter a count of 0 or more' }];
  return [];
}

const NOT_YOURS = 'You can only enter figures for measures you own or that belong to a promise you lead.';

const measureRoutes: FastifyPluginAsyncZod = async (app) => {
  const threshold = () => getSettings(app.db).smallNumberThreshold;
  /** The figures rule for a bare measure row, as the writes hand it over inside their transaction. */
  const mayEnterFiguresFor = (user: SessionUser, m: MeasureRow) =>
    mayEnterFigures(user, { ownerId: m.ownerId, promiseLeadId: promiseLeadOf(app.db, m.promiseId) });

  async function detail(id: number, user: SessionUser, view: 'edit' | 'display' = 'edit'): Promise<MeasureDetail> {
    const row = await getMeasure(app.db, id);
    if (!row) throw notFound('Measure');
    return {
      ...toMeasure(
        row,
        (await valuesByMeasure(app.db, [id])).get(id) ?? [],
        threshold(),
        seesRealFigures(user, row, view),
        (await linkedPromisesOf(app.db, [id])).get(id) ?? [],
      ),
      mayEnterFigures: mayEnterFigures(user, row),
    };
  }

  app.get(
    '/measures',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['measures'], querystring: measureQuery, response: { 200: measurePage, 400: problem } },
    },
    async (request) => {
      const q = request.query;
      const user = request.user!;
      const limit = threshold();
      const { rows, total } = await listMeasures(app.db, q);
      const values = await valuesByMeasure(
        app.db,
        rows.map((r) => r.id),
      );
      const linked = await linkedPromisesOf(
        app.db,
        rows.map((r) => r.id),
      );
      const items = rows.map((r) => {
        const { values: _values, ...item } = toMeasure(
          r,
          values.get(r.id) ?? [],
          limit,
          seesRealFigures(user, r, q.view),
          linked.get(r.id) ?? [],
        );
        return item;
      });
      return { items, total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/measures/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['measures'],
        params: idParam,
        querystring: measureDetailQuery,
        response: { 200: measureDetail, 404: problem },
      },
    },
    async (request) => await detail(request.params.id, request.user!, request.query.view),
  );

  app.post(
    '/measures',
    {
      config: { access: ['admin'] },
      schema: { tags: ['measures'], body: measureCreate, response: { 201: measureDetail, 400: problem } },
    },
    async (request, reply) => {
      const problems = referenceProblems(app.db, request.body);
      if (problems.length) throw invalid(problems);
      const row = await createMeasure(app.db, request.actor, request.body);
      return reply.code(201).send(await detail(row.id, request.user!));
    },
  );

  app.patch(
    '/measures/:id',
    {
      config: { access: ['admin', 'owner'] },
      schema: {
        tags: ['measures'],
        params: idParam,
        body: measureUpdate,
        response: { 200: measureDetail, 400: problem, 403: problem, 404: problem, 409: problem },
      },
    },
    async (request) => {
      const user = request.user!;
      const { version, ...patch } = request.body;
      await updateMeasure(app.db, request.actor, request.params.id, version, patch, (current) => {
        if (!mayEdit(user, current)) throw forbidden('You can only change measures you own.');
        const moves =
          (patch.ownerId !== undefined && patch.ownerId !== current.ownerId) ||
          (patch.promiseId !== undefined && patch.promiseId !== current.promiseId);
        if (moves && user.role !== 'admin')
          throw forbidden('Only an administrator can move a measure to another owner or promise.');
        const problems = referenceProblems(app.db, {
          promiseId: patch.promiseId !== current.promiseId ? patch.promiseId : undefined,
          ownerId: patch.ownerId !== current.ownerId ? patch.ownerId : undefined,
        });
        if (problems.length) throw invalid(problems);
      });
      return await detail(request.params.id, user);
    },
  );

  app.delete(
    '/measures/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['measures'],
        params: idParam,
        querystring: archiveQuery,
        response: { 204: z.null(), 400: problem, 404: problem, 409: problem },
      },
    },
    async (request, reply) => {
      await archiveMeasure(app.db, request.actor, request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/measures/:id/restore',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['measures'],
        params: idParam,
        body: restoreBody,
        response: { 200: measureDetail, 400: problem, 404: problem, 409: problem },
      },
    },
    async (request) => {
      await restoreMeasure(app.db, request.actor, request.params.id, request.body.version);
      return await detail(request.params.id, request.user!);
    },
  );

  app.put(
    '/measures/:id/values/:period',
    {
      config: { access: ['admin', 'owner'] },
      schema: {
        tags: ['measures'],
        params: measureValueParams,
        body: measureValuePut,
        response: { 200: measureValue, 201: measureValue, 400: problem, 403: problem, 404: problem, 409: problem },
      },
    },
    async (request, reply) => {
      const user = request.user!;
      const { id, period } = request.params;
      const end = request.body.periodEnd ?? periodEnd(period);
      if (!end) throw invalid([{ path: 'body.periodEnd', message: unknownEnd(period) }]);
      const body = { ...request.body, periodEnd: end };
      const { row, created } = await putMeasureValue(app.db, request.actor, id, period, body, (measure) => {
        if (!mayEnterFiguresFor(user, measure)) throw forbidden(NOT_YOURS);
        const problems = valueProblems(measure.unit, request.body.value);
        if (problems.length) throw invalid(problems);
      });
      // Only the owner or an admin gets here, so the figure goes back as entered.
      return reply.code(created ? 201 : 200).send({ ...row, suppressed: false });
    },
  );

  app.post(
    '/measures/:id/values/import',
    {
      config: { access: ['admin', 'owner'] },
      schema: {
        tags: ['measures'],
        params: idParam,
        body: measureImportRequest,
        response: { 200: measureImportResult, 400: problem, 403: problem, 404: problem },
      },
    },
    async (request): Promise<MeasureImportResult> => {
      const user = request.user!;
      const { id } = request.params;
      const measure = await getMeasure(app.db, id);
      if (!measure) throw notFound('Measure');
      if (!mayEnterFigures(user, measure)) throw forbidden(NOT_YOURS);
      const { csv, dryRun } = request.body;
      const mapping: MeasureImportMapping = request.body.mapping ?? suggestMapping(headingsOf(csv), IMPORT_ALIASES);

      const seen = new Map<string, number>();
      const check = checkCsv(csv, mapping, importRowSchema, {
        required: ['period', 'value'],
        maxRows: 2000,
        extraCheck: (v, row) => {
          const problems: { field: string; message: string }[] = valueProblems(measure.unit, v.value).map((p) => ({
            field: 'value',
            message: p.message,
          }));
          if (!v.periodEnd && !periodEnd(v.period))
            problems.push({ field: 'periodEnd', message: unknownEnd(v.period) });
          const first = seen.get(v.period);
          if (first !== undefined)
            problems.push({ field: 'period', message: `The period ${v.period} is also on row ${first}` });
          else seen.set(v.period, row);
          return problems;
        },
      });
      const held = await periodsHeld(app.db, id);
      const rows = check.rows.map(({ row, value: v }) => ({
        row,
        period: v.period,
        periodEnd: v.periodEnd ?? periodEnd(v.period)!,
        value: v.value,
        base: v.base ?? null,
        englandAverage: v.englandAverage ?? null,
        statNeighbours: v.statNeighbours ?? null,
        action: held.has(v.period) ? ('replace' as const) : ('add' as const),
      }));
      const committed = !dryRun && check.problems.length === 0;
      if (committed)
        await importMeasureValues(
          app.db,
          request.actor,
          id,
          rows.map(({ row: _r, action: _a, ...v }) => v),
          (m) => {
            if (!mayEnterFiguresFor(user, m)) throw forbidden(NOT_YOURS);
          },
        );
      // Only the owner or an admin gets here: the figures go back as entered, for them to check.
      return {
        dryRun,
        committed,
        headers: check.headers,
        mapping,
        rowCount: check.rowCount,
        rows,
        problems: check.problems,
      };
    },
  );

  app.delete(
    '/measures/:id/values/:period',
    {
      config: { access: ['admin', 'owner'] },
      schema: {
        tags: ['measures'],
        params: measureValueParams,
        response: { 204: z.null(), 403: problem, 404: problem },
      },
    },
    async (request, reply) => {
      const user = request.user!;
      await deleteMeasureValue(app.db, request.actor, request.params.id, request.params.period, (measure) => {
        if (!mayEnterFiguresFor(user, measure)) throw forbidden(NOT_YOURS);
      });
      return reply.code(204).send(null);
    },
  );
};

export default measureRoutes;
