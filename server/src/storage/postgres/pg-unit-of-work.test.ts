// The unit of work on PostgreSQL across nodes (the contract suite covers one process): units on
// separate pools, like separate nodes, touching the same rows never interleave, because each is a
// SERIALIZABLE transaction run again when PostgreSQL aborts it.
import type pg from 'pg';
import { DatabaseBusy } from '../../core/ports/database-busy';
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

function node(options: ConstructorParameters<typeof PgUnitOfWork>[1] = {}): PgUnitOfWork {
  const pool = openPool(db.url());
  pools.push(pool);
  return new PgUnitOfWork(pool, options);
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

  it('a unit still conflicting after its last attempt is refused as DatabaseBusy (503), with nothing written', async () => {
    const [a, b] = [node({ maxAttempts: 1 }), node({ maxAttempts: 1 })];
    await a.run((tx) => tx.agents.save(agent('a1', { maxConcurrent: 0 })));
    // Both units read before either writes: whichever writes second cannot be serialized.
    let read = 0;
    let bothRead!: () => void;
    const barrier = new Promise<void>((resolve) => {
      bothRead = resolve;
    });
    const increment = (uow: PgUnitOfWork, by: number) =>
      uow.run(async (tx) => {
        const current = await tx.agents.get('a1');
        if (++read === 2) bothRead();
        await barrier;
        await tx.agents.save({ ...(current ?? agent('a1')), maxConcurrent: (current?.maxConcurrent ?? 0) + by });
      });
    const outcomes = await Promise.allSettled([increment(a, 1), increment(b, 10)]);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect(refused[0]?.reason).toBeInstanceOf(DatabaseBusy);
    expect(refused[0]?.reason).toMatchObject({ status: 503 });
    const final = (await a.run((tx) => tx.agents.get('a1')))?.maxConcurrent;
    expect([1, 10]).toContain(final);
  });
});
