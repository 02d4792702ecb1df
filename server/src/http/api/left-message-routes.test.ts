// Left messages (留言) as work over real HTTP: listed with their send window, taken, answered; and what
// GET of a conversation and its events tell (state, assignee, queue target and position, end reason,
// assignments and transfers).
import type { Conversation } from '../../core/model/conversation';
import { startApiFixture, type ApiFixture } from './testing/api-fixture';

let f: ApiFixture;
let now: number;

async function arrange(id: string, merchantId: string, patch: Partial<Conversation> = {}, window = { remaining: 5, expiresAt: 0 }) {
  await f.engine.store.tx.customers.save({
    id: `cust-${id}`,
    channelId: 'ch1',
    openid: `o-${id}`,
    params: {},
    customFields: {},
    firstSeenAt: now,
    lastSeenAt: now,
    sendWindow: { remaining: window.remaining, expiresAt: window.expiresAt || now + 3_600_000 },
  });
  await f.engine.store.tx.conversations.save({
    id,
    channelId: 'ch1',
    merchantId,
    customerId: `cust-${id}`,
    state: 'left_message',
    remainingChain: [],
    excludedAgentIds: [],
    createdAt: now,
    leftMessageAt: now,
    ...patch,
  });
}

beforeEach(async () => {
  f = await startApiFixture();
  now = f.engine.clock.now();
  await arrange('old', 'm1');
  now += 1000;
  await arrange('new', 'm1', {}, { remaining: 0, expiresAt: 0 });
  await arrange('theirs', 'm2');
  await arrange('busy', 'm1', { state: 'assigned', agentId: 'a1', assignedAt: now });
});
afterEach(() => f.close());

const LEFT = '/api/v1/channels/ch1/conversations?state=left_message';

describe('the left-message list', () => {
  it('lists the merchant’s left messages, newest first, each with its customer’s send window', async () => {
    const res = await f.call('GET', LEFT, f.tokens.agent1);
    expect(res.status).toBe(200);
    const items = res.json.items as Array<{ id: string; window?: { open: boolean; remaining: number; reason?: string } }>;
    expect(items.map((c) => c.id)).toEqual(['new', 'old']);
    expect(items[0]?.window).toMatchObject({ open: false, reason: 'quota_used_up' });
    expect(items[1]?.window).toMatchObject({ open: true, remaining: 5 });
    const all = await f.call('GET', '/api/v1/channels/ch1/conversations', f.tokens.agent1);
    expect((all.json.items as Array<{ id: string; window?: unknown }>).find((c) => c.id === 'busy')).not.toHaveProperty('window');
  });

  it('shows what the customer wrote, though our leave-a-message prompt is newer', async () => {
    const msg = (id: string, direction: 'in' | 'out', text: string, at: number) => ({
      id,
      channelId: 'ch1',
      conversationId: 'old',
      customerId: 'cust-old',
      direction,
      sender: direction === 'in' ? ({ kind: 'customer' } as const) : ({ kind: 'system' } as const),
      content: { type: 'text' as const, text },
      createdAt: at,
    });
    await f.engine.store.tx.messages.add(msg('m1', 'in', '请回电', now));
    await f.engine.store.tx.messages.add(msg('m2', 'out', '请直接留言', now + 1));
    const items = (await f.call('GET', LEFT, f.tokens.agent1)).json.items as Array<{
      id: string;
      lastMessage?: unknown;
      lastCustomerMessage?: unknown;
    }>;
    const old = items.find((c) => c.id === 'old');
    expect(old?.lastMessage).toMatchObject({ id: 'm2' });
    expect(old?.lastCustomerMessage).toMatchObject({ id: 'm1', content: { text: '请回电' } });
  });

  it('an agent takes one, replies while the window allows, and the list no longer shows it', async () => {
    const taken = await f.call('POST', '/api/v1/conversations/old/take', f.tokens.agent1, {});
    expect(taken.status).toBe(200);
    expect(taken.json).toMatchObject({ state: 'assigned', agentId: 'a1', window: { open: true, remaining: 5 } });
    expect((await f.call('POST', '/api/v1/conversations/old/reply', f.tokens.agent1, { text: '您好，看到您的留言了' })).status).toBe(202);
    expect((await f.call('GET', LEFT, f.tokens.agent1)).json.items.map((c: { id: string }) => c.id)).toEqual(['new']);
    const events = await f.call('GET', '/api/v1/conversations/old/events', f.tokens.agent1);
    expect(events.json.items).toEqual([{ at: f.engine.clock.now(), kind: 'taken', agentId: 'a1' }]);
  });

  it('refuses what is not a left message (409), an admin who names nobody (400), another merchant’s (403)', async () => {
    expect((await f.call('POST', '/api/v1/conversations/busy/take', f.tokens.agent1, {})).status).toBe(409);
    expect((await f.call('POST', '/api/v1/conversations/old/take', f.tokens.merchantAdmin, {})).status).toBe(400);
    expect((await f.call('POST', '/api/v1/conversations/theirs/take', f.tokens.agent1, {})).status).toBe(403);
    const asA1 = await f.call('POST', '/api/v1/conversations/old/take', f.tokens.merchantAdmin, { agentId: 'a1' });
    expect(asA1.json).toMatchObject({ state: 'assigned', agentId: 'a1' });
  });

  it('an agent may end a left message', async () => {
    expect((await f.call('POST', '/api/v1/conversations/old/end', f.tokens.agent1, {})).status).toBe(204);
    const read = await f.call('GET', '/api/v1/conversations/old', f.tokens.agent1);
    expect(read.json).toMatchObject({ state: 'ended', endReason: 'agent_ended' });
  });
});

describe('what GET of a conversation tells', () => {
  it('while queued: the line it waits in and its place in it, computed from the queue', async () => {
    await arrange('q1', 'm1', { state: 'queued', queuedFor: { kind: 'pool' }, queuedAt: now });
    await arrange('q2', 'm1', { state: 'queued', queuedFor: { kind: 'pool' }, queuedAt: now + 1 });
    const second = await f.call('GET', '/api/v1/conversations/q2', f.tokens.agent1);
    expect(second.json).toMatchObject({ state: 'queued', queuedFor: { kind: 'pool' }, queuePosition: 2 });
    expect(second.json).not.toHaveProperty('history');
    await f.engine.store.tx.conversations.save({ ...f.engine.conversation('q1'), state: 'ended' }); // the line moves (no drain)
    expect((await f.call('GET', '/api/v1/conversations/q2', f.tokens.agent1)).json.queuePosition).toBe(1);
    expect((await f.call('GET', '/api/v1/conversations/busy', f.tokens.agent1)).json).not.toHaveProperty('queuePosition');
  });

  it('a transfer back to the queue and the end are events, oldest first, with who held it and why it ended', async () => {
    expect((await f.call('POST', '/api/v1/conversations/busy/transfer', f.tokens.agent1, { to: { kind: 'queue' } })).status).toBe(200);
    expect((await f.call('POST', '/api/v1/conversations/busy/end', f.tokens.merchantAdmin, {})).status).toBe(204);
    const events = (await f.call('GET', '/api/v1/conversations/busy/events', f.tokens.agent1)).json.items;
    expect(events).toEqual([
      expect.objectContaining({ kind: 'transferred', fromAgentId: 'a1', queuedFor: { kind: 'pool' } }),
      expect.objectContaining({ kind: 'ended', endReason: 'admin_ended' }),
    ]);
    expect((await f.call('GET', '/api/v1/conversations/busy', f.tokens.agent1)).json).toMatchObject({
      state: 'ended',
      endReason: 'admin_ended',
    });
  });
});
