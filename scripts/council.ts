// The councils of a PostgreSQL deployment (DATABASE_URL=postgres://…), one schema each:
//   npm run council -- add <host> <name>   registers <host> and makes its schema, migrated
//   npm run council -- list                every council: host, schema, name, when added
//   npm run council -- which <host>        the schema a request for <host> would use
// On SQLite a deployment is one council per file, so there is nothing to add.
import { z } from 'zod';
import { addCouncil, councilSchemaFor, listCouncils } from '../db/councils.js';
import { databaseUrl } from './command-line.js';
import pg from 'pg';

const USAGE = 'Usage: npm run council -- add <host> <name> | list | which <host>';
const command = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal('add'), host: z.string().min(1), name: z.string().trim().min(1).max(200) }),
  z.object({ verb: z.literal('list') }),
  z.object({ verb: z.literal('which'), host: z.string().min(1) }),
]);

const [verb, host, ...words] = process.argv.slice(2);
const parsed = command.safeParse({ verb, host, name: words.join(' ') });
if (!parsed.success) {
  console.error(USAGE);
  process.exit(2);
}
const url = databaseUrl();
if (!url) {
  console.error('Councils live on PostgreSQL: set DATABASE_URL=postgres://… (on SQLite each file is one council).');
  process.exit(2);
}

try {
  const cmd = parsed.data;
  if (cmd.verb === 'add') {
    const council = await addCouncil(url, cmd.host, cmd.name);
    console.log(`Added ${council.name}: ${council.host} uses schema ${council.schema}.`);
  } else {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      if (cmd.verb === 'list') {
        const councils = await listCouncils(client);
        if (councils.length === 0) console.log('No councils yet: npm run council -- add <host> <name>');
        for (const c of councils) console.log(`${c.host}\t${c.schema}\t${c.name}\t${c.createdAt}`);
      } else {
        const schema = await councilSchemaFor(client, cmd.host);
        if (!schema) {
          console.error(`No council has the host ${cmd.host}.`);
          process.exitCode = 1;
        } else console.log(schema);
      }
    } finally {
      await client.end();
    }
  }
} catch (err) {
  console.error(`council ${parsed.data.verb} failed: ${(err as Error).message}`);
  process.exit(1);
}
