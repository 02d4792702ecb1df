// GET /customers/:id/conversations over real HTTP (the API on port 0, in-memory engine): the customer's
// earlier conversations, the same person's on another channel only through a VERIFIED UnionID on both
// records, and for each role only what the conversation routes would let it read.
import { conversation, customer, inbound } from '../../storage/testing/contract-fixture';
import { startApiFixture, type ApiFixture } from './testing/api-fixture';

const UNION = 'oUnion-history';
let f: ApiFixture;

beforeAll(async () => {
  f = await startApiFixture();
  await f.engine.agent('a3', { merchantId: 'm1' });
  await f.engine.deps.uow.run(async (tx) => {
    await tx.customers.save(customer('cu1', { unionId: UNION, unionIdSource: 'verified' }));
    await tx.customers.save(customer('cu-other', { channelId: 'ch2', openid: 'o-2', unionId: UNION, unionIdSource: 'verified' }));
    await tx.customers.save(customer('cu-claim', { channelId: 'ch3', openid: 'o-3', unionId: UNION, unionIdSource: 'claimed' }));
    const ended = { state: 'ended' as const, endedAt: 1, endReason: 'agent_ended' as const };
    await tx.conversations.save(conversation('cv-old', { merchantId: 'm1', agentId: 'a3', createdAt: 1000, ...ended }));
    await tx.conversations.save(conversation('cv-m2', { merchantId: 'm2', agentId: 'a2', createdAt: 2000, ...ended }));
    await tx.conversations.save(conversation('cv-ch2', { channelId: 'ch2', customerId: 'cu-other', createdAt: 2500, ...ended }));
    await tx.conversations.save(conversation('cv-ch3', { channelId: 'ch3', customerId: 'cu-claim', createdAt: 2600, ...ended }));
    await tx.conversations.save(conversation('cv-new', { merchantId: 'm1', state: 'assigned', agentId: 'a1', createdAt: 3000 }));
    await tx.messages.add(inbound('mg-old', { conversationId: 'cv-old', content: { type: 'text', text: '上次的订单' } }));
  });
});
afterAll(() => f.close());

const history = (token: string | undefined, customerId = 'cu1', query = '') =>
  f.call('GET', `/api/v1/customers/${customerId}/conversations${query}`, token);
const ids = (json: { items: Array<{ id: string }> }) => json.items.map((c) => c.id);

describe('GET /customers/:id/conversations', () => {
  it('platform admins: every conversation, newest first, and the same person’s on another channel (verified UnionID)', async () => {
    const res = await history(f.tokens.platform);
    expect(res.status).toBe(200);
    expect(ids(res.json)).toEqual(['cv-new', 'cv-ch2', 'cv-m2', 'cv-old']);
    expect(res.json.items.map((c: { linked: boolean }) => c.linked)).toEqual([false, true, false, false]);
    expect(res.json.items[3].lastMessage).toMatchObject({ id: 'mg-old', content: { type: 'text', text: '上次的订单' } });
  });

  it('a claimed UnionID links nobody, on either side', async () => {
    expect(ids((await history(f.tokens.platform)).json)).not.toContain('cv-ch3');
    expect(ids((await history(f.tokens.platform, 'cu-claim')).json)).toEqual(['cv-ch3']);
  });

  it('merchant admins and agents: their own channel and merchant only', async () => {
    expect(ids((await history(f.tokens.merchantAdmin)).json)).toEqual(['cv-new', 'cv-old']);
    expect(ids((await history(f.tokens.agent1)).json)).toEqual(['cv-new', 'cv-old']);
    expect(ids((await history(f.tokens.otherMerchantAdmin)).json)).toEqual(['cv-m2']);
    expect(ids((await history(f.tokens.agent2)).json)).toEqual(['cv-m2']);
  });

  it('a colleague’s conversation leaves an agent’s history when the settings hide colleagues’ conversations', async () => {
    await f.engine.settings({ colleaguesConversations: 'hidden' }, 'm1');
    try {
      expect(ids((await history(f.tokens.agent1)).json)).toEqual(['cv-new']);
      expect(ids((await history(f.tokens.merchantAdmin)).json)).toEqual(['cv-new', 'cv-old']);
    } finally {
      await f.engine.settings({ colleaguesConversations: 'read_only' }, 'm1');
    }
  });

  it('pages back with before', async () => {
    const first = await history(f.tokens.platform, 'cu1', '?limit=2');
    expect(ids(first.json)).toEqual(['cv-new', 'cv-ch2']);
    expect(first.json.nextBefore).toBe(2500);
    const next = await history(f.tokens.platform, 'cu1', `?limit=2&before=${first.json.nextBefore}`);
    expect(ids(next.json)).toEqual(['cv-m2', 'cv-old']);
  });

  it('refuses strangers, other channels’ callers and unknown customers', async () => {
    expect((await history(undefined)).status).toBe(401);
    expect((await history(f.tokens.merchantAdmin, 'cu-other')).status).toBe(403);
    expect((await history(f.tokens.platform, 'nobody')).status).toBe(404);
    expect((await history(f.tokens.platform, 'cu1', '?limit=0')).status).toBe(400);
  });
});
