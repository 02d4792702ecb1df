// Quick replies over real HTTP on the composed server (SQLite file) with the WeChat emulator: who may
// list, create, change and delete which (agents their own, admins their team's, nobody another merchant's
// or another agent's), CSV export and import (GBK too), and one sent as a reply that WeChat receives
// with its placeholders filled for the customer.
import iconv from 'iconv-lite';
import { CHANNEL, eventually, startStack, type Stack } from '../../e2e/testing/stack';
import { arrangePeople, customerWrites, MERCHANT_CODES, type People } from './testing/stack-people';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const BASE = `/channels/${CHANNEL.id}/quick-replies`;

let stack: Stack;
let p: People;
beforeEach(async () => {
  stack = await startStack();
  p = await arrangePeople(stack);
});
afterEach(() => stack.close());

const titles = async (token: string, query: string) => {
  const res = await p.call('GET', `${BASE}?${query}`, token);
  expect(res.status).toBe(200);
  return res.json.items.map((r: { title: string }) => r.title);
};

describe('quick reply routes and their roles', () => {
  it('agents manage their own; admins their team’s; the others get 403 or 404', async () => {
    const own = await p.call('POST', BASE, p.tokens.m1Agent, { title: '问候', text: '您好 [name]' });
    expect(own.status).toBe(201);
    expect(own.json).toMatchObject({ agentId: p.agents.m1, merchantId: p.merchants.m1, title: '问候' });
    expect(await titles(p.tokens.m1Agent, 'scope=personal')).toEqual(['问候']);
    expect((await p.call('GET', `${BASE}?scope=personal`, p.tokens.m1Admin)).status).toBe(403);
    for (const token of [p.tokens.m2Agent, p.tokens.m1Admin, p.tokens.platform])
      expect((await p.call('PUT', `/quick-replies/${own.json.id}`, token, { title: 'x', text: 'y' })).status).toBe(404);

    const team = await p.call('POST', BASE, p.tokens.m1Admin, { scope: 'team', title: '售后', text: '请提供订单号' });
    expect(team.status).toBe(201);
    expect((await p.call('POST', BASE, p.tokens.m1Agent, { scope: 'team', title: 'x', text: 'y' })).status).toBe(403);
    expect(await titles(p.tokens.m1Agent, 'scope=team')).toEqual(['售后']);
    expect(await titles(p.tokens.m2Agent, 'scope=team')).toEqual([]);
    expect(await titles(p.tokens.platform, `scope=team&merchantId=${p.merchants.m1}`)).toEqual(['售后']);
    expect((await p.call('GET', `${BASE}?scope=team&merchantId=${p.merchants.m2}`, p.tokens.m1Admin)).status).toBe(403);
    expect((await p.call('DELETE', `/quick-replies/${team.json.id}`, p.tokens.m1Agent)).status).toBe(403);
    expect((await p.call('DELETE', `/quick-replies/${team.json.id}`, p.tokens.m2Admin)).status).toBe(404);
    const changed = await p.call('PUT', `/quick-replies/${team.json.id}`, p.tokens.m1Admin, { title: '售后', text: '订单号？' });
    expect([changed.status, changed.json.text]).toEqual([200, '订单号？']);
    expect((await p.call('DELETE', `/quick-replies/${team.json.id}`, p.tokens.m1Admin)).status).toBe(204);
    expect((await p.call('POST', BASE, p.tokens.m1Agent, { title: '问候', text: '重复' })).status).toBe(409);
    expect((await p.call('POST', BASE, undefined, { title: 'a', text: 'b' })).status).toBe(401);
  });

  it('exports CSV and imports it back, GBK files included; a bad row keeps nothing', async () => {
    await p.call('POST', BASE, p.tokens.m1Admin, { scope: 'team', title: '=公式', text: '第一行{br}第二行' });
    const csv = await fetch(`${stack.baseUrl}/api/v1${BASE}/export.csv?scope=team`, {
      headers: { authorization: `Bearer ${p.tokens.m1Admin}` },
    });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await csv.text();
    expect(text).toContain("'=公式");
    const gbk = iconv.encode('title,text\r\n退货,七天无理由退货\r\n=公式,新的\r\n', 'gbk').toString('base64');
    const imported = await p.call('POST', `${BASE}/import?scope=team`, p.tokens.m1Admin, { data: gbk, encoding: 'base64' });
    expect([imported.status, imported.json]).toEqual([200, { added: 1, replaced: 1 }]);
    expect(await titles(p.tokens.m1Admin, 'scope=team')).toEqual(['=公式', '退货']);
    const bad = await p.call('POST', `${BASE}/import?scope=team`, p.tokens.m1Admin, { data: 'title,text\r\n新,x\r\n,空标题\r\n' });
    expect([bad.status, bad.json.error.message]).toEqual([400, expect.stringContaining('row 3')]);
    expect(await titles(p.tokens.m1Admin, 'scope=team')).toEqual(['=公式', '退货']);
    expect((await p.call('POST', `${BASE}/import?scope=team`, p.tokens.m1Agent, { data: text })).status).toBe(403);
  });
});

describe('a quick reply in a conversation', () => {
  it('is listed filled for the customer and sent as a reply: WeChat receives the text, then the picture', async () => {
    const conversation = await customerWrites(stack, 'oQuick1', '你好', MERCHANT_CODES.m1, '小红');
    const up = await p.call('POST', `/channels/${CHANNEL.id}/media`, p.tokens.m1Agent, {
      filename: 'a.png',
      contentType: 'image/png',
      base64: PNG.toString('base64'),
    });
    const own = await p.call('POST', BASE, p.tokens.m1Agent, { title: '问候', text: '[name]您好{br}请看图', picture: up.json.media });
    await p.call('POST', BASE, p.tokens.m1Admin, { scope: 'team', title: '团队', text: '稍等' });
    const other = await p.call('POST', BASE, p.tokens.m2Agent, { title: '别家', text: 'x' });
    const usable = await p.call('GET', `/conversations/${conversation}/quick-replies`, p.tokens.m1Agent);
    expect(
      usable.json.items.map((u: { number: number; reply: { title: string }; rendered: unknown }) => [u.number, u.reply.title, u.rendered]),
    ).toEqual([
      [1, '问候', { text: '小红您好\n请看图', picture: up.json.media }],
      [2, '团队', { text: '稍等' }],
    ]);
    expect((await p.call('GET', `/conversations/${conversation}/quick-replies`, p.tokens.m2Agent)).status).toBe(403); // another merchant’s
    const sent = await p.call('POST', `/conversations/${conversation}/reply`, p.tokens.m1Agent, { quickReply: { id: own.json.id } });
    expect(sent.status).toBe(202);
    await eventually(async () => ((await stack.delivered('oQuick1')).length >= 3 ? true : undefined));
    expect((await stack.delivered('oQuick1')).slice(-2)).toEqual(['小红您好\n请看图', '[image]']);
    const refused = await p.call('POST', `/conversations/${conversation}/reply`, p.tokens.m1Agent, { quickReply: { id: other.json.id } });
    expect(refused.status).toBe(404);
  });
});
