// Notes, tags and search over real HTTP on the composed server (SQLite file) and the WeChat emulator, with
// every role: a note is never delivered to the customer (the emulator receives the reply written after it,
// not the note), a transfer's note reaches the receiving agent; tags are the admin's, set by agents, and
// filter lists, exports and reports; search finds a Chinese word inside a sentence, and no caller ever
// finds another merchant's conversation or a colleague's their settings hide.
import { CHANNEL, eventually, startStack, type Stack } from '../../e2e/testing/stack';
import { arrangePeople, customerWrites, MERCHANT_CODES, type People } from './testing/stack-people';

let stack: Stack;
let p: People;
let second: { id: string; token: string };
let conversationId: string;
beforeAll(async () => {
  stack = await startStack();
  p = await arrangePeople(stack);
  conversationId = await customerWrites(stack, 'oDesk1', '你好，我想退货，谢谢', MERCHANT_CODES.m1, '王小明');
  const agent = await p.call('POST', `/channels/${CHANNEL.id}/agents`, p.tokens.platform, {
    name: '一号店二号客服',
    merchantId: p.merchants.m1,
    status: 'online',
    maxConcurrent: 5,
  });
  const token = await p.call('POST', '/tokens', p.tokens.platform, { name: 'm1 second', grant: { role: 'agent', agentId: agent.json.id } });
  second = { id: agent.json.id, token: token.json.token };
}, 60_000);
afterAll(() => stack.close());

const ids = (answer: { json: { items: Array<{ id: string }> } }) => answer.json.items.map((c) => c.id);
const search = (token: string, query: string) => p.call('GET', `/channels/${CHANNEL.id}/conversations/search?${query}`, token);

describe('internal notes', () => {
  it('are read by whoever may see the conversation, refused to other merchants, and never sent to the customer', async () => {
    const holder = (await p.call('GET', `/conversations/${conversationId}`, p.tokens.m1Admin)).json.agentId;
    const holderToken = holder === second.id ? second.token : p.tokens.m1Agent;
    const added = await p.call('POST', `/conversations/${conversationId}/notes`, holderToken, { text: '  老客户，优先处理  ' });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ text: '老客户，优先处理', author: { kind: 'agent', agentId: holder } });
    expect((await p.call('POST', `/conversations/${conversationId}/notes`, p.tokens.m1Admin, { text: '已核实' })).status).toBe(201);
    for (const token of [p.tokens.m1Admin, p.tokens.platform, holderToken]) {
      const notes = await p.call('GET', `/conversations/${conversationId}/notes`, token);
      expect(notes.json.items.map((n: { text: string }) => n.text)).toEqual(['老客户，优先处理', '已核实']);
    }
    for (const token of [p.tokens.m2Admin, p.tokens.m2Agent, p.tokens.platformAgent]) {
      expect((await p.call('GET', `/conversations/${conversationId}/notes`, token)).status).toBe(403);
      expect((await p.call('POST', `/conversations/${conversationId}/notes`, token, { text: 'x' })).status).toBe(403);
    }
    expect((await p.call('POST', `/conversations/${conversationId}/notes`, holderToken, { text: '   ' })).status).toBe(400);
    expect((await p.call('POST', `/conversations/${conversationId}/notes`, holderToken, { text: '长'.repeat(2001) })).status).toBe(400);
    // A reply written after the notes arrives; the notes never do (the outbox keeps each customer's order).
    expect((await p.call('POST', `/conversations/${conversationId}/reply`, holderToken, { text: '您好，请提供订单号' })).status).toBe(202);
    const delivered = await eventually(async () => {
      const all = await stack.delivered('oDesk1');
      return all.includes('您好，请提供订单号') ? all : undefined;
    });
    expect(delivered.join('\n')).not.toMatch(/老客户|已核实/);
  });

  it('a transfer’s note is kept for the receiving agent and not sent', async () => {
    const id = await customerWrites(stack, 'oDesk2', '发票抬头怎么改？', MERCHANT_CODES.m1);
    const holder = (await p.call('GET', `/conversations/${id}`, p.tokens.m1Admin)).json.agentId;
    const [from, to] = holder === second.id ? [second.token, p.agents.m1] : [p.tokens.m1Agent, second.id];
    const receiver = to === second.id ? second.token : p.tokens.m1Agent;
    const tooLong = await p.call('POST', `/conversations/${id}/transfer`, from, {
      to: { kind: 'agent', agentId: to },
      note: '长'.repeat(2001),
    });
    expect(tooLong.status).toBe(400);
    expect((await p.call('GET', `/conversations/${id}`, p.tokens.m1Admin)).json.agentId).toBe(holder);
    const moved = await p.call('POST', `/conversations/${id}/transfer`, from, {
      to: { kind: 'agent', agentId: to },
      note: '要改抬头，已核对订单',
    });
    expect(moved.json).toMatchObject({ state: 'assigned', agentId: to });
    const notes = await p.call('GET', `/conversations/${id}/notes`, receiver);
    expect(notes.json.items).toEqual([
      expect.objectContaining({ text: '要改抬头，已核对订单', transfer: true, author: { kind: 'agent', agentId: holder } }),
    ]);
    expect((await p.call('POST', `/conversations/${id}/reply`, receiver, { text: '您好，我来帮您改抬头' })).status).toBe(202);
    await eventually(async () => ((await stack.delivered('oDesk2')).includes('您好，我来帮您改抬头') ? true : undefined));
    expect((await stack.delivered('oDesk2')).join('\n')).not.toContain('已核对订单');
  });
});

describe('tags', () => {
  let vip: string;
  it('are managed by admins within their merchant, read by agents', async () => {
    const created = await p.call('POST', `/channels/${CHANNEL.id}/tags`, p.tokens.m1Admin, { name: 'VIP', color: '#d4380d' });
    expect(created.status).toBe(201);
    vip = created.json.id;
    expect((await p.call('POST', `/channels/${CHANNEL.id}/tags`, p.tokens.m1Admin, { name: 'VIP', color: '#000000' })).status).toBe(409);
    expect((await p.call('POST', `/channels/${CHANNEL.id}/tags`, p.tokens.m1Agent, { name: '投诉', color: '#000000' })).status).toBe(403);
    expect((await p.call('POST', `/channels/${CHANNEL.id}/tags`, p.tokens.m1Admin, { name: '红', color: 'red' })).status).toBe(400);
    expect(ids(await p.call('GET', `/channels/${CHANNEL.id}/tags`, p.tokens.m1Agent))).toEqual([vip]);
    expect(ids(await p.call('GET', `/channels/${CHANNEL.id}/tags`, p.tokens.m2Agent))).toEqual([]);
    expect(ids(await p.call('GET', `/channels/${CHANNEL.id}/tags?merchantId=${p.merchants.m1}`, p.tokens.platform))).toEqual([vip]);
    expect((await p.call('GET', `/channels/${CHANNEL.id}/tags?merchantId=${p.merchants.m1}`, p.tokens.m2Admin)).status).toBe(403);
    expect((await p.call('PATCH', `/tags/${vip}`, p.tokens.m2Admin, { color: '#000000' })).status).toBe(403);
    expect((await p.call('PATCH', `/tags/${vip}`, p.tokens.m1Admin, { color: '#cf1322' })).json.color).toBe('#cf1322');
  });

  it('are set by agents who may act on the conversation, filter the list, and appear in exports and reports', async () => {
    const holder = (await p.call('GET', `/conversations/${conversationId}`, p.tokens.m1Admin)).json.agentId;
    const [holderToken, colleague] = holder === second.id ? [second.token, p.tokens.m1Agent] : [p.tokens.m1Agent, second.token];
    expect((await p.call('PUT', `/conversations/${conversationId}/tags`, colleague, { tagIds: [vip] })).status).toBe(403);
    expect((await p.call('PUT', `/conversations/${conversationId}/tags`, holderToken, { tagIds: ['tag_nope'] })).status).toBe(400);
    expect((await p.call('PUT', `/conversations/${conversationId}/tags`, p.tokens.m2Agent, { tagIds: [vip] })).status).toBe(403);
    expect((await p.call('PUT', `/conversations/${conversationId}/tags`, holderToken, { tagIds: [vip] })).json).toEqual({ tagIds: [vip] });
    const list = await p.call('GET', `/channels/${CHANNEL.id}/conversations?tagId=${vip}`, holderToken);
    expect(ids(list)).toEqual([conversationId]);
    expect(list.json.items[0].tagIds).toEqual([vip]);
    expect(ids(await p.call('GET', `/channels/${CHANNEL.id}/conversations?tagId=${vip}`, p.tokens.m2Agent))).toEqual([]);
    const csv = await p.call('GET', `/channels/${CHANNEL.id}/conversations/export.csv`, p.tokens.m1Admin);
    expect(csv.text.split('\n').find((l) => l.startsWith(conversationId))).toMatch(/,VIP\r?$/);
    const report = await p.call('GET', `/channels/${CHANNEL.id}/reports/tags?from=0&to=${Date.now() + 60_000}`, p.tokens.m1Admin);
    expect(report.json.items).toEqual([{ tagId: vip, name: 'VIP', color: '#cf1322', conversations: 1 }]);
    expect((await p.call('GET', `/channels/${CHANNEL.id}/reports/tags?from=0&to=1`, p.tokens.m1Agent)).status).toBe(403);
  });

  it('are set on the merchant’s customers', async () => {
    const customerId = (await p.call('GET', `/conversations/${conversationId}`, p.tokens.m1Admin)).json.customerId;
    expect((await p.call('PUT', `/customers/${customerId}/tags`, p.tokens.m1Agent, { tagIds: [vip] })).json).toEqual({ tagIds: [vip] });
    expect((await p.call('GET', `/customers/${customerId}/tags`, p.tokens.m1Admin)).json).toEqual({ tagIds: [vip] });
    expect((await p.call('PUT', `/customers/${customerId}/tags`, p.tokens.m2Agent, { tagIds: [vip] })).status).toBe(403);
    expect((await p.call('DELETE', `/tags/${vip}`, p.tokens.m1Agent)).status).toBe(403);
  });
});

describe('search', () => {
  it('finds a Chinese word inside a sentence, only within what the caller may see', async () => {
    expect(ids(await search(p.tokens.m1Admin, `text=${encodeURIComponent('退货')}`))).toEqual([conversationId]);
    const hit = (await search(p.tokens.m1Agent, `text=${encodeURIComponent('想退货')}`)).json.items[0];
    expect(hit).toMatchObject({ id: conversationId, match: { content: { type: 'text', text: '你好，我想退货，谢谢' } } });
    expect(ids(await search(p.tokens.m2Agent, `text=${encodeURIComponent('退货')}`))).toEqual([]);
    expect(ids(await search(p.tokens.m2Admin, `text=${encodeURIComponent('退货')}`))).toEqual([]);
    expect(ids(await search(p.tokens.platformAgent, `text=${encodeURIComponent('退货')}`))).toEqual([]);
    expect(ids(await search(p.tokens.platform, `text=${encodeURIComponent('退货')}`))).toEqual([conversationId]);
    expect((await search(p.tokens.m2Admin, `merchantId=${p.merchants.m1}&text=x`)).status).toBe(403);
    expect(ids(await search(p.tokens.m1Admin, `customerName=${encodeURIComponent('小明')}&state=assigned`))).toContain(conversationId);
    expect(ids(await search(p.tokens.m1Admin, 'openid=oDesk1'))).toEqual([conversationId]);
    expect(ids(await search(p.tokens.m1Admin, `text=${encodeURIComponent('退货')}&to=1`))).toEqual([]);
  });

  it('hides colleagues’ conversations when the settings hide them, and UnionIDs from agents who are not shown them', async () => {
    const holder = (await p.call('GET', `/conversations/${conversationId}`, p.tokens.m1Admin)).json.agentId;
    const colleague = holder === second.id ? p.tokens.m1Agent : second.token;
    expect(ids(await search(colleague, `text=${encodeURIComponent('退货')}`))).toEqual([conversationId]);
    await p.call('PUT', `/channels/${CHANNEL.id}/settings`, p.tokens.platform, { colleaguesConversations: 'hidden' });
    expect(ids(await search(colleague, `text=${encodeURIComponent('退货')}`))).toEqual([]);
    await p.call('PUT', `/channels/${CHANNEL.id}/settings`, p.tokens.platform, {});
    expect((await search(colleague, 'unionId=u-1')).status).toBe(403);
    expect((await search(p.tokens.m1Admin, 'unionId=u-1')).status).toBe(200);
  });
});
