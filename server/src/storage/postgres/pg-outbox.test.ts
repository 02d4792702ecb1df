// The outbox on PostgreSQL with several senders at once (the contract suite covers one): claimers on
// separate pools, as on separate nodes, never hold the same row, and per-customer order still holds.
import type pg from 'pg';
import { item } from '../contract/outbox-store-contract';
import { PgOutboxStore } from './pg-outbox';
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

/** A sender on its own pool, like another node. */
function sender(owner: string): PgOutboxStore {
  const pool = openPool(db.url());
  pools.push(pool);
  return new PgOutboxStore(pool, { owner, leaseMs: 60_000 });
}

async function enqueue(count: number, customers: number): Promise<void> {
  await new PgUnitOfWork(db.pool()).run(async (tx) => {
    for (let i = 0; i < count; i++) {
      const id = `i${String(i).padStart(4, '0')}`;
      await tx.outbox.enqueue(item(id, { toOpenid: `o${i % customers}`, createdAt: 1000 + i }));
    }
  });
}

describe('PostgreSQL outbox with concurrent senders', () => {
  it('two senders claiming at once never get the same row, and together get each due row once', async () => {
    await enqueue(400, 400);
    const senders = [sender('node-a'), sender('node-b')];
    const claimed: string[][] = [[], []];
    // Both claim in small batches, racing, until nothing is due.
    await Promise.all(
      senders.map(async (s, n) => {
        for (;;) {
          const batch = await s.claimDue(5000, 7);
          if (batch.length === 0) return;
          claimed[n]!.push(...batch.map((i) => i.id));
        }
      }),
    );
    const all = [...claimed[0]!, ...claimed[1]!];
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(400);
    // Both did take part (SKIP LOCKED lets the second pass the first's rows instead of waiting).
    expect(claimed[0]!.length).toBeGreaterThan(0);
    expect(claimed[1]!.length).toBeGreaterThan(0);
    const { rows } = await db
      .pool()
      .query<{ attempts: number; n: number }>('SELECT attempts, count(*)::int AS n FROM outbox GROUP BY attempts');
    expect(rows).toEqual([{ attempts: 1, n: 400 }]);
  });

  it('with racing senders, a customer’s next item is claimed only after the one before it is finished', async () => {
    await enqueue(60, 3);
    const senders = [sender('node-a'), sender('node-b'), sender('node-c')];
    const sentOrder = new Map<string, string[]>();
    await Promise.all(
      senders.map(async (s) => {
        for (let idle = 0; idle < 20; ) {
          const batch = await s.claimDue(5000, 2);
          if (batch.length === 0) {
            idle++;
            await new Promise((r) => setTimeout(r, 2));
            continue;
          }
          for (const claimed of batch) {
            const list = sentOrder.get(claimed.toOpenid) ?? [];
            list.push(claimed.id);
            sentOrder.set(claimed.toOpenid, list);
            await s.markSent(claimed.id, 6000);
          }
        }
      }),
    );
    expect([...sentOrder.values()].flat()).toHaveLength(60);
    for (const ids of sentOrder.values()) expect(ids).toEqual([...ids].sort());
  });
});
