import type { Database } from 'better-sqlite3';
import { item } from './contract/outbox-store-contract';
import { openDatabase } from './database';
import { SqliteInbox } from './sqlite-inbox';
import { SqliteOutboxStore } from './sqlite-outbox';
import { SqlitePendingWork } from './sqlite-pending-work';
import { SqliteUnitOfWork } from './sqlite-unit-of-work';

let db: Database;
beforeEach(() => {
  db = openDatabase(':memory:');
});
afterEach(() => db.close());

const enqueue = (...items: ReturnType<typeof item>[]) =>
  new SqliteUnitOfWork(db).run(async (tx) => {
    for (const i of items) await tx.outbox.enqueue(i);
  });

describe('SqlitePendingWork', () => {
  it('counts nothing on an empty database', async () => {
    expect(await new SqlitePendingWork(db).count(0)).toEqual({ inbox: 0, outboxSending: 0, outboxWaitingForWeChat: 0 });
  });

  it('counts pushes not processed yet', async () => {
    const inbox = new SqliteInbox(db);
    const push = { type: 'text', toUserName: 'gh', fromUserName: 'o1', createTime: '1', msgId: '1', content: 'hi' } as const;
    await inbox.accept('ch', push, 1000);
    await inbox.accept('ch', { ...push, msgId: '2' }, 1000);
    const [first] = await inbox.pending(1000, 1);
    await new SqliteUnitOfWork(db).run(() => inbox.markDone(first?.id as string, 1000));
    expect((await new SqlitePendingWork(db).count(1000)).inbox).toBe(1);
  });

  it('tells sends about to be made from sends waiting for WeChat, with the customer’s later sends behind them', async () => {
    const outbox = new SqliteOutboxStore(db, { leaseMs: 10_000 });
    await enqueue(
      item('a', { toOpenid: 'o1', createdAt: 1000 }),
      item('b', { toOpenid: 'o1', createdAt: 1001 }),
      item('c', { toOpenid: 'o2', createdAt: 1000 }),
    );
    const pending = new SqlitePendingWork(db);
    expect(await pending.count(1000)).toMatchObject({ outboxSending: 3, outboxWaitingForWeChat: 0 });
    await outbox.claimDue(1000, 10); // a and c are being sent
    await outbox.markRetry('a', 3000, '-1 system error'); // WeChat busy: a (and b behind it) wait
    await outbox.markSent('c', 1000);
    expect(await pending.count(1000)).toMatchObject({ outboxSending: 0, outboxWaitingForWeChat: 2 });
    expect(await pending.count(3000)).toMatchObject({ outboxSending: 2, outboxWaitingForWeChat: 0 }); // due again
  });
});
