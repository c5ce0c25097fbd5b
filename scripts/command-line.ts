// How an operator command reads what it was given: its arguments and DATABASE_URL. A mistake in
// either is the operator's, so it is printed (with the command's usage) and the command exits 2,
// before it touches any database.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { postgresUrlFrom } from '../db/postgres.js';

type Options = NonNullable<ParseArgsConfig['options']>;

function refuse(err: unknown, usage?: string): never {
  console.error(usage ? `${(err as Error).message}\n${usage}` : (err as Error).message);
  process.exit(2);
}

/** DATABASE_URL's PostgreSQL address, or null for SQLite. */
export function databaseUrl(usage?: string): string | null {
  try {
    return postgresUrlFrom(process.env);
  } catch (err) {
    refuse(err, usage);
  }
}

/** The command's options and positional arguments, and DATABASE_URL's address (null: SQLite). */
export function readCommandLine<O extends Options>(usage: string, options: O) {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options });
  } catch (err) {
    refuse(err, usage);
  }
  return { ...args, url: databaseUrl(usage) };
}
