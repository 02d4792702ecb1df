// What a batch reads ahead (pg-read-ahead.ts) answers as the database would, its own writes included,
// and saves the round trips it exists for.
import pg from 'pg';
import type { Transaction } from '../../core/ports/unit-of-work';
import { CH, conversation, customer, inbound } from '../testing/contract-fixture';
import { PgUnitOfWork } from './pg-unit-of-work';
import { openPool } from './pool';
import { useMigratedDatabase } from './testing/test-cluster';

const db = useMigratedDatabase();
let pool: pg.Pool;

beforeEach(async () => {
  await db.truncate();
  pool = openPool(db.url());
});
afterEach(() => pool.end());

const hint = {
  pushes: [
    { channelId: CH, openid: 'o-cu1', wechatMsgId: 'w1' },
    { channelId: CH, openid: 'o-nobody', wechatMsgId: 'w2' },
  ],
};

/** Runs `steps` as units of one batch, each returning what it found; counts the statements sent. */
async function batchOf(uow: PgUnitOfWork, steps: Array<(tx: Transaction) => Promise<unknown>>) {
  const spy = jest.spyOn(pg.Client.prototype, 'query');
  try {
    const found = await uow.batch(async (scoped) => {
      const out: unknown[] = [];
      for (const step of steps) out.push(await scoped.run(step));
      return out;
    }, hint);
    return { found, statements: spy.mock.calls.length };
  } finally {
    spy.mockRestore();
  }
}

describe('reading a batch ahead on PostgreSQL', () => {
  it('answers MsgIds, customers and open conversations as the database would, after the batch’s own writes too', async () => {
    const uow = new PgUnitOfWork(pool);
    await uow.run(async (tx) => {
      await tx.customers.save(customer('cu1'));
      await tx.messages.add(inbound('m1', { wechatMsgId: 'w1' }));
      await tx.conversations.save(conversation('cv-old', { createdAt: 1000 }));
      await tx.conversations.save(conversation('cv-new', { createdAt: 2000 }));
      await tx.conversations.save(conversation('cv-ended', { createdAt: 3000, state: 'ended' }));
      await tx.conversations.save(conversation('cv-other-shop', { createdAt: 4000, merchantId: 'm9' }));
    });
    const { found, statements } = await batchOf(uow, [
      async (tx) => (await tx.messages.findByWechatMsgId(CH, 'w1'))?.id,
      async (tx) => (await tx.messages.findByWechatMsgId(CH, 'w2'))?.id ?? 'none',
      async (tx) => (await tx.customers.findByOpenid(CH, 'o-cu1'))?.id,
      async (tx) => (await tx.customers.findByOpenid(CH, 'o-nobody'))?.id ?? 'none',
      async (tx) => (await tx.conversations.findOpen('cu1', undefined))?.id,
      async (tx) => (await tx.conversations.findOpen('cu1', 'm9'))?.id,
      // The batch's own writes: a message stored, a newer conversation, then that one ended.
      (tx) => tx.messages.add(inbound('m2', { wechatMsgId: 'w2' })),
      async (tx) => (await tx.messages.findByWechatMsgId(CH, 'w2'))?.id,
      (tx) => tx.conversations.save(conversation('cv-newest', { createdAt: 5000 })),
      async (tx) => (await tx.conversations.findOpen('cu1', undefined))?.id,
      (tx) => tx.conversations.save(conversation('cv-newest', { createdAt: 5000, state: 'ended' })),
      async (tx) => (await tx.conversations.findOpen('cu1', undefined))?.id,
      (tx) => tx.customers.save(customer('cu2', { openid: 'o-nobody' })),
      async (tx) => (await tx.customers.findByOpenid(CH, 'o-nobody'))?.id,
    ]);
    expect(found).toEqual([
      'm1',
      'none',
      'cu1',
      'none',
      'cv-new',
      'cv-other-shop',
      undefined,
      'm2',
      undefined,
      'cv-newest',
      undefined,
      'cv-new',
      undefined,
      'cu2',
    ]);
    // The channel's routing turn (lock, unlock), BEGIN, three reads ahead, the writes of the four units
    // that wrote (one statement, at the commit), COMMIT: no statement per lookup.
    expect(statements).toBe(2 + 1 + 3 + 1 + 1);
  });

  it('keeps the merchant’s queue for the transaction until a conversation joins or leaves it', async () => {
    const uow = new PgUnitOfWork(pool);
    await uow.run((tx) => tx.conversations.save(conversation('q1', { state: 'queued', queuedAt: 1 })));
    const queue = (tx: Transaction) => tx.conversations.listQueued(CH, undefined).then((q) => q.map((c) => c.id).join(','));
    const { found } = await batchOf(uow, [
      queue,
      (tx) => tx.conversations.save(conversation('bot1', { customerId: 'cu9' })),
      queue,
      (tx) => tx.conversations.save(conversation('q2', { customerId: 'cu8', state: 'queued', queuedAt: 2 })),
      queue,
      (tx) => tx.conversations.save(conversation('q1', { state: 'assigned', agentId: 'a1' })),
      queue,
    ]);
    expect(found.filter((f) => f !== undefined)).toEqual(['q1', 'q1', 'q1,q2', 'q2']);
  });
});
