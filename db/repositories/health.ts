// The health check's one question to the database.
import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';

/** Asks the database the smallest question; throws when it cannot answer. */
export async function databaseAnswers(db: Db): Promise<void> {
  await db.get(sql`select 1`);
}
