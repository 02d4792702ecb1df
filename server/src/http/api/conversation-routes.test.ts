// Customers, conversations, messages and the agent's actions over real HTTP; merchant isolation.
import type { Conversation } from '../../core/model/conversation';
import { startApiFixture, type ApiFixture } from './testing/api-fixture';

let f: ApiFixture;
let now: number;

async function arrange(id: string, merchantId: string, patch: Partial<Conversation> = {}) {
  const customerId = `cust-${id}`;
  await f.engine.store.tx.customers.save({
    id: customerId,
    channelId: 'ch1',
    openid: `o-${id}`,
    params: {},
    customFields: {},
    firstSeenAt: now,
    lastSeenAt: now,
    sendWindow: { remaining: 5, expiresAt: now + 3_600_000 },
  });
  await f.engine.store.tx.conversations.save({
    id,
    channelId: 'ch1',
    merchantId,
    customerId,
    state: 'assigned',
    agentId: merchantId === 'm1' ? 'a1' : 'a2',
    remainingChain: [],
    excludedAgentIds: [],
    createdAt: now,
    assignedAt: now,
    ...patch,
  });
}

beforeEach(async () => {
  f = await startApiFixture();
  now = f.engine.clock.now();
  await arrange('c1', 'm1');
  await arrange('c2', 'm2');
  now += 1000;
  await arrange('c3', 'm1', { state: 'queued', agentId: undefined, queuedFor: { kind: 'pool' } });
});
afterEach(() => f.close());

const ids = (res: { json: { items: Array<{ id: string }> } }) => res.json.items.map((c) => c.id);

describe('reading', () => {
  it('lists with filters and pages', async () => {
    expect(ids(await f.call('GET', '/api/v1/channels/ch1/conversations', f.tokens.platform))).toEqual(['c3', 'c2', 'c1']);
    expect(ids(await f.call('GET', '/api/v1/channels/ch1/conversations?state=queued,ended', f.tokens.platform))).toEqual(['c3']);
    expect(ids(await f.call('GET', '/api/v1/channels/ch1/conversations?agentId=a2', f.tokens.platform))).toEqual(['c2']);
    expect(ids(await f.call('GET', '/api/v1/channels/ch1/conversations?merchantId=m1', f.tokens.platform))).toEqual(['c3', 'c1']);
    const page = await f.call('GET', '/api/v1/channels/ch1/conversations?limit=1', f.tokens.platform);
    expect(page.json.nextBefore).toBe(now);
    expect(ids(await f.call('GET', `/api/v1/channels/ch1/conversations?before=${page.json.nextBefore}`, f.tokens.platform))).toEqual([
      'c2',
      'c1',
    ]);
    const bad = await f.call('GET', '/api/v1/channels/ch1/conversations?state=open&limit=0', f.tokens.platform);
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/query\.state.*query\.limit/);
  });

  it('lists each conversation with its newest message, as the messages route shows it', async () => {
    const reply = await f.call('POST', '/api/v1/conversations/c1/reply', f.tokens.agent1, { text: '您好' });
    const items = (await f.call('GET', '/api/v1/channels/ch1/conversations', f.tokens.agent1)).json.items as Array<{
      id: string;
      lastMessage?: unknown;
    }>;
    const newest = (await f.call('GET', '/api/v1/conversations/c1/messages?limit=1', f.tokens.agent1)).json.items[0];
    expect(newest).toMatchObject({ id: reply.json.messageId });
    expect(items.find((c) => c.id === 'c1')?.lastMessage).toEqual(newest);
    expect(items.find((c) => c.id === 'c3')).not.toHaveProperty('lastMessage'); // no message yet
  });

  it('shows what an automatic message told the customer, and an agent’s reply as no notice', async () => {
    await f.call('POST', '/api/v1/conversations/c1/reply', f.tokens.agent1, { text: '您好' });
    expect((await f.call('POST', '/api/v1/conversations/c1/end', f.tokens.agent1)).status).toBe(204);
    const items = (await f.call('GET', '/api/v1/conversations/c1/messages', f.tokens.agent1)).json.items as Array<{
      sender: { kind: string };
      noticeKinds?: string[];
    }>;
    expect(items.map((m) => [m.sender.kind, m.noticeKinds])).toEqual([
      ['agent', undefined],
      ['system', ['closing']],
    ]);
  });

  it('merchant people see only their merchant’s conversations, messages and customers', async () => {
    for (const token of [f.tokens.merchantAdmin, f.tokens.agent1]) {
      expect(ids(await f.call('GET', '/api/v1/channels/ch1/conversations', token))).toEqual(['c3', 'c1']);
      expect((await f.call('GET', '/api/v1/channels/ch1/conversations?merchantId=m2', token)).status).toBe(403);
      expect((await f.call('GET', '/api/v1/conversations/c2', token)).status).toBe(403);
      expect((await f.call('GET', '/api/v1/conversations/c2/messages', token)).status).toBe(403);
      expect((await f.call('GET', '/api/v1/conversations/c2/send-window', token)).status).toBe(403);
      expect((await f.call('GET', '/api/v1/customers/cust-c2', token)).status).toBe(403);
      expect((await f.call('GET', '/api/v1/channels/ch1/customers?openid=o-c2', token)).status).toBe(403);
      expect((await f.call('GET', '/api/v1/customers/cust-c1', token)).json.openid).toBe('o-c1');
    }
    expect((await f.call('GET', '/api/v1/conversations/c1', f.tokens.agent1)).json.state).toBe('assigned');
    expect((await f.call('GET', '/api/v1/conversations/nope', f.tokens.platform)).status).toBe(404);
  });

  it('shows the send window', async () => {
    expect((await f.call('GET', '/api/v1/conversations/c1/send-window', f.tokens.agent1)).json).toEqual({
      open: true,
      remaining: 5,
      expiresAt: now - 1000 + 3_600_000,
    });
  });
});

describe('acting', () => {
  it('an agent replies; the message waits in the outbox and is listed', async () => {
    const res = await f.call('POST', '/api/v1/conversations/c1/reply', f.tokens.agent1, { text: '您好' });
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ delivery: { status: 'pending' }, window: { open: true, remaining: 4 } });
    expect(f.engine.sentTexts('o-c1')).toEqual(['您好']);
    const messages = await f.call('GET', '/api/v1/conversations/c1/messages', f.tokens.merchantAdmin);
    expect(messages.json.items).toEqual([
      expect.objectContaining({ id: res.json.messageId, direction: 'out', content: { type: 'text', text: '您好' } }),
    ]);
  });

  it('a closed window is a clear refusal and nothing is sent', async () => {
    f.engine.clock.advanceMinutes(61);
    const res = await f.call('POST', '/api/v1/conversations/c1/reply', f.tokens.agent1, { text: 'hi' });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('window_closed');
    expect(res.json.error.message).toContain('reply window');
    expect(f.engine.sentTexts('o-c1')).toEqual([]);
  });

  it('refuses acting across merchants, as another agent, or without an agent for admins', async () => {
    expect((await f.call('POST', '/api/v1/conversations/c2/reply', f.tokens.agent1, { text: 'x' })).status).toBe(403);
    expect((await f.call('POST', '/api/v1/conversations/c1/reply', f.tokens.agent1, { text: 'x', agentId: 'a2' })).status).toBe(403);
    expect((await f.call('POST', '/api/v1/conversations/c1/reply', f.tokens.platform, { text: 'x' })).status).toBe(400);
    expect((await f.call('POST', '/api/v1/conversations/c1/reply', f.tokens.otherMerchantAdmin, { text: 'x', agentId: 'a1' })).status).toBe(
      403,
    );
    expect((await f.call('POST', '/api/v1/conversations/c2/end', f.tokens.merchantAdmin)).status).toBe(403);
    expect((await f.call('POST', '/api/v1/conversations/c2/transfer', f.tokens.agent1, { to: { kind: 'queue' } })).status).toBe(403);
    expect((await f.call('POST', '/api/v1/conversations/c1/reply', f.tokens.platform, { text: 'as a1', agentId: 'a1' })).status).toBe(202);
  });

  it('transfers to the queue, to an agent, and ends', async () => {
    const queued = await f.call('POST', '/api/v1/conversations/c1/transfer', f.tokens.agent1, { to: { kind: 'queue' } });
    expect(queued.status).toBe(200);
    expect(queued.json.state).toBe('queued');
    const toAgent = await f.call('POST', '/api/v1/conversations/c3/transfer', f.tokens.merchantAdmin, {
      to: { kind: 'agent', agentId: 'a2' },
    });
    // Another merchant's agent is no target for this conversation: refused as unknown, changing nothing.
    expect([toAgent.status, toAgent.json.error.code]).toEqual([404, 'unknown_target']);
    const bad = await f.call('POST', '/api/v1/conversations/c3/transfer', f.tokens.merchantAdmin, { to: { kind: 'someone' } });
    expect(bad.json.error.message).toContain('body.to');
    expect((await f.call('POST', '/api/v1/conversations/c3/end', f.tokens.merchantAdmin)).status).toBe(204);
    expect(f.engine.conversation('c3')).toMatchObject({ state: 'ended', endReason: 'admin_ended' });
    expect((await f.call('POST', '/api/v1/conversations/c3/end', f.tokens.agent1)).status).toBe(409);
  });
});
