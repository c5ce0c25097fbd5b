// Applies any pending migrations to DATABASE_PATH.
import { loadConfig } from '../server/config.js';
import { openAndMigrate } from '../db/client.js';

const config = loadConfig();
const db = openAndMigrate(config.DATABASE_PATH);
db.$client.close();
console.log(`Migrations applied to ${config.DATABASE_PATH}`);
