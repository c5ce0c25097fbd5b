// The PostgreSQL schema is a copy of the SQLite one: this holds the two to the same tables,
// columns, types (through one explicit map), nullability, defaults, keys, indexes and foreign keys.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, type PgTable } from 'drizzle-orm/pg-core';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as sqliteSchema from '../../db/schema.js';
import * as pgSchema from '../../db/schema-postgres.js';
import { pgShape, schemaDifferences, sqliteShape, tablesOf } from '../helpers/schema-shape.js';

const sqliteTables = tablesOf<SQLiteTable>(sqliteSchema, 'sqlite');
const pgTables = tablesOf<PgTable>(pgSchema, 'pg');

describe('the PostgreSQL schema', () => {
  it('has every table of the SQLite schema and no other, column for column', () => {
    // Read this list when it fails: each line says what to add or change in db/schema-postgres.ts.
    expect(schemaDifferences(sqliteTables, pgTables)).toEqual([]);
    expect(sqliteTables.size).toBeGreaterThanOrEqual(30);
  });

  it('compares something real on each side: types, defaults, keys, indexes and foreign keys', () => {
    const feedback = pgShape(pgTables.get('feedback')!);
    expect(feedback.columns['safeguarding']).toMatchObject({ type: 'PgBoolean', notNull: true, default: 'false' });
    expect(feedback.columns['id']).toMatchObject({ type: 'PgInteger', primary: true, generated: true });
    expect(feedback.indexes).toContain('feedback_waiting_order_idx on ("fed_back_on", "heard_on")');
    const sessions = sqliteShape(sqliteTables.get('sessions')!);
    expect(sessions.foreignKeys).toEqual([
      'sessions_user_id_users_id_fk: (user_id) → users(id) on delete cascade, on update no action',
    ]);
    expect(sqliteShape(sqliteTables.get('feedback_promises')!).primaryKeys).toEqual(['feedback_id, promise_id']);
    expect(sqliteShape(sqliteTables.get('users')!).indexes).toEqual(['unique users_email_unique on ("email")']);
  });
});

describe('the comparison', () => {
  const original = pgTables.get('sessions')!;
  const without = (name: string) => new Map([...pgTables].filter(([key]) => key !== name));
  const withSessions = (table: PgTable) => new Map([...without('sessions'), ['sessions', table]]);
  // A deliberately altered copy of sessions; each case changes one thing.
  const sessions = (change: Partial<Record<'type' | 'nullable' | 'default' | 'index' | 'cascade' | 'where', true>>) =>
    pgTable(
      'sessions',
      {
        id: text('id').primaryKey(),
        userId: integer('user_id')
          .notNull()
          .references(() => pgSchema.users.id, change.cascade ? undefined : { onDelete: 'cascade' }),
        csrfToken: change.nullable ? text('csrf_token') : text('csrf_token').notNull(),
        createdAt: change.default ? text('created_at').notNull().default('') : text('created_at').notNull(),
        lastSeenAt: change.type ? boolean('last_seen_at').notNull() : text('last_seen_at').notNull(),
      },
      (t) =>
        change.index
          ? []
          : [
              change.where
                ? index('sessions_user_idx')
                    .on(t.userId)
                    .where(sql`${t.userId} > 0`)
                : index('sessions_user_idx').on(t.userId),
            ],
    );

  it('finds no difference in an unaltered copy', () => {
    expect(schemaDifferences(sqliteTables, withSessions(sessions({})))).toEqual([]);
    expect(pgShape(sessions({}))).toEqual(pgShape(original));
  });

  it.each([
    ['type', 'sessions.last_seen_at: type is "PgBoolean" on PostgreSQL, "PgText" expected'],
    ['nullable', 'sessions.csrf_token: notNull is false on PostgreSQL, true expected'],
    ['default', `sessions.created_at: default is "\\"\\"" on PostgreSQL, null expected`],
    ['index', 'sessions: index sessions_user_idx on ("user_id") is missing on PostgreSQL'],
    ['where', 'sessions: index sessions_user_idx on ("user_id") where "user_id" > 0 is only on PostgreSQL'],
    [
      'cascade',
      'sessions: foreign key sessions_user_id_users_id_fk: (user_id) → users(id) on delete no action, on update no action is only on PostgreSQL',
    ],
  ] as const)('reports a copy with a changed %s', (change, sentence) => {
    expect(schemaDifferences(sqliteTables, withSessions(sessions({ [change]: true })))).toContain(sentence);
  });

  it('reports a missing table and a table only on PostgreSQL', () => {
    expect(schemaDifferences(sqliteTables, without('outbox'))).toEqual(['table outbox is missing on PostgreSQL']);
    const extra = pgTable('extra', { id: integer('id').primaryKey() });
    expect(schemaDifferences(sqliteTables, new Map([...pgTables, ['extra', extra]]))).toEqual([
      'table extra is only on PostgreSQL',
    ]);
  });

  it('reports a mapped SQL default written differently', () => {
    const changed = pgTable('job_leases', {
      name: text('name').primaryKey(),
      holder: text('holder')
        .notNull()
        .default(sql`(now())`),
      expiresAt: text('expires_at').notNull(),
    });
    expect(schemaDifferences(sqliteTables, new Map([...pgTables, ['job_leases', changed]]))).toEqual([
      'job_leases.holder: default is "sql:(now())" on PostgreSQL, null expected',
    ]);
  });
});
