// What one customer message costs in SQL on the push path (the WeChat story over the SQLite adapters),
// counted with better-sqlite3's `verbose` hook: each question of the unit asked once, and the team
// (agents, groups, settings) read from memory while nobody changed it.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { messageInItsUnit, textPush } from '../app/testing/engine-fixture';
import type { EngineDeps } from '../app/support/engine-deps';
import { queuedSendWindows, recordDeliveries } from '../app/record-delivery';
import { ManualClock, RecordingNotifier, ScriptedRobot, SequentialIds } from '../core/testing/test-doubles';
import { runMigrations } from './migrations/runner';
import { SqliteOutboxStore } from './sqlite-outbox';
import { SqliteUnitOfWork } from './sqlite-unit-of-work';

const CH = 'ch1';
let db: Database;
let executed: string[];
let deps: EngineDeps;

beforeEach(async () => {
  executed = [];
  db = new BetterSqlite3(':memory:', { verbose: (sql) => executed.push(String(sql)) });
  runMigrations(db);
  const uow = new SqliteUnitOfWork(db);
  const robot = new ScriptedRobot({ 发货时间: { kind: 'answer', replies: [{ type: 'text', text: '下单后48小时内发货' }] } });
  deps = { uow, clock: new ManualClock(), ids: new SequentialIds(), notifier: new RecordingNotifier(), robot };
  await uow.run(async (tx) => {
    await tx.settings.save(CH, undefined, { receptionMode: 'agents_only' });
    for (let i = 10; i < 60; i++)
      await tx.agents.save({ id: `a${i}`, channelId: CH, name: `客服${i}`, status: 'online', maxConcurrent: 100, groupIds: [] });
  });
});
afterEach(() => db.close());

async function customerWrites(text: string): Promise<Record<string, number>> {
  executed = [];
  const result = await messageInItsUnit(deps, { channelId: CH, channelKind: 'miniprogram', push: textPush('o1', text) });
  expect(result).toMatchObject({ kind: 'handled', state: 'assigned' });
  const ran = (pattern: RegExp) => executed.filter((sql) => pattern.test(sql)).length;
  return {
    conversationById: ran(/^SELECT \* FROM conversations WHERE id = /),
    openConversation: ran(/^SELECT \* FROM conversations WHERE customer_id = .* AND state <> 'ended'/),
    conversationKeys: ran(/^SELECT id, channel_id, merchant_id, customer_id, state, agent_id, created_at, queued_at FROM conversations/),
    customerByOpenid: ran(/^SELECT \* FROM customers WHERE channel_id = /),
    customerKeys: ran(/^SELECT id, channel_id, openid FROM customers/),
    messageByMsgId: ran(/^SELECT \* FROM messages WHERE channel_id = /),
    channelAgents: ran(/^SELECT \* FROM agents WHERE channel_id = '\w+' ORDER BY id$/),
    all: executed.length,
  };
}

describe('SQL statements of one customer message', () => {
  it('continuing an assigned conversation: each read once, no key reads, the team from memory', async () => {
    await customerWrites('你好，请问这个商品什么时候发货？');
    // The assignment saved the agent (lastAssignedAt), so the next message reads the team once more.
    expect(await customerWrites('还在吗')).toMatchObject({ channelAgents: 1 });
    // Before the caches: 4 reads by id, 2 findOpen, 2 findByOpenid, 2 findByWechatMsgId, 2 key reads
    // and the channel's agents, 19 statements in all. Now: BEGIN, PRAGMA data_version, the message by
    // MsgId, the customer, the open conversation, the message, the two saves, COMMIT.
    expect(await customerWrites('请问发货了吗')).toEqual({
      conversationById: 0,
      openConversation: 1,
      conversationKeys: 0,
      customerByOpenid: 1,
      customerKeys: 0,
      messageByMsgId: 1,
      channelAgents: 0,
      all: 9,
    });
  });

  it('opening and routing a conversation: the new conversation is read once, before it exists', async () => {
    // Before: 5 reads by id, 2 key reads of conversations and 2 of customers, 34 statements in all.
    expect(await customerWrites('你好')).toEqual({
      conversationById: 1,
      openConversation: 1,
      conversationKeys: 0,
      customerByOpenid: 1,
      customerKeys: 1,
      messageByMsgId: 1,
      channelAgents: 1,
      all: 26, // one of them the channel's webhook endpoints, read by the first unit and then kept
    });
  });
});

describe('SQL statements of one customer message answered by the robot, its reply sent and recorded', () => {
  /** The message's unit, then what the outbox sender does for the reply: its window read, its delivery recorded. */
  async function answeredAndDelivered(): Promise<Record<string, number>> {
    const result = await messageInItsUnit(deps, { channelId: CH, channelKind: 'miniprogram', push: textPush('o1', '发货时间') });
    expect(result).toMatchObject({ kind: 'handled', state: 'bot' });
    const inUnit = executed.length;
    const outbox = new SqliteOutboxStore(db);
    const claimed = await outbox.claimDue(deps.clock.now(), 50); // the claim is the outbox store's, not counted
    expect(claimed.length).toBeGreaterThan(0);
    executed = executed.slice(0, inUnit);
    expect(await queuedSendWindows(deps, claimed)).toEqual(claimed.map(() => ({ open: true })));
    await recordDeliveries(
      deps,
      claimed.map((item) => ({ messageId: item.messageId, outcome: { status: 'sent' as const } })),
    );
    const ran = (pattern: RegExp) => executed.filter((sql) => pattern.test(sql)).length;
    const counts = {
      replies: claimed.length,
      customerSaves: ran(/^UPDATE customers SET data = /),
      customerById: ran(/^SELECT \* FROM customers WHERE id = /),
      customerByOpenid: ran(/^SELECT \* FROM customers WHERE channel_id = /),
      messageById: ran(/^SELECT \* FROM messages WHERE id = /),
      conversationSaves: ran(/^UPDATE conversations SET /),
      agentLoadsAndQueue: ran(/^SELECT .* FROM conversations\s+WHERE (state = 'assigned'|channel_id = .* AND state = 'queued')/),
      all: executed.length,
    };
    for (const item of claimed) await outbox.markSent(item.id, deps.clock.now());
    executed = [];
    return counts;
  }

  it('saves the customer once in each unit, reads the reply once to record its delivery, and no routing', async () => {
    await deps.uow.run((tx) => tx.settings.save(CH, undefined, { receptionMode: 'robot_only' }));
    await answeredAndDelivered(); // opens the conversation (the robot's welcome, the first answer)
    executed = [];
    // Before: the customer saved twice in the message's unit (when they acted, when the reply took a send)
    // and once more when WeChat took the reply; the reply read by id twice (its window, its delivery);
    // the agents' loads and the queue read for a robot that never hands over; 27 statements in all.
    expect(await answeredAndDelivered()).toEqual({
      replies: 1,
      customerSaves: 2,
      customerById: 1,
      customerByOpenid: 2,
      messageById: 1,
      conversationSaves: 1,
      agentLoadsAndQueue: 0,
      all: 23,
    });
  });
});
