import { defineConfig } from 'drizzle-kit';

// PostgreSQL's migrations, from its own copy of the schema (db/POSTGRES.md); SQLite's stay in
// ./migrations with drizzle.config.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema-postgres.ts',
  out: './migrations/postgres',
  casing: 'snake_case',
});
