// Loads the demo council into DATABASE_PATH. Refuses to load it twice: delete the file to start again.
import { loadConfig } from '../server/config.js';
import { openAndMigrate } from '../db/client.js';
import { isEmptyCouncil, seedDemo } from '../db/seed/demo.js';

const config = loadConfig();
const db = openAndMigrate(config.DATABASE_PATH);
if (!isEmptyCouncil(db)) {
  console.error(`${config.DATABASE_PATH} already holds a council. Delete the file first to load the demo again.`);
  process.exit(1);
}
await seedDemo(db);
db.$client.close();
console.log(`Demo council loaded into ${config.DATABASE_PATH}`);
