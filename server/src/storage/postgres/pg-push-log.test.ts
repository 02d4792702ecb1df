// The push log and the pending-work counts on PostgreSQL: the same answers as their SQLite tests.
import type { InboundMessage } from '../../core/inbound-message';
import { item } from '../contract/outbox-store-contract';
import { CUSTOMER_EVENTS_QUERY, PgPushLog } from './pg-push-log';
import { PgInbox } from './pg-inbox';
import { PgOutboxStore } from './pg-outbox';
import { PgPendingWork } from './pg-pending-work';
import { PgUnitOfWork } from './pg-unit-of-work';
import { useMigratedDatabase } from './testing/test-cluster';

const db = useMigratedDatabase();
beforeEach(() => db.truncate());

const head = (openid: string, createTime: number) => ({ toUserName: 'gh', fromUserName: openid, createTime: String(createTime) });
const click = (openid: string, t: number): InboundMessage => ({ ...head(openid, t), type: 'click', eventKey: `K${t}` });
const text = (openid: string, t: number): InboundMessage => ({ ...head(openid, t), type: 'text', msgId: `m${t}`, content: 'hi' });
const unknown = (openid: string, t: number, msgId?: string): InboundMessage => ({
  type: 'unknown',
  msgType: 'weird',
  event: '',
  raw: { FromUserName: openid, CreateTime: String(t), MsgType: 'weird', ...(msgId !== undefined && { MsgId: msgId }) },
});

function stores() {
  const uow = new PgUnitOfWork(db.pool());
  return { uow, inbox: new PgInbox(db.pool(), () => uow.current) };
}

describe('PgPushLog', () => {
  it('lists one customer’s events and unknown pushes on one channel, newest first, paged; never their messages', async () => {
    const { inbox } = stores();
    const pushes: Array<[string, InboundMessage]> = [
      ['ch', click('o1', 1)],
      ['ch', text('o1', 2)],
      ['ch', unknown('o1', 3, '99')],
      ['ch', click('o2', 4)],
      ['other', click('o1', 5)],
      ['ch', unknown('o1', 6)],
    ];
    for (const [channel, m] of pushes) await inbox.accept(channel, m, 1000);
    const log = new PgPushLog(db.pool());
    const all = await log.customerEvents('ch', 'o1', { limit: 10 });
    expect(all.map((e) => (e.message.type === 'unknown' ? `unknown@${e.message.raw.CreateTime}` : e.message.type))).toEqual([
      'unknown@6',
      'unknown@3',
      'click',
    ]);
    const page = await log.customerEvents('ch', 'o1', { limit: 2, before: all[1]?.id });
    expect(page.map((e) => e.id)).toEqual([all[2]?.id]);
  });

  it('can read through step 5’s index rather than scanning the inbox', async () => {
    const client = await db.pool().connect();
    try {
      await client.query('SET enable_seqscan = off'); // the table is tiny: make the planner show what it could use
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${CUSTOMER_EVENTS_QUERY}`, ['ch', 'o1', 10, 10]);
      expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/inbox_customer_events/);
    } finally {
      await client.query('RESET enable_seqscan');
      client.release();
    }
  });
});

describe('PgPendingWork', () => {
  it('counts nothing on an empty database, then pushes not processed yet', async () => {
    const pending = new PgPendingWork(db.pool());
    expect(await pending.count(0)).toEqual({ inbox: 0, outboxSending: 0, outboxWaitingForWeChat: 0 });
    const { inbox, uow } = stores();
    await inbox.accept('ch', text('o1', 1), 1000);
    await inbox.accept('ch', text('o1', 2), 1000);
    const [first] = await inbox.pending(1000, 1);
    await uow.run(() => inbox.markDone(first?.id as string, 1000));
    expect((await pending.count(1000)).inbox).toBe(1);
  });

  it('tells sends about to be made from sends waiting for WeChat, with the customer’s later sends behind them', async () => {
    const outbox = new PgOutboxStore(db.pool(), { leaseMs: 10_000 });
    await new PgUnitOfWork(db.pool()).run(async (tx) => {
      await tx.outbox.enqueue(item('a', { toOpenid: 'o1', createdAt: 1000 }));
      await tx.outbox.enqueue(item('b', { toOpenid: 'o1', createdAt: 1001 }));
      await tx.outbox.enqueue(item('c', { toOpenid: 'o2', createdAt: 1000 }));
    });
    const pending = new PgPendingWork(db.pool());
    expect(await pending.count(1000)).toMatchObject({ outboxSending: 3, outboxWaitingForWeChat: 0 });
    await outbox.claimDue(1000, 10);
    await outbox.markRetry('a', 3000, '-1 system error');
    await outbox.markSent('c', 1000);
    expect(await pending.count(1000)).toMatchObject({ outboxSending: 0, outboxWaitingForWeChat: 2 });
    expect(await pending.count(3000)).toMatchObject({ outboxSending: 2, outboxWaitingForWeChat: 0 });
  });
});
