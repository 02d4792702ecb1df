// GET /channels/:channelId/knowledge/search over real HTTP, on a knowledge base in a real SQLite file:
// every role searches its own merchant's live entries (the platform's team: the platform's).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { knowledgeModule } from '../../../knowledge/knowledge-module';
import { SqliteKnowledgeStore } from '../../../storage/sqlite-knowledge';
import { openDatabase } from '../../../storage/database';
import { startApiFixture, type ApiFixture } from '../testing/api-fixture';

const KB = '/api/v1/channels/ch1/knowledge';
let f: ApiFixture;
let dir: string;
let db: Database;
let kb: ReturnType<typeof knowledgeModule>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-kb-search-'));
  db = openDatabase(join(dir, 'kefu.db'));
  kb = knowledgeModule(new SqliteKnowledgeStore(db), {
    now: () => 5,
    newId: (p) => `${p}_${Math.random().toString(36).slice(2)}`,
    pollMs: 0,
  });
  await kb.service.start();
  f = await startApiFixture({ knowledge: kb.service });
  const add = async (merchantId: string | undefined, entry: Record<string, unknown>) =>
    expect((await f.call('POST', KB, f.tokens.platform, { ...entry, ...(merchantId && { merchantId }) })).status).toBe(201);
  await add('m1', { number: 1, keywords: ['退货', '退款'], type: 'text', text: '[name]您好{br}退货流程：订单页 → 申请售后' });
  await add('m1', { number: 2, keywords: ['发货', '物流'], title: '发货时间', type: 'text', text: '下单后 24 小时内发货' });
  await add('m1', {
    number: 3,
    keywords: ['订单'],
    title: '订单页',
    type: 'miniprogram',
    pagePath: 'pages/order/index',
    media: 'https://example.com/t.png',
  });
  await add('m1', { number: 4, keywords: ['退货'], type: 'text', text: '旧的退货说明', enabled: false });
  await add('m2', { number: 5, keywords: ['退货'], type: 'text', text: 'm2 answer' });
  await add(undefined, { number: 7, keywords: ['退货'], type: 'text', text: 'platform answer' });
});
afterAll(async () => {
  await f.close();
  await kb.service.stop();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const search = (token: string, query: string) => f.call('GET', `${KB}/search?${query}`, token);
const numbers = (res: { json: { items: Array<{ number: number }> } }) => res.json.items.map((i) => i.number);

describe('knowledge search', () => {
  it('finds the merchant’s live entries by keyword, number, question and text, best first', async () => {
    const byKeyword = await search(f.tokens.agent1, `q=${encodeURIComponent('退货')}`);
    expect(byKeyword.status).toBe(200);
    expect(numbers(byKeyword)).toEqual([1]);
    expect(byKeyword.json.items[0]).toEqual({
      number: 1,
      question: '退货 / 退款',
      keywords: ['退货', '退款'],
      preview: '[name]您好\n退货流程：订单页 → 申请售后',
      type: 'text',
    });
    expect(numbers(await search(f.tokens.agent1, 'q=2'))[0]).toBe(2);
    expect(numbers(await search(f.tokens.agent1, `q=${encodeURIComponent('物流什么时候到')}`))).toContain(2);
    expect(numbers(await search(f.tokens.agent1, `q=${encodeURIComponent('申请售后')}`))).toEqual([1]);
    const card = (await search(f.tokens.merchantAdmin, `q=${encodeURIComponent('订单')}`)).json.items[0];
    expect(card).toMatchObject({
      number: 3,
      question: '订单页',
      type: 'miniprogram',
      preview: '[mini program card] 订单页\npages/order/index',
    });
    expect(numbers(await search(f.tokens.agent1, `q=${encodeURIComponent('订单')}&limit=1`))).toHaveLength(1);
  });

  it('keeps each merchant to its own knowledge base; platform admins choose', async () => {
    expect(numbers(await search(f.tokens.agent2, `q=${encodeURIComponent('退货')}`))).toEqual([5]);
    expect(numbers(await search(f.tokens.otherMerchantAdmin, `q=${encodeURIComponent('退货')}`))).toEqual([5]);
    expect(numbers(await search(f.tokens.platform, `q=${encodeURIComponent('退货')}`))).toEqual([7]);
    expect(numbers(await search(f.tokens.platform, `q=${encodeURIComponent('退货')}&merchantId=m2`))).toEqual([5]);
    expect(numbers(await search(f.tokens.platform, `q=${encodeURIComponent('退货')}&merchantId=platform`))).toEqual([7]);
    expect((await search(f.tokens.agent1, `q=x&merchantId=m2`)).status).toBe(403);
    expect((await search(f.tokens.merchantAdmin, `q=x&merchantId=platform`)).status).toBe(403);
    expect((await f.call('GET', '/api/v1/channels/other/knowledge/search?q=x', f.tokens.agent1)).status).toBe(403);
    expect((await search(f.tokens.platform, 'q=x&merchantId=nobody')).status).toBe(400);
  });

  it('validates the query', async () => {
    for (const query of ['', 'q=', 'q=x&limit=0', 'q=x&limit=51', 'q=x&other=1'])
      expect((await search(f.tokens.agent1, query)).status).toBe(400);
    expect((await search(f.tokens.agent1, 'q=x')).json.error).toBeUndefined();
    expect((await search('', 'q=x')).status).toBe(401);
  });
});
