// The knowledge routes over real HTTP: roles and merchant scope, create/edit/disable, import/export,
// misses and settings.
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { engineFixture } from '../../../app/testing/engine-fixture';
import { knowledgeModule } from '../../../knowledge/knowledge-module';
import { SqliteKnowledgeStore } from '../../../storage/sqlite-knowledge';
import { openDatabase } from '../../../storage/database';
import { inMemoryAuthStores } from '../../../storage/testing/auth-in-memory';
import { createApp } from '../../create-app';
import { apiRouter } from '../api-router';
import { testAuthService } from '../../../security/testing/test-auth-service';
import { TimeSortableIds } from '../../../storage/time-sortable-ids';
import { InMemoryChannelStore } from '../../../storage/testing/in-memory-channel-store';
import { CHANNEL_RECORD } from '../testing/api-fixture';

let base = '';
let close: () => Promise<void>;
let tokens: Record<'platform' | 'm1' | 'agent', string>;
let kb: ReturnType<typeof knowledgeModule>;

beforeEach(async () => {
  const engine = engineFixture();
  await engine.merchant('m1', 'shop-1');
  await engine.agent('a1', { merchantId: 'm1' });
  const channels = new InMemoryChannelStore();
  await channels.save(CHANNEL_RECORD);
  const auth = inMemoryAuthStores();
  const service = testAuthService({ stores: auth, uow: engine.deps.uow, clock: engine.clock });
  kb = knowledgeModule(new SqliteKnowledgeStore(openDatabase(':memory:')), { now: () => 5, newId: (p) => `${p}_x`, pollMs: 0 });
  await kb.service.start();
  const app = createApp({
    channels: { find: async () => undefined },
    onPush: async () => undefined,
    logger: pino({ level: 'silent' }),
    extraRouters: [
      [
        '/api/v1',
        apiRouter({ engine: engine.deps, channels, auth: service, ids: new TimeSortableIds(engine.clock), knowledge: kb.service }),
      ],
    ],
  });
  tokens = {
    platform: (await service.createApiToken('p', { role: 'platform_admin' })).token,
    m1: (await service.createApiToken('m1', { role: 'merchant_admin', channelId: 'ch1', merchantId: 'm1' })).token,
    agent: (await service.createApiToken('a1', { role: 'agent', agentId: 'a1' })).token,
  };
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/channels/ch1/knowledge`;
  close = () => new Promise((r) => (server.closeAllConnections(), server.close(() => r())));
});
afterEach(async () => {
  await close();
  await kb.service.stop();
});

async function call(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const TEXT = { number: 3, keywords: ['退货'], type: 'text', text: '7天无理由退货' };

it('creates, edits, disables and deletes entries in the caller’s scope', async () => {
  expect((await call('POST', '', tokens.m1, TEXT)).json).toMatchObject({ merchantId: 'm1', number: 3, enabled: true });
  expect((await call('POST', '', tokens.m1, TEXT)).status).toBe(409);
  expect((await call('POST', '', tokens.agent, TEXT)).status).toBe(403);
  expect((await call('POST', '', tokens.m1, { number: 4, type: 'image' })).status).toBe(400);
  expect((await call('PATCH', '/3', tokens.m1, { enabled: false, keywords: ['退货', '退换'] })).json).toMatchObject({
    enabled: false,
    keywords: ['退货', '退换'],
  });
  expect((await call('GET', '', tokens.platform)).json.items).toEqual([]); // the platform's own base is separate
  expect((await call('GET', '?merchantId=m1', tokens.platform)).json.items).toHaveLength(1);
  expect((await call('DELETE', '/3', tokens.m1)).status).toBe(204);
  expect((await call('GET', '/3', tokens.m1)).status).toBe(404);
});

it('imports and exports, reports misses, keeps settings', async () => {
  const csv = `number,type,keywords,text\r\n1,text,菜单|menu,[name]您好\r\n2,text,电话,400\r\n`;
  expect((await call('POST', '/import', tokens.platform, { format: 'csv', data: csv })).json).toEqual({ imported: 2 });
  const exported = (await call('GET', '/export?format=csv', tokens.platform)).json.data as string;
  expect(exported).toContain('菜单|menu');
  expect((await call('POST', '/import', tokens.platform, { format: 'csv', data: exported, replace: true })).json).toEqual({ imported: 2 });
  expect((await call('GET', '/export?format=csv', tokens.platform)).json.data).toBe(exported);
  await kb.robot.answer({ type: 'text', text: '有没有会员卡' }, { channelId: 'ch1', conversationId: 'c', customer: { id: 'x' } });
  expect((await call('GET', '/misses', tokens.platform)).json.items).toEqual([{ question: '有没有会员卡', count: 1, lastAt: 5 }]);
  expect((await call('PUT', '/settings', tokens.platform, { handoffAfterMisses: 1, threshold: 0.6 })).json).toEqual({
    handoffAfterMisses: 1,
    threshold: 0.6,
  });
  expect((await call('GET', '/settings', tokens.platform)).json.handoffAfterMisses).toBe(1);
  const media = await call('POST', '/media', tokens.platform, { filename: 'a.png', contentType: 'image/png', base64: PNG_BASE64 });
  expect(media.json).toEqual({ media: 'media:kbm_x' });
});

it('imports a file’s bytes (base64) in UTF-8 or GBK and refuses what it cannot decode', async () => {
  const csv = 'number,type,keywords,text\r\n1,text,发票,请在订单页申请电子发票\r\n';
  const { encode } = (await import('iconv-lite')).default;
  const gbk = encode(csv, 'gbk').toString('base64');
  expect((await call('POST', '/import', tokens.platform, { format: 'csv', data: gbk, encoding: 'base64' })).json).toEqual({ imported: 1 });
  expect((await call('GET', '/1', tokens.platform)).json.text).toBe('请在订单页申请电子发票');
  const garbage = Buffer.from([0x31, 0x2c, 0xff, 0xfe, 0x00, 0x0a]).toString('base64');
  const refused = await call('POST', '/import', tokens.platform, { format: 'csv', data: garbage, encoding: 'base64' });
  expect([refused.status, refused.json.error.message]).toEqual([400, expect.stringContaining('neither UTF-8 nor GBK')]);
});

it('adds similar questions (from the misses too) and round-trips them through export and import', async () => {
  await call('POST', '', tokens.m1, { ...TEXT, similarQuestions: ['可以退吗'] });
  const added = await call('POST', '/3/similar-questions', tokens.m1, { question: '  买错了\n能退吗 ' });
  expect(added.json.similarQuestions).toEqual(['可以退吗', '买错了 能退吗']);
  expect((await call('POST', '/3/similar-questions', tokens.m1, { question: '买错了 能退吗' })).json.similarQuestions).toHaveLength(2);
  expect((await call('POST', '/9/similar-questions', tokens.m1, { question: 'x' })).status).toBe(404);
  expect((await call('POST', '/3/similar-questions', tokens.agent, { question: 'x' })).status).toBe(403);
  expect((await call('PATCH', '/3', tokens.m1, { similarQuestions: ['只留这个'] })).json.similarQuestions).toEqual(['只留这个']);
  for (const format of ['csv', 'json']) {
    const exported = (await call('GET', `/export?format=${format}`, tokens.m1)).json.data as string;
    expect(exported).toContain('只留这个');
    await call('POST', '/import', tokens.m1, { format, data: exported, replace: true });
    expect((await call('GET', `/export?format=${format}`, tokens.m1)).json.data).toBe(exported);
  }
});

it('keeps each knowledge base’s synonyms, as JSON and as CSV', async () => {
  expect((await call('GET', '/synonyms', tokens.m1)).json).toEqual({ groups: [] });
  const groups = [
    ['顺丰', 'SF', '快递'],
    ['发票', 'invoice'],
  ];
  expect((await call('PUT', '/synonyms', tokens.m1, { groups })).json).toEqual({ groups });
  expect((await call('GET', '/synonyms?merchantId=m1', tokens.platform)).json).toEqual({ groups });
  expect((await call('GET', '/synonyms', tokens.platform)).json).toEqual({ groups: [] }); // the platform's own
  expect(kb.service.synonyms({ channelId: 'ch1', merchantId: 'm1' })).toEqual(groups);
  const csv = (await call('GET', '/synonyms/export', tokens.m1)).json.data as string;
  expect(csv).toBe('\uFEFF顺丰,SF,快递\r\n发票,invoice\r\n');
  expect((await call('POST', '/synonyms/import', tokens.m1, { data: '退款,退钱\n\n尺码, 码数 ,尺寸,\n' })).json).toEqual({
    groups: [
      ['退款', '退钱'],
      ['尺码', '码数', '尺寸'],
    ],
  });
  expect((await call('POST', '/synonyms/import', tokens.m1, { data: csv })).json).toEqual({ groups });
  expect((await call('GET', '/synonyms/export', tokens.m1)).json.data).toBe(csv);
  expect((await call('PUT', '/synonyms', tokens.m1, { groups: [['孤单']] })).status).toBe(400);
  expect((await call('POST', '/synonyms/import', tokens.m1, { data: '孤单\n' })).status).toBe(400);
  expect((await call('PUT', '/synonyms', tokens.agent, { groups })).status).toBe(403);
  expect((await call('PUT', '/synonyms', tokens.m1, { groups: [] })).json).toEqual({ groups: [] });
});
