// A batch of units in one PostgreSQL transaction (PgUnitOfWork.batch): each unit stays atomic on its
// own (a poisoned one fails alone and the rest commit once), two nodes' conflicting batches lose no
// update, and what a batch keeps in memory never outlives its transaction.
import type pg from 'pg';
import type { UnitOfWork } from '../../core/ports/unit-of-work';
import { agent, inbound } from '../testing/contract-fixture';
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

const q = async <R extends pg.QueryResultRow>(sql: string) => (await db.pool().query<R>(sql)).rows;

/** Starts `count` units through `uow`, one after another as the push path does; collects outcomes inside. */
async function units(uow: UnitOfWork, count: number, unit: (i: number) => Parameters<UnitOfWork['run']>[0]) {
  const outcomes: string[] = [];
  for (let i = 0; i < count; i++) {
    try {
      await uow.run(unit(i));
      outcomes.push(`ok ${i}`);
    } catch (error) {
      outcomes.push(`failed ${i}: ${(error as Error).message}`);
    }
  }
  return outcomes;
}

describe('a batch of units on PostgreSQL', () => {
  it('commits its units in one transaction; a poisoned unit fails alone and the others commit once', async () => {
    const uow = node();
    let runs = 0;
    const outcomes = await uow.batch((scoped) =>
      units(scoped, 5, (i) => async (tx) => {
        runs++;
        await tx.agents.save(agent(`a${i}`));
        if (i === 2) throw new Error('poisoned push');
      }),
    );
    expect(outcomes).toEqual(['ok 0', 'ok 1', 'failed 2: poisoned push', 'ok 3', 'ok 4']);
    await expect(q('SELECT id FROM agents ORDER BY id')).resolves.toEqual([{ id: 'a0' }, { id: 'a1' }, { id: 'a3' }, { id: 'a4' }]);
    // The first attempt ran units 0-2 and was rolled back; the second refused unit 2 without running it.
    expect(runs).toBe(3 + 4);
  });

  it('a unit whose held-back write the database refuses (a duplicate message) fails alone', async () => {
    const uow = node();
    await uow.run((tx) => tx.messages.add(inbound('m0', { wechatMsgId: 'w1' })));
    const outcomes = await uow.batch((scoped) =>
      units(scoped, 3, (i) => (tx) => tx.messages.add(inbound(`m${i + 1}`, { wechatMsgId: i === 1 ? 'w1' : `w${i + 10}` }))),
    );
    expect(outcomes[0]).toBe('ok 0');
    expect(outcomes[1]).toMatch(/^failed 1: .*duplicate key/);
    expect(outcomes[2]).toBe('ok 2');
    await expect(q('SELECT id FROM messages ORDER BY id')).resolves.toEqual([{ id: 'm0' }, { id: 'm1' }, { id: 'm3' }]);
  });

  it("a held-back write that fails during a later unit's read is its own unit's failure, not the later one's", async () => {
    const uow = node();
    await uow.run((tx) => tx.messages.add(inbound('m0', { wechatMsgId: 'w1' })));
    const outcomes = await uow.batch((scoped) =>
      units(scoped, 3, (i) => async (tx) => {
        if (i === 0) await tx.messages.add(inbound('m1', { wechatMsgId: 'w10' }));
        if (i === 1) await tx.messages.add(inbound('m2', { wechatMsgId: 'w1' })); // a duplicate, held back
        if (i === 2) expect((await tx.messages.listByConversation('cv1')).length).toBeGreaterThan(0); // reads messages
      }),
    );
    expect(outcomes[0]).toBe('ok 0');
    expect(outcomes[1]).toMatch(/^failed 1: .*duplicate key/);
    expect(outcomes[2]).toBe('ok 2');
    await expect(q('SELECT id FROM messages ORDER BY id')).resolves.toEqual([{ id: 'm0' }, { id: 'm1' }]);
  });

  it('two nodes whose batches conflict lose no update (the batches run again, then their units alone)', async () => {
    for (const batchAttempts of [3, 1]) {
      await db.truncate();
      const [a, b] = [node({ batchAttempts }), node({ batchAttempts })];
      await a.run((tx) => tx.agents.save(agent('a1', { maxConcurrent: 0 })));
      // Each node's first unit reads before either batch writes: without a retry one increment is lost.
      let read = 0;
      let runs = 0;
      let bothRead!: () => void;
      const barrier = new Promise<void>((resolve) => {
        bothRead = resolve;
      });
      const increments = (uow: PgUnitOfWork) =>
        uow.batch((scoped) =>
          units(scoped, 5, (i) => async (tx) => {
            runs++;
            const current = await tx.agents.get('a1');
            if (i === 0 && ++read === 2) bothRead();
            if (i === 0) await Promise.race([barrier, new Promise((r) => setTimeout(r, 500))]);
            await tx.agents.save({ ...(current ?? agent('a1')), maxConcurrent: (current?.maxConcurrent ?? 0) + 1 });
          }),
        );
      const [fromA, fromB] = await Promise.all([increments(a), increments(b)]);
      expect([...fromA, ...fromB].every((o) => o.startsWith('ok'))).toBe(true);
      await expect(a.run((tx) => tx.agents.get('a1'))).resolves.toMatchObject({ maxConcurrent: 10 });
      expect(runs).toBeGreaterThan(10); // the conflict happened, and was run again
    }
  });

  it('what a batch keeps (agents, settings) follows its own writes and never outlives its transaction', async () => {
    const [a, b] = [node(), node()];
    await a.run((tx) => tx.agents.save(agent('a1', { name: 'Old' })));
    const seen = await a.batch(async (scoped) => {
      const names: string[] = [];
      await scoped.run(async (tx) => void names.push(...(await tx.agents.listByChannel('ch1')).map((x) => x.name)));
      await scoped.run((tx) => tx.agents.save(agent('a1', { name: 'New' })));
      await scoped.run(async (tx) => void names.push(...(await tx.agents.listByChannel('ch1')).map((x) => x.name)));
      return names;
    });
    expect(seen).toEqual(['Old', 'New']);
    await b.run((tx) => tx.agents.save(agent('a1', { name: 'FromB' })));
    await expect(a.batch((scoped) => scoped.run((tx) => tx.agents.findByWechatOpenid('ch1', 'nobody')))).resolves.toBeUndefined();
    await expect(a.batch((scoped) => scoped.run(async (tx) => (await tx.agents.listByChannel('ch1'))[0]?.name))).resolves.toBe('FromB');
  });

  it("takes turns with other nodes' batches of the same channel, not of another channel", async () => {
    const [a, b, c] = [node(), node(), node()];
    const events: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const hintFor = (channelId: string) => ({ pushes: [{ channelId, openid: 'o1' }] });
    const first = a.batch(
      (scoped) =>
        scoped.run(async () => {
          events.push('a starts');
          await held;
          events.push('a ends');
        }),
      hintFor('ch1'),
    );
    while (!events.includes('a starts')) await new Promise((r) => setTimeout(r, 5));
    const sameChannel = b.batch((scoped) => scoped.run(async () => void events.push('b (same channel)')), hintFor('ch1'));
    await c.batch((scoped) => scoped.run(async () => void events.push('c (other channel)')), hintFor('ch2'));
    await new Promise((r) => setTimeout(r, 100));
    release();
    await Promise.all([first, sameChannel]);
    expect(events).toEqual(['a starts', 'c (other channel)', 'a ends', 'b (same channel)']);
  });

  it("a unit's reads see the writes it holds back", async () => {
    const uow = node();
    const found = await uow.run(async (tx) => {
      await tx.messages.add(inbound('m1', { wechatMsgId: 'w1' }));
      return tx.messages.findByWechatMsgId('ch1', 'w1');
    });
    expect(found?.id).toBe('m1');
  });
});
