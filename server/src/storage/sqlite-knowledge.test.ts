// The knowledge store on a real SQLite database, through the service and the robot: edits effective on
// the next message, edits by another process noticed, misses counted, import/export round trips exact.
import { openDatabase } from './database';
import { knowledgeModule, type KnowledgeModule } from '../knowledge/knowledge-module';
import { SqliteKnowledgeStore } from './sqlite-knowledge';
import { SHOP_ENTRIES } from '../knowledge/testing/question-set';
import { exportEntries } from '../knowledge/entry-codec';
import type { RobotContext } from '../core/ports/robot';

let now = 1_000;
let kb: KnowledgeModule;
let database: ReturnType<typeof openDatabase>;
const ctx = (conversationId = 'cv1', extra: Partial<RobotContext> = {}): RobotContext => ({
  channelId: 'ch1',
  conversationId,
  customer: { id: 'c1', nickname: '张三' },
  ...extra,
});
const ask = (text: string, c = ctx()) => kb.robot.answer({ type: 'text', text }, c);

beforeEach(async () => {
  database = openDatabase(':memory:');
  kb = knowledgeModule(new SqliteKnowledgeStore(database), { now: () => now, newId: (p) => `${p}_1`, pollMs: 0 });
  await kb.service.start();
  await kb.service.import({ channelId: 'ch1' }, exportEntries(SHOP_ENTRIES, 'json'), 'json', false);
});
afterEach(() => kb.service.stop());

it('answers by number, keyword and ranked match, with placeholders', async () => {
  expect(await ask('1')).toMatchObject({
    kind: 'answer',
    replies: [{ type: 'text', text: expect.stringMatching(/^张三您好.*\n1\.菜单/s) }],
  });
  expect(await ask('怎么退货')).toMatchObject({ replies: [{ text: expect.stringContaining('7天无理由') }] });
  expect(await ask('4')).toMatchObject({ kind: 'answer', handoff: true });
});

it('makes every edit effective on the next message', async () => {
  await kb.service.update({ channelId: 'ch1' }, 3, { text: '新的退货说明' });
  expect(await ask('退货')).toMatchObject({ replies: [{ text: '新的退货说明' }] });
  await kb.service.update({ channelId: 'ch1' }, 3, { enabled: false });
  expect(await ask('退货')).toEqual({ kind: 'no_answer' });
  await kb.service.update({ channelId: 'ch1' }, 7, { expiresAt: now + 10 });
  expect(await ask('refund')).toMatchObject({ replies: [{ text: expect.stringContaining('退款') }] });
  now += 10;
  expect(await ask('refund')).toEqual({ kind: 'no_answer' });
});

it('notices edits made by another process (the CLI) through the revision', async () => {
  // A second module on the same database stands for the CLI: it shares the file, not the memory.
  const other = knowledgeModule(new SqliteKnowledgeStore(database), { now: () => now, newId: (p) => p, pollMs: 0 });
  await other.service.start();
  await other.service.create(
    { channelId: 'ch1' },
    {
      number: 99,
      keywords: ['新品'],
      type: 'text',
      text: '新品上市',
      similarQuestions: [],
      enabled: true,
      robotIds: [],
      welcome: false,
      handoff: false,
    },
  );
  await kb.service.reloadIfChanged();
  expect(await ask('新品')).toMatchObject({ replies: [{ text: '新品上市' }] });
});

it('counts misses, sends the welcome menu first, hands over after N misses in a row', async () => {
  await kb.service.saveSettings({ channelId: 'ch1' }, { handoffAfterMisses: 2, threshold: 0.5 });
  expect(await ask('今天天气怎么样', ctx('new'))).toMatchObject({
    kind: 'answer',
    replies: [{ text: expect.stringContaining('回复序号') }],
  });
  expect(await ask('今天天气怎么样', ctx('new'))).toEqual({ kind: 'no_answer' });
  expect(await ask('你是机器人吗', ctx('new'))).toMatchObject({ kind: 'answer', handoff: true });
  const misses = await kb.service.misses({ channelId: 'ch1' }, 10);
  expect(misses[0]).toMatchObject({ question: '今天天气怎么样', count: 2 });
});

it('chooses entries by robot id and falls back from a merchant to the platform', async () => {
  await kb.service.create(
    { channelId: 'ch1', merchantId: 'm1' },
    {
      number: 3,
      keywords: ['退货'],
      type: 'text',
      text: '商户退货',
      similarQuestions: [],
      enabled: true,
      robotIds: ['r2'],
      welcome: false,
      handoff: false,
    },
  );
  expect(await ask('退货', ctx('a', { merchantId: 'm1', robotId: 'r2' }))).toMatchObject({ replies: [{ text: '商户退货' }] });
  expect(await ask('退货', ctx('b', { merchantId: 'm1', robotId: 'r1' }))).toMatchObject({
    replies: [{ text: expect.stringContaining('7天') }],
  });
});

it('exports and re-imports CSV and JSON exactly', async () => {
  await kb.service.update({ channelId: 'ch1' }, 2, {
    text: '=1+1, "quoted"\r\nline',
    expiresAt: Date.UTC(2030, 0, 1, 8, 30, 0, 123),
    robotIds: ['r1', 'r2'],
  });
  for (const format of ['csv', 'json'] as const) {
    const first = kb.service.export({ channelId: 'ch1' }, format);
    await kb.service.import({ channelId: 'ch2' }, first, format, true);
    expect(kb.service.export({ channelId: 'ch2' }, format)).toBe(first);
  }
  await expect(kb.service.import({ channelId: 'ch2' }, 'number,type\nx,text\n', 'csv', false)).rejects.toThrow(/entry 1/);
});

it("looks an entry up for an agent's @n:k# by number or exact keyword, as the robot matches keywords", async () => {
  const shop = { channelId: 'ch1' };
  expect(kb.service.lookup(shop, '3')?.number).toBe(3);
  expect(kb.service.lookup(shop, ' 退货 ')?.number).toBe(3); // normalised like the robot's keyword match
  expect(kb.service.lookup(shop, '我想退货怎么办')).toBeUndefined(); // no ranked guess for an agent's command
  expect(kb.service.lookup({ channelId: 'other' }, '3')).toBeUndefined();
  await kb.service.update(shop, 3, { enabled: false });
  expect(kb.service.lookup(shop, '3')).toBeUndefined();
});

it('keeps who owns stored media; media stored before owners were recorded have none', async () => {
  const source = await kb.service.saveMedia({
    filename: 'a.png',
    contentType: 'image/png',
    data: new Uint8Array([1, 2, 3]),
    owner: { channelId: 'ch1', merchantId: 'm1' },
    kind: 'reply',
  });
  expect(source).toBe('media:kbm_1');
  expect(await kb.service.media(source)).toEqual({
    id: 'kbm_1',
    filename: 'a.png',
    contentType: 'image/png',
    data: new Uint8Array([1, 2, 3]),
    owner: { channelId: 'ch1', merchantId: 'm1' },
    kind: 'reply',
    createdAt: now,
  });
  database.prepare("INSERT INTO knowledge_media (id, filename, content_type, data) VALUES ('old', 'o.png', 'image/png', x'00')").run();
  expect(await kb.service.media('old')).toEqual({
    id: 'old',
    filename: 'o.png',
    contentType: 'image/png',
    data: new Uint8Array([0]),
    kind: 'knowledge',
  });
  await kb.service.saveMedia({ filename: 'p.png', contentType: 'image/png', data: new Uint8Array([4]), owner: { channelId: 'ch1' } });
  expect((await kb.service.media('kbm_1'))?.owner).toEqual({ channelId: 'ch1' }); // same id from the test's generator: replaced
});

it('keeps each scope’s synonyms, noticed by another process through the revision', async () => {
  const other = knowledgeModule(new SqliteKnowledgeStore(database), { now: () => now, newId: (p) => p, pollMs: 0 });
  await other.service.start();
  const m1 = { channelId: 'ch1', merchantId: 'm1' };
  await other.service.saveSynonyms(m1, [
    ['顺丰', 'SF'],
    [' 发票 ', 'invoice', '发票'],
  ]);
  await kb.service.reloadIfChanged();
  expect(kb.service.synonyms(m1)).toEqual([
    ['顺丰', 'SF'],
    ['发票', 'invoice'],
  ]);
  expect(kb.service.synonyms({ channelId: 'ch1' })).toEqual([]);
  await other.service.saveSynonyms(m1, []);
  await kb.service.reloadIfChanged();
  expect(kb.service.synonyms(m1)).toEqual([]);
  expect(await new SqliteKnowledgeStore(database).synonyms()).toEqual([]);
  await other.service.stop();
});
