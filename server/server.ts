// Starts and stops the app. Everything else lives in app.ts.
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openAndMigrate } from '../db/client.js';
import { demoAccountsExist } from '../db/repositories/users.js';
import { isEmptyCouncil, seedDemo } from '../db/seed/demo.js';

const config = loadConfig();
const db = openAndMigrate(config.DATABASE_PATH);

if (config.SEED_DEMO && config.NODE_ENV !== 'production' && isEmptyCouncil(db)) {
  await seedDemo(db);
  console.log('Loaded the demo council into an empty database.');
}
if (config.NODE_ENV === 'production' && demoAccountsExist(db)) {
  console.error(
    'Refusing to start in production while demo accounts exist. Remove them with `npm run user -- disable <email>`.',
  );
  process.exit(1);
}

const app = await buildApp({ config, db });

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 5000);
  force.unref();
  try {
    await app.close();
    db.$client.close();
    process.exit(0);
  } catch (err) {
    app.log.error({ err }, 'error during shutdown');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

await app.listen({ port: config.PORT, host: config.HOST });
