// A select list for a plain better-sqlite3 statement that reads rows in drizzle's shape: each
// column under its TypeScript name. Hot reads use it to skip drizzle's row mapping, which cost
// as much as SQLite's own work for a short list.
import { getTableColumns } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/** Column types SQLite hands back exactly as drizzle would (no boolean, JSON or date mapping). */
const PLAIN = new Set(['SQLiteText', 'SQLiteInteger', 'SQLiteReal']);

/** `alias."db_name" as "tsName", …` for every column; throws for a column drizzle would map. */
export function plainColumns(table: SQLiteTable, alias: string): string {
  return Object.entries(getTableColumns(table))
    .map(([key, column]) => {
      if (!PLAIN.has(column.columnType))
        throw new Error(`${key} is ${column.columnType}: read it through drizzle, which maps it`);
      return `${alias}."${column.name}" as "${key}"`;
    })
    .join(', ');
}
