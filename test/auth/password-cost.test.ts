// Test accounts are hashed cheaply to keep the suite fast; everything real must not be. These
// tests hold the production settings: the app, the repositories and the demo seed all default
// to argon2id at 19 MiB, 2 passes, 1 lane, and the hashes they store say so.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { openAndMigrate } from '../../db/client.js';
import {
  createUser,
  DEMO_EMAILS,
  findUserByEmail,
  hashPassword,
  resetPassword,
  STRONG_PASSWORD_COST,
  verifyPassword,
} from '../../db/repositories/users.js';
import { systemActor } from '../../db/repositories/audit.js';
import { seedDemo } from '../../db/seed/demo.js';
import { makeTestApp, TEST_PASSWORD_COST } from '../helpers/app.js';
import { openCopy } from '../helpers/templates.js';

const STRONG = /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/;
const dir = mkdtempSync(join(tmpdir(), 'pt-cost-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('password hashing cost', () => {
  it('is OWASP’s argon2id by default, and the test cost is only for tests', async () => {
    expect(STRONG_PASSWORD_COST).toEqual({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    expect(Object.isFrozen(STRONG_PASSWORD_COST)).toBe(true);
    expect(await hashPassword('a-long-enough-passphrase')).toMatch(STRONG);
    expect(TEST_PASSWORD_COST.memoryCost).toBeLessThan(STRONG_PASSWORD_COST.memoryCost);
  });

  it('is strong for accounts the app makes and passwords it resets when not told otherwise', async () => {
    const db = openCopy(inject('templates').app, join(dir, 'app.db'));
    const app = await buildApp({ db, config: { LOG_LEVEL: 'silent', SEED_DEMO: false } });
    try {
      expect(app.passwordCost).toEqual(STRONG_PASSWORD_COST);
      const admin = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email: 'admin@test.example', password: 'correct-horse-battery-staple' },
      });
      const headers = {
        cookie: `pt_session=${admin.cookies.find((c) => c.name === 'pt_session')!.value}`,
        'x-csrf-token': admin.json().csrfToken as string,
      };
      const made = await app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers,
        payload: {
          email: 'new@test.example',
          name: 'New Person',
          role: 'viewer',
          password: 'a-long-enough-passphrase',
        },
      });
      expect(made.statusCode, made.body).toBe(201);
      expect(findUserByEmail(db, 'new@test.example')!.passwordHash).toMatch(STRONG);

      const id = findUserByEmail(db, 'viewer@test.example')!.id;
      const reset = await app.inject({
        method: 'POST',
        url: `/api/v1/users/${id}/password`,
        headers,
        payload: { password: 'another-long-passphrase' },
      });
      expect(reset.statusCode, reset.body).toBe(204);
      const hash = findUserByEmail(db, 'viewer@test.example')!.passwordHash!;
      expect(hash).toMatch(STRONG);
      expect(await verifyPassword(hash, 'another-long-passphrase')).toBe(true);
    } finally {
      await app.close();
      db.$client.close();
    }
  });

  it('is strong in the repositories and the demo seed that scripts and start-up use', async () => {
    const db = openAndMigrate(join(dir, 'seed.db'));
    await seedDemo(db);
    for (const email of DEMO_EMAILS) expect(findUserByEmail(db, email)!.passwordHash).toMatch(STRONG);
    const row = await createUser(db, systemActor, {
      email: 'script@test.example',
      name: 'Script',
      role: 'viewer',
      password: 'a-long-enough-passphrase',
    });
    expect(row.passwordHash).toMatch(STRONG);
    await resetPassword(db, systemActor, row.id, 'another-long-passphrase');
    expect(findUserByEmail(db, 'script@test.example')!.passwordHash).toMatch(STRONG);
    db.$client.close();
  });

  it('is cheap only where a test asks: the test app hashes new accounts at the test cost', async () => {
    const t = await makeTestApp();
    try {
      const admin = await t.as('admin');
      const made = await admin.post('/api/v1/users', {
        email: 'cheap@test.example',
        name: 'Cheap',
        role: 'viewer',
        password: 'a-long-enough-passphrase',
      });
      expect(made.statusCode, made.body).toBe(201);
      expect(findUserByEmail(t.db, 'cheap@test.example')!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=8,t=1,p=1\$/);
    } finally {
      await t.close();
    }
  });
});
