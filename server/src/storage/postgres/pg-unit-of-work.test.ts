// The unit of work on PostgreSQL across nodes (the contract suite covers one process): units on
// separate pools, like separate nodes, touching the same rows never interleave, because each is a
// SERIALIZABLE transaction run again when PostgreSQL aborts it.
import type pg from 'pg';
import { agent } from '../testing/contract-fixture';
import { PgUnitOfWork } from './pg-unit-of-work';
import { openPool } from './pool';
import { useMigratedDatabase } from './testing/test-cluster';

const db = useMigratedDatabase();
let pools: pg.Pool[] = [];

beforeEach(() => db.truncate());
afterEach(async () => {
  await Promise.all(pools.map((p) => p.end()));
  pools = [];
});

function node(): PgUnitOfWork {
  const pool = openPool(db.url());
  pools.push(pool);
  return new PgUnitOfWork(pool);
}

describe('PostgreSQL unit of work across nodes', () => {
  it('read-modify-write units from three nodes at once lose no update', async () => {
    const nodes = [node(), node(), node()];
    await nodes[0]!.run((tx) => tx.agents.save(agent('a1', { maxConcurrent: 0 })));
    const increment = (uow: PgUnitOfWork) =>
      uow.run(async (tx) => {
        const a = await tx.agents.get('a1');
        await new Promise((r) => setTimeout(r, 1)); // another node's unit runs meanwhile
        await tx.agents.save({ ...(a ?? agent('a1')), maxConcurrent: (a?.maxConcurrent ?? 0) + 1 });
      });
    await Promise.all(nodes.flatMap((uow) => Array.from({ length: 10 }, () => increment(uow))));
    await expect(nodes[1]!.run((tx) => tx.agents.get('a1'))).resolves.toMatchObject({ maxConcurrent: 30 });
  });

  it('an error that is not a conflict is not retried', async () => {
    let runs = 0;
    await expect(
      node().run(async () => {
        runs++;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(runs).toBe(1);
  });
});
