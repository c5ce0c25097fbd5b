// The shape of a drizzle schema in words both dialects share, and the differences between a
// SQLite schema and its PostgreSQL copy (test/db/schema-dialects.test.ts). Only the PostgreSQL
// types that keep a repository's values the same are accepted for each SQLite type.
import { is, SQL, StringChunk, Column, Param } from 'drizzle-orm';
import { getTableConfig as sqliteConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { getTableConfig as pgConfig, IndexedColumn, PgTable } from 'drizzle-orm/pg-core';

/** Which PostgreSQL column type stands for each SQLite one (drizzle's column classes). */
export const TYPE_MAP: Record<string, string> = {
  SQLiteInteger: 'PgInteger',
  SQLiteBoolean: 'PgBoolean',
  SQLiteText: 'PgText',
  SQLiteTextJson: 'PgJson',
  SQLiteReal: 'PgDoublePrecision',
};

/** SQL defaults written differently in each dialect that give the same value. */
export const SQL_DEFAULT_MAP: Record<string, string> = {
  "(strftime('%Y-%m-%dT%H:%M:%fZ','now'))": `(to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`,
};

export type ColumnShape = {
  type: string;
  notNull: boolean;
  /** 'sql:<text>' for an SQL default, JSON of the value otherwise, null for none. */
  default: string | null;
  primary: boolean;
  /** Numbered by the database when a row is written without it (autoincrement / identity). */
  generated: boolean;
  unique: boolean;
  enumValues: string[] | null;
};

export type TableShape = {
  columns: Record<string, ColumnShape>;
  primaryKeys: string[];
  indexes: string[];
  foreignKeys: string[];
  uniqueConstraints: string[];
  checks: string[];
};

/** SQL as text: the same fragment gives the same text whichever dialect holds it. */
export function sqlText(value: unknown): string {
  if (is(value, SQL)) return value.queryChunks.map(sqlText).join('');
  if (is(value, StringChunk)) return value.value.join('');
  if (is(value, Column)) return `"${value.name}"`;
  if (is(value, Param)) return JSON.stringify(value.value);
  if (Array.isArray(value)) return value.map(sqlText).join(', ');
  return JSON.stringify(value);
}

function defaultText(column: Column): string | null {
  if (!column.hasDefault || column.default === undefined) return null;
  return is(column.default, SQL) ? `sql:${sqlText(column.default)}` : JSON.stringify(column.default);
}

function columnShape(column: Column, type: string, generated: boolean): ColumnShape {
  return {
    type,
    notNull: column.notNull,
    default: defaultText(column),
    primary: column.primary,
    generated,
    unique: column.isUnique,
    enumValues: column.enumValues ? [...column.enumValues] : null,
  };
}

const names = (columns: { name: string }[]) => columns.map((c) => c.name).join(', ');

type ForeignKeyLike = {
  getName(): string;
  reference(): { columns: { name: string }[]; foreignTable: unknown; foreignColumns: { name: string }[] };
  onDelete?: string | undefined;
  onUpdate?: string | undefined;
};
function foreignKeyText(fk: ForeignKeyLike, tableName: (table: unknown) => string): string {
  const ref = fk.reference();
  return (
    `${fk.getName()}: (${names(ref.columns)}) → ${tableName(ref.foreignTable)}(${names(ref.foreignColumns)})` +
    ` on delete ${fk.onDelete ?? 'no action'}, on update ${fk.onUpdate ?? 'no action'}`
  );
}

export function sqliteShape(table: SQLiteTable): TableShape {
  const config = sqliteConfig(table);
  const columns: Record<string, ColumnShape> = {};
  for (const column of config.columns) {
    const mapped = TYPE_MAP[column.columnType] ?? `unmapped SQLite type ${column.columnType}`;
    // autoincrement ↔ identity. A plain INTEGER PRIMARY KEY is numbered by SQLite too (it is the
    // rowid), but the schema says the code always writes it (settings' id 1, an import's audit id).
    const auto = (column as { autoIncrement?: boolean }).autoIncrement === true;
    columns[column.name] = columnShape(column, mapped, auto);
  }
  return {
    columns,
    primaryKeys: config.primaryKeys.map((pk) => names(pk.columns)),
    indexes: config.indexes.map((index) => {
      const c = index.config;
      const where = c.where ? ` where ${sqlText(c.where)}` : '';
      return `${c.unique ? 'unique ' : ''}${c.name} on (${c.columns.map(sqlText).join(', ')})${where}`;
    }),
    foreignKeys: config.foreignKeys.map((fk) => foreignKeyText(fk, (t) => sqliteConfig(t as SQLiteTable).name)),
    uniqueConstraints: config.uniqueConstraints.map((u) => `${u.name ?? ''} (${names(u.columns)})`),
    checks: config.checks.map((check) => `${check.name}: ${sqlText(check.value)}`),
  };
}

export function pgShape(table: PgTable): TableShape {
  const config = pgConfig(table);
  const columns: Record<string, ColumnShape> = {};
  for (const column of config.columns) {
    columns[column.name] = columnShape(column, column.columnType, column.generatedIdentity !== undefined);
  }
  return {
    columns,
    primaryKeys: config.primaryKeys.map((pk) => names(pk.columns)),
    indexes: config.indexes.map((index) => {
      const c = index.config;
      const where = c.where ? ` where ${sqlText(c.where)}` : '';
      const cols = c.columns.map((col) => {
        if (!is(col, IndexedColumn)) return sqlText(col);
        // SQLite's schema declares no order, nulls placement or operator class: only PostgreSQL's
        // defaults may stand here. (An index's order does not change a query's answer; ORDER BY's
        // nulls do differ between the engines: see db/POSTGRES.md.)
        const defaults: Record<string, unknown> = { order: 'asc', nulls: 'last' };
        const extra = Object.entries<unknown>(col.indexConfig ?? {}).filter(
          ([k, v]) => v !== undefined && v !== false && defaults[k] !== v,
        );
        return `"${col.name}"${extra.length ? ` ${JSON.stringify(Object.fromEntries(extra))}` : ''}`;
      });
      const method = c.method === 'btree' ? '' : ` using ${c.method}`;
      return `${c.unique ? 'unique ' : ''}${c.name} on (${cols.join(', ')})${where}${method}`;
    }),
    foreignKeys: config.foreignKeys.map((fk) => foreignKeyText(fk, (t) => pgConfig(t as PgTable).name)),
    uniqueConstraints: config.uniqueConstraints.map((u) => `${u.name ?? ''} (${names(u.columns)})`),
    checks: config.checks.map((check) => `${check.name}: ${sqlText(check.value)}`),
  };
}

/** Tables of a schema module by their SQL name. */
export function tablesOf<T>(module: Record<string, unknown>, kind: 'sqlite' | 'pg'): Map<string, T> {
  const tables = new Map<string, T>();
  for (const value of Object.values(module)) {
    if (kind === 'sqlite' && is(value, SQLiteTable)) tables.set(sqliteConfig(value).name, value as T);
    if (kind === 'pg' && is(value, PgTable)) tables.set(pgConfig(value).name, value as T);
  }
  return tables;
}

function listDifferences(where: string, what: string, sqlite: string[], pg: string[]): string[] {
  const out: string[] = [];
  for (const item of sqlite) if (!pg.includes(item)) out.push(`${where}: ${what} ${item} is missing on PostgreSQL`);
  for (const item of pg) if (!sqlite.includes(item)) out.push(`${where}: ${what} ${item} is only on PostgreSQL`);
  return out;
}

/** Every way the PostgreSQL tables differ from the SQLite ones, one sentence each ([] when they agree). */
export function schemaDifferences(sqlite: Map<string, SQLiteTable>, pg: Map<string, PgTable>): string[] {
  const out: string[] = [];
  for (const name of sqlite.keys()) if (!pg.has(name)) out.push(`table ${name} is missing on PostgreSQL`);
  for (const name of pg.keys()) if (!sqlite.has(name)) out.push(`table ${name} is only on PostgreSQL`);
  for (const [name, sqliteTable] of sqlite) {
    const pgTable = pg.get(name);
    if (!pgTable) continue;
    const a = sqliteShape(sqliteTable);
    const b = pgShape(pgTable);
    for (const column of Object.keys(a.columns)) {
      const x = a.columns[column]!;
      const y = b.columns[column];
      if (!y) {
        out.push(`${name}.${column} is missing on PostgreSQL`);
        continue;
      }
      if (x.default?.startsWith('sql:')) {
        const text = x.default.slice(4);
        x.default = `sql:${SQL_DEFAULT_MAP[text] ?? text}`;
      }
      for (const key of Object.keys(x) as (keyof ColumnShape)[]) {
        const [p, q] = [JSON.stringify(x[key]), JSON.stringify(y[key])];
        if (p !== q) out.push(`${name}.${column}: ${key} is ${q} on PostgreSQL, ${p} expected`);
      }
    }
    for (const column of Object.keys(b.columns)) {
      if (!a.columns[column]) out.push(`${name}.${column} is only on PostgreSQL`);
    }
    out.push(...listDifferences(name, 'primary key', a.primaryKeys, b.primaryKeys));
    out.push(...listDifferences(name, 'index', a.indexes, b.indexes));
    out.push(...listDifferences(name, 'foreign key', a.foreignKeys, b.foreignKeys));
    out.push(...listDifferences(name, 'unique constraint', a.uniqueConstraints, b.uniqueConstraints));
    out.push(...listDifferences(name, 'check', a.checks, b.checks));
  }
  return out;
}
