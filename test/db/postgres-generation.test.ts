// The cross-process invalidation primitive on a real PostgreSQL: a write's transaction bumps its
// council's data generation and notifies; a listener on another connection hears it only once
// the transaction commits, and never for one rolled back.
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCouncil } from '../../db/councils.js';
import { bumpGeneration, listenForGenerations, type GenerationListener } from '../../db/postgres-generation.js';
import { findPostgres, POSTGRES_MISSING, startCluster, type Cluster } from '../helpers/postgres-cluster.js';
import { scaled } from '../helpers/slowness.js';

const install = findPostgres();
if (!install) console.warn(POSTGRES_MISSING);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!install)(
  install ? 'PostgreSQL data generation' : `PostgreSQL data generation: ${POSTGRES_MISSING}`,
  () => {
    let cluster: Cluster;
    let listener: GenerationListener;
    const heard: string[] = [];
    const errors: Error[] = [];
    const writers: pg.Client[] = [];

    /** A second process's connection: its own client, its search_path on one council. */
    async function writer(schema: string) {
      const client = new pg.Client({ connectionString: cluster.url, options: `-c search_path=${schema}` });
      await client.connect();
      writers.push(client);
      return drizzle({ client });
    }

    const heardSoon = async (count: number) => {
      for (let waited = 0; heard.length < count && waited < scaled(5_000); waited += 20) await pause(20);
      return heard;
    };

    beforeAll(async () => {
      cluster = await startCluster(install!);
      await addCouncil(cluster.url, 'north.example', 'North');
      await addCouncil(cluster.url, 'south.example', 'South');
      listener = await listenForGenerations(
        cluster.url,
        (schema, n) => heard.push(`${schema} ${n}`),
        (error) => errors.push(error),
      );
    }, scaled(120_000));

    afterAll(async () => {
      await listener?.close();
      await Promise.all(writers.map((w) => w.end()));
      await cluster?.stop();
    }, scaled(60_000));

    it('reports a committed write’s new generation, and not before the commit', async () => {
      const north = await writer('council_1');
      await north.transaction(async (tx) => {
        await tx.execute(`insert into audit_log (action, entity) values ('create', 'theme')`);
        expect(await bumpGeneration(tx)).toBe(1);
        await pause(scaled(300));
        expect(heard).toEqual([]); // still inside the transaction: nothing delivered
      });
      expect(await heardSoon(1)).toEqual(['council_1 1']);
    });

    it('reports nothing for a rolled-back write, whose bump is undone with it', async () => {
      const north = await writer('council_1');
      await expect(
        north.transaction(async (tx) => {
          expect(await bumpGeneration(tx)).toBe(2);
          throw new Error('the write failed after its bump');
        }),
      ).rejects.toThrow('the write failed');
      await pause(scaled(300));
      expect(heard).toEqual(['council_1 1']);
      // The next committed write is generation 2 again: the rolled-back bump never happened.
      await north.transaction(async (tx) => {
        expect(await bumpGeneration(tx)).toBe(2);
      });
      expect(await heardSoon(2)).toEqual(['council_1 1', 'council_1 2']);
    });

    it('keeps each council’s generation apart, and refuses a connection on no council', async () => {
      const south = await writer('council_2');
      await south.transaction(async (tx) => {
        expect(await bumpGeneration(tx)).toBe(1);
      });
      expect(await heardSoon(3)).toEqual(['council_1 1', 'council_1 2', 'council_2 1']);
      const nowhere = await writer('public');
      await expect(nowhere.transaction((tx) => bumpGeneration(tx))).rejects.toThrow('no registered council');
      expect(errors).toEqual([]);
    });
  },
);
