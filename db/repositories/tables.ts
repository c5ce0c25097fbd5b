// What a repository module builds from tables once (a set of columns, a condition) is built per
// engine's schema: `db.tables` holds SQLite's or PostgreSQL's tables (db/POSTGRES.md).
import type { Tables } from '../client.js';

/** `make(tables)`, made once per tables object and kept. */
export function byTables<T>(make: (tables: Tables) => T): (tables: Tables) => T {
  const made = new WeakMap<Tables, T>();
  return (tables) => {
    let value = made.get(tables);
    if (value === undefined) made.set(tables, (value = make(tables)));
    return value;
  };
}
