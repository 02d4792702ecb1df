// GET /customers/:id for the workbench, over real HTTP on the composed server (SQLite file) and the
// WeChat emulator: what the contact kit's session-from carried, the page of the card the customer sent,
// and the UnionID only to those allowed.
import { encodeSessionFrom } from '../../../../shared/src/index';
import { CHANNEL, eventually, startStack, type Stack } from '../../e2e/testing/stack';
import { arrangePeople, MERCHANT_CODES, type People } from './testing/stack-people';

const UNION_ID_KEY = 'UnionIdKey16byte';
const app = { appId: CHANNEL.appId } as never;

let stack: Stack;
let p: People;
let customerId = '';
beforeAll(async () => {
  stack = await startStack();
  p = await arrangePeople(stack);
  expect((await p.call('PATCH', `/channels/${CHANNEL.id}`, p.tokens.platform, { unionIdKey: UNION_ID_KEY })).status).toBe(200);
  const sessionFrom = encodeSessionFrom({
    nickname: '小明',
    avatarUrl: 'https://example.com/a.png',
    params: { orderId: '42' },
    customerFields: { vip: 'gold' },
    partnerId: 'p-7',
    platformAction: { customerCode: MERCHANT_CODES.m1 },
    plainUnionId: 'oUnion-123',
    unionIdKey: UNION_ID_KEY,
  }).value;
  await stack.emulator.customerSays(app, 'oProfile1', 'user_enter_tempsession', { sessionFrom });
  await stack.emulator.customerSays(app, 'oProfile1', 'miniprogrampage', {
    fields: { title: '商品 7', pagePath: 'pages/product/index?id=7' },
  });
  customerId = await eventually(async () => {
    const found = await p.call('GET', `/channels/${CHANNEL.id}/customers?openid=oProfile1`, p.tokens.platform);
    const conversations =
      found.status === 200
        ? (await p.call('GET', `/channels/${CHANNEL.id}/conversations?customerId=${found.json.id}`, p.tokens.platform)).json.items
        : [];
    return conversations.length > 0 ? (found.json.id as string) : undefined;
  });
  await eventually(async () => ((await p.call('GET', `/customers/${customerId}`, p.tokens.platform)).json.entryPage ? true : undefined));
});
afterAll(() => stack.close());

const profile = (token: string) => p.call('GET', `/customers/${customerId}`, token);

describe('GET /customers/:id', () => {
  it('shows what the session-from carried and the page of the customer’s card, no routing state', async () => {
    const res = await profile(p.tokens.m1Admin);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      id: customerId,
      channelId: CHANNEL.id,
      openid: 'oProfile1',
      unionId: 'oUnion-123',
      unionIdSource: 'claimed',
      nickname: '小明',
      avatarUrl: 'https://example.com/a.png',
      params: { orderId: '42' },
      customFields: { vip: 'gold' },
      partnerId: 'p-7',
      entryPage: { pagePath: 'pages/product/index?id=7', title: '商品 7', at: expect.any(Number), conversationId: expect.any(String) },
      firstSeenAt: expect.any(Number),
      lastSeenAt: expect.any(Number),
    });
  });

  it('shows the UnionID to agents only when their channel allows it', async () => {
    expect((await profile(p.tokens.m1Agent)).json).not.toHaveProperty('unionId');
    expect((await profile(p.tokens.m1Agent)).json.nickname).toBe('小明');
    expect((await p.call('PATCH', `/channels/${CHANNEL.id}`, p.tokens.m1Admin, { agentsSeeUnionId: true })).status).toBe(403);
    const allowed = await p.call('PATCH', `/channels/${CHANNEL.id}`, p.tokens.platform, { agentsSeeUnionId: true });
    expect(allowed.json.agentsSeeUnionId).toBe(true);
    expect((await profile(p.tokens.m1Agent)).json.unionId).toBe('oUnion-123');
    expect((await profile(p.tokens.platform)).json.unionId).toBe('oUnion-123');
    await p.call('PATCH', `/channels/${CHANNEL.id}`, p.tokens.platform, { agentsSeeUnionId: false });
    expect((await profile(p.tokens.m1Agent)).json).not.toHaveProperty('unionId');
    expect((await p.call('PATCH', `/channels/${CHANNEL.id}`, p.tokens.platform, { agentsSeeUnionId: 'yes' })).status).toBe(400);
  });

  it('is refused to another merchant’s people', async () => {
    for (const token of [p.tokens.m2Agent, p.tokens.m2Admin, p.tokens.platformAgent]) expect((await profile(token)).status).toBe(403);
    expect((await p.call('GET', '/customers/nobody', p.tokens.m1Admin)).status).toBe(404);
  });
});
