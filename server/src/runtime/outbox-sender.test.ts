// The sender's crash-safety: the agent's view (record-delivery) is written before the outbox is marked,
// so a sender that dies in between leaves an item whose outcome is already recorded. When that item is
// claimed again, it is finished without sending the message a second time. And its claims: a send slower
// than the lease keeps its item, because the sender renews the lease while the send is in flight.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { agentReply } from '../app/agent-reply';
import { recordDelivery } from '../app/record-delivery';
import { CHANNEL, engineFixture } from '../app/testing/engine-fixture';
import { openDatabase } from '../storage/database';
import { SqliteOutboxStore } from '../storage/sqlite-outbox';
import { SqliteUnitOfWork } from '../storage/sqlite-unit-of-work';
import { InMemoryOutboxStore } from '../storage/testing/in-memory-outbox-store';
import type { WeChatApi } from '../wechat/outbound/index';
import { OutboxSender } from './outbox-sender';

it('finishes an item whose delivery was recorded before a crash, without sending it again', async () => {
  const f = engineFixture();
  await f.agent('a1');
  const said = await f.say('u1', 'hi');
  if (said.kind !== 'handled') throw new Error('expected a new message');
  const reply = await agentReply(f.deps, { conversationId: said.conversationId, agentId: 'a1', content: { type: 'text', text: '您好' } });
  if (!reply.ok) throw new Error('expected the reply to be accepted');
  const store = new InMemoryOutboxStore(f.store, 1000);
  let now = f.clock.now();
  // The greeting before it went out normally (the store hands out one item per customer, oldest first).
  for (const earlier of await store.claimDue(now, 10)) await store.markSent(earlier.id, now);
  // A first sender then claimed the reply, sent it, recorded it, and died before marking the outbox.
  const item = (await store.claimDue(now, 10)).find((i) => i.messageId === reply.messageId);
  await recordDelivery(f.deps, { messageId: reply.messageId, outcome: { status: 'sent' } });
  expect(item?.attempts).toBe(1);

  const sends: unknown[] = [];
  const api = { postJson: async (_path: string, body: unknown) => void sends.push(body) } as unknown as WeChatApi;
  now += 1001; // the dead sender's lease has run out
  const sender = new OutboxSender({
    store,
    engine: f.deps,
    channel: async () => ({ kind: 'miniprogram', api }),
    logger: pino({ level: 'silent' }),
    now: () => now,
  });
  sender.start();
  await sender.kick();
  await sender.stop();

  expect(sends.map((b) => (b as { text?: { content: string } }).text?.content)).not.toContain('您好');
  expect((await store.get(item?.id as string))?.status).toBe('sent');
  expect(f.store.data.messages.get(reply.messageId)?.delivery).toMatchObject({ status: 'sent' });
});

it('keeps its claim on a send slower than the lease by renewing it: another process never takes the item', async () => {
  const f = engineFixture();
  await f.agent('a1');
  const said = await f.say('u1', 'hi');
  if (said.kind !== 'handled') throw new Error('expected a new message');
  const reply = await agentReply(f.deps, { conversationId: said.conversationId, agentId: 'a1', content: { type: 'text', text: '稍等' } });
  if (!reply.ok) throw new Error('expected the reply to be accepted');
  const dir = mkdtempSync(join(tmpdir(), 'kefu-sender-'));
  const file = join(dir, 'o.db');
  const mine = openDatabase(file);
  const theirs = openDatabase(file);
  try {
    const LEASE = 300;
    const store = new SqliteOutboxStore(mine, { leaseMs: LEASE, owner: 'here' });
    const other = new SqliteOutboxStore(theirs, { leaseMs: LEASE, owner: 'there' });
    const item = { id: 'slow', channelId: CHANNEL, messageId: reply.messageId, conversationId: said.conversationId, toOpenid: 'u1' };
    await new SqliteUnitOfWork(mine).run((tx) => tx.outbox.enqueue({ ...item, content: { type: 'text', text: '稍等' }, createdAt: 0 }));
    let sends = 0;
    // WeChat takes four leases to answer.
    const api = { postJson: async () => void (sends++, await new Promise((r) => setTimeout(r, 4 * LEASE))) } as unknown as WeChatApi;
    const sender = new OutboxSender({
      store,
      engine: f.deps,
      channel: async () => ({ kind: 'miniprogram', api }),
      logger: pino({ level: 'silent' }),
      now: Date.now,
      leaseRenewMs: LEASE / 3,
    });
    sender.start();
    const delivering = sender.kick();
    const stolen: string[] = [];
    while (sends === 0) await new Promise((r) => setTimeout(r, 10));
    for (let waited = 0; waited < 4 * LEASE; waited += 50) {
      stolen.push(...(await other.claimDue(Date.now(), 10)).map((i) => i.id));
      await new Promise((r) => setTimeout(r, 50));
    }
    await delivering;
    await sender.stop();
    expect(stolen).toEqual([]);
    expect(sends).toBe(1);
    await expect(store.get('slow')).resolves.toMatchObject({ status: 'sent', inDoubt: false });
  } finally {
    mine.close();
    theirs.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
