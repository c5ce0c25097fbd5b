// The databases every test starts from, built once per run by test/global-setup.ts: migrating
// and hashing passwords for each test file cost more than many of the files' own tests. Each
// test app gets its own copy of a template, so tests stay as isolated as before.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openAndMigrate, openDatabase, type Db } from '../../db/client.js';
import { ensureSettings } from '../../db/repositories/settings.js';
import { createUser, type PasswordCost } from '../../db/repositories/users.js';
import { systemActor } from '../../db/repositories/audit.js';
import { seedDemo } from '../../db/seed/demo.js';
import type { Role } from '../../server/contracts/index.js';

/**
 * argon2id's minimum (8 KiB, 1 pass, 1 lane), for test accounts only: a hash takes microseconds
 * instead of tens of milliseconds. test/auth/password-cost.test.ts holds the real settings.
 */
export const TEST_PASSWORD_COST: PasswordCost = Object.freeze({ memoryCost: 8, timeCost: 1, parallelism: 1 });

export const TEST_PASSWORD = 'correct-horse-battery-staple';
export const ROLES: readonly Role[] = ['admin', 'participation', 'owner', 'board', 'viewer'];
export const emailFor = (role: Role) => `${role}@test.example`;
const TEST_COUNCIL_NAME = 'Test Borough Council';

export type TemplatePaths = { app: string; demo: string };

/** Builds both templates in `dir`: the test council with one account per role, and the demo council. */
export async function buildTemplates(dir: string): Promise<TemplatePaths> {
  mkdirSync(dir, { recursive: true });
  const paths = { app: join(dir, 'app.db'), demo: join(dir, 'demo.db') };

  const app = openAndMigrate(paths.app);
  await ensureSettings(app, TEST_COUNCIL_NAME);
  for (const role of ROLES) {
    await createUser(
      app,
      systemActor,
      {
        email: emailFor(role),
        name: `Test ${role}`,
        role,
        jobTitle: role === 'owner' ? 'Head of Service' : '',
        password: TEST_PASSWORD,
      },
      TEST_PASSWORD_COST,
    );
  }
  closeTemplate(app);

  const demo = openAndMigrate(paths.demo);
  await seedDemo(demo, new Date(), TEST_PASSWORD_COST);
  closeTemplate(demo);
  return paths;
}

/** Closing the only connection checkpoints the WAL into the main file, so the file alone is whole. */
function closeTemplate(db: Db) {
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();
}

/** A fresh database at `path`, copied from a template. */
export function openCopy(template: string, path: string): Db {
  copyFileSync(template, path);
  return openDatabase(path);
}
