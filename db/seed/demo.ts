// The demo council: a realistic, entirely fictional council for trying the product.
import { count } from 'drizzle-orm';
import type { Db } from '../client.js';
import { themes } from '../schema.js';
import { ensureSettings } from '../repositories/settings.js';

export function isEmptyCouncil(db: Db): boolean {
  return (db.select({ n: count() }).from(themes).get()?.n ?? 0) === 0;
}

export async function seedDemo(db: Db): Promise<void> {
  ensureSettings(db, 'Westmere Borough Council');
}
