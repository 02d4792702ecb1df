// The knowledge store on PostgreSQL, through the service and the robot as sqlite-knowledge.test.ts does:
// edits by another node noticed through the revision, misses counted, media and synonyms kept exactly.
import type { EntryFields } from '../../core/ports/knowledge-store';
import type { RobotContext } from '../../core/ports/robot';
import { exportEntries } from '../../knowledge/entry-codec';
import { knowledgeModule, type KnowledgeModule } from '../../knowledge/knowledge-module';
import { SHOP_ENTRIES } from '../../knowledge/testing/question-set';
import { PgKnowledgeStore } from './pg-knowledge';
import { useMigratedDatabase } from './testing/test-cluster';

const db = useMigratedDatabase();
let now = 1_000;
let kb: KnowledgeModule;
const started: KnowledgeModule[] = [];
const ctx = (conversationId = 'cv1', extra: Partial<RobotContext> = {}): RobotContext => ({
  channelId: 'ch1',
  conversationId,
  customer: { id: 'c1', nickname: '张三' },
  ...extra,
});
const ask = (text: string, c = ctx()) => kb.robot.answer({ type: 'text', text }, c);

/** A node's knowledge module: each has its own memory, all share the database. */
async function node(): Promise<KnowledgeModule> {
  const m = knowledgeModule(new PgKnowledgeStore(db.pool()), { now: () => now, newId: (p) => `${p}_1`, pollMs: 0 });
  await m.service.start();
  started.push(m);
  return m;
}

beforeEach(async () => {
  await db.truncate();
  await db.pool().query('INSERT INTO knowledge_revision (id, value) VALUES (1, 0)');
  kb = await node();
  await kb.service.import({ channelId: 'ch1' }, exportEntries(SHOP_ENTRIES, 'json'), 'json', false);
});
afterEach(async () => {
  await Promise.all(started.splice(0).map((m) => m.service.stop()));
});

const entry: Omit<EntryFields, 'number'> = {
  keywords: ['新品'],
  type: 'text',
  text: '新品上市',
  similarQuestions: [],
  enabled: true,
  robotIds: [],
  welcome: false,
  handoff: false,
};

describe('PgKnowledgeStore', () => {
  it('answers from what was imported, and notices another node’s edit through the revision', async () => {
    expect(await ask('怎么退货')).toMatchObject({ replies: [{ text: expect.stringContaining('7天无理由') }] });
    const other = await node();
    const before = await new PgKnowledgeStore(db.pool()).revision();
    await other.service.create({ channelId: 'ch1' }, { number: 99, ...entry });
    expect(await new PgKnowledgeStore(db.pool()).revision()).toBeGreaterThan(before);
    await kb.service.reloadIfChanged();
    expect(await ask('新品')).toMatchObject({ replies: [{ text: '新品上市' }] });
    await other.service.remove({ channelId: 'ch1' }, 99);
    await kb.service.reloadIfChanged();
    expect(await ask('新品')).toEqual({ kind: 'no_answer' });
  });

  it('exports and re-imports exactly, replacing a scope', async () => {
    await kb.service.update({ channelId: 'ch1' }, 2, { text: '=1+1, "quoted"\r\nline', expiresAt: Date.UTC(2030, 0, 1), robotIds: ['r1'] });
    const first = kb.service.export({ channelId: 'ch1' }, 'json');
    await kb.service.import({ channelId: 'ch2' }, first, 'json', true);
    await kb.service.import({ channelId: 'ch2' }, first, 'json', true);
    expect(kb.service.export({ channelId: 'ch2' }, 'json')).toBe(first);
    const fresh = await node();
    expect(fresh.service.export({ channelId: 'ch2' }, 'json')).toBe(first);
  });

  it('counts misses and keeps settings', async () => {
    await kb.service.saveSettings({ channelId: 'ch1' }, { handoffAfterMisses: 2, threshold: 0.5 });
    await ask('今天天气怎么样', ctx('new'));
    await ask('今天天气怎么样', ctx('new'));
    const misses = await kb.service.misses({ channelId: 'ch1' }, 10);
    expect(misses[0]).toMatchObject({ question: '今天天气怎么样', count: 2 });
    await expect(new PgKnowledgeStore(db.pool()).settings()).resolves.toEqual([
      { channelId: 'ch1', handoffAfterMisses: 2, threshold: 0.5 },
    ]);
  });

  it('keeps media bytes and owners, and each scope’s synonyms', async () => {
    const store = new PgKnowledgeStore(db.pool());
    const media = {
      id: 'm1',
      filename: 'a.png',
      contentType: 'image/png',
      data: new Uint8Array([0, 1, 255]),
      kind: 'reply' as const,
      createdAt: 5,
    };
    await store.saveMedia({ ...media, owner: { channelId: 'ch1', merchantId: 'mm' } });
    await expect(store.media('m1')).resolves.toEqual({ ...media, owner: { channelId: 'ch1', merchantId: 'mm' } });
    await store.saveMedia({ ...media, owner: { channelId: 'ch1' } });
    await expect(store.media('m1')).resolves.toMatchObject({ owner: { channelId: 'ch1' } });
    await expect(store.media('nope')).resolves.toBeUndefined();
    const m1 = { channelId: 'ch1', merchantId: 'm1' };
    await store.saveSynonyms(m1, [['顺丰', 'SF']]);
    await expect(store.synonyms()).resolves.toEqual([{ ...m1, groups: [['顺丰', 'SF']] }]);
    await store.saveSynonyms(m1, []);
    await expect(store.synonyms()).resolves.toEqual([]);
  });
});
