// The optional semantic stage against a local fake embeddings server: off by default, re-ranking when the
// lexical stage is torn, recalling what it missed, refreshing vectors after an edit, and answering
// lexically within the time budget when the endpoint is slow or down. The question's embedding is fetched
// by `prepare` (before the unit of work); `answer` only reads it and never calls the endpoint.
import type { RobotContext } from '../../core/ports/robot';
import { openDatabase } from '../../storage/database';
import { SecretBox } from '../../storage/secret-box';
import { SqliteKnowledgeStore } from '../../storage/sqlite-knowledge';
import { SqliteSemanticStore } from '../../storage/sqlite-semantic-store';
import type { EntryFields } from '../entry';
import { knowledgeModule } from '../knowledge-module';
import { startFakeEmbeddings, type FakeEmbeddings } from './testing/fake-embeddings';

const KEY = 'sk-test-never-shown-4711';
const ctx: RobotContext = { channelId: 'ch1', conversationId: 'c1', customer: { id: 'u1' } };
const text = (number: number, keywords: string[], body: string): EntryFields => ({
  number,
  keywords,
  similarQuestions: [],
  type: 'text',
  text: body,
  enabled: true,
  robotIds: [],
  welcome: false,
  handoff: false,
});

let fake: FakeEmbeddings;
let kb: ReturnType<typeof knowledgeModule>;
let semanticStore: SqliteSemanticStore;
let logs: { level: string; fields: object; message: string }[];

beforeEach(async () => {
  fake = await startFakeEmbeddings();
  logs = [];
  const db = openDatabase(':memory:');
  const log = {
    warn: (fields: object, message: string) => logs.push({ level: 'warn', fields, message }),
    info: (fields: object, message: string) => logs.push({ level: 'info', fields, message }),
  };
  semanticStore = new SqliteSemanticStore(db, new SecretBox(new Uint8Array(32).fill(7)));
  const semantic = { store: semanticStore, log };
  kb = knowledgeModule(new SqliteKnowledgeStore(db), { now: () => 5, newId: (p) => `${p}_x`, pollMs: 0, semantic });
  await kb.service.start();
  await kb.semantic!.refresher.start();
  await kb.service.create({ channelId: 'ch1' }, text(1, ['退货'], '七天无理由退货'));
  await kb.service.create({ channelId: 'ch1' }, text(2, ['运费'], '运费由买家承担谁出'));
  await kb.service.create({ channelId: 'ch1' }, text(3, ['镜片'], '镜片起雾'));
  // The lexical scores of these tiny entries sit just above 0.55: the questions below are about the stage, not the default.
  await kb.service.saveSettings({ channelId: 'ch1' }, { handoffAfterMisses: 3, threshold: 0.55 });
});
afterEach(async () => {
  kb.semantic!.refresher.stop();
  await kb.service.stop();
  await fake.close();
});

const enable = (timeoutMs = 300) =>
  kb.semantic!.settings.save('ch1', { enabled: true, url: fake.url, model: 'fake-64', timeoutMs, apiKey: KEY });
/** As the inbox asks: prepared before the unit of work (the merchant unknown then), answered inside it. */
const ask = async (question: string) => {
  await kb.robot.prepare('ch1', undefined, question);
  return answerOnly(question);
};
const answerOnly = async (question: string) => {
  const a = await kb.robot.answer({ type: 'text', text: question }, ctx);
  return a.kind === 'answer' ? a.replies[0] : undefined;
};
// One keyword of entry 1, one of entry 2: a lexical tie (买 is neither's word; not 谁出, which entry 2's
// answer says and which lexically decides for it).
const AMBIGUOUS = '运费退货买';
/** Entry 3's characters, none of its words or their sounds: the lexical stage declines. */
const MISSED = '雾起片镜';
/** Lexically, entry 3's characters alone are nothing: a decline. */
const LEXICAL_DECLINE = undefined;
/** Lexically the tie is a question back (猜你想问) listing both entries; by meaning it is entry 2. */
const LEXICAL_MENU = { type: 'text', text: expect.stringMatching(/^猜你想问[^]*\n2\. [^]*\n1\. |^猜你想问[^]*\n1\. [^]*\n2\. /) }; // entry 3's characters, none of its words

it('is off by default: lexical answers and no call to any endpoint', async () => {
  await kb.semantic!.refresher.refresh();
  expect(await ask(AMBIGUOUS)).toEqual(LEXICAL_MENU);
  expect(await ask(MISSED)).toEqual(LEXICAL_DECLINE);
  expect(fake.requests).toEqual([]);
  expect(await kb.semantic!.settings.view('ch1')).toEqual({ enabled: false, url: '', model: '', timeoutMs: 300, apiKeySet: false });
});

it('re-ranks a lexical tie by meaning and recalls an entry the lexical stage missed', async () => {
  await enable();
  await kb.semantic!.refresher.refresh();
  expect(fake.requests[0]).toMatchObject({ model: 'fake-64', authorization: `Bearer ${KEY}` });
  expect(fake.requests.flatMap((r) => r.input)).toHaveLength(3);
  expect(await ask(AMBIGUOUS)).toEqual({ type: 'text', text: '运费由买家承担谁出' });
  expect(await ask(MISSED)).toEqual({ type: 'text', text: '镜片起雾' });
  // A number and an exact keyword stand without asking the endpoint.
  const asked = fake.requests.length;
  expect(await ask('1')).toEqual({ type: 'text', text: '七天无理由退货' });
  expect(await ask('运费')).toEqual({ type: 'text', text: '运费由买家承担谁出' });
  expect(fake.requests).toHaveLength(asked);
  // Nothing close: still a decline.
  expect(await ask('今天天气怎么样')).toBeUndefined();
});

it('answers lexically without a prepared vector, and never calls the endpoint from inside answer', async () => {
  await enable();
  await kb.semantic!.refresher.refresh();
  fake.requests = [];
  expect(await answerOnly(AMBIGUOUS)).toEqual(LEXICAL_MENU);
  expect(await answerOnly(MISSED)).toEqual(LEXICAL_DECLINE);
  expect(fake.requests).toEqual([]);
  // Prepared once, the vector serves the answer; a second preparation of the same question asks nothing.
  await kb.robot.prepare('ch1', undefined, AMBIGUOUS);
  await kb.robot.prepare('ch1', undefined, AMBIGUOUS);
  expect(fake.requests.flatMap((r) => r.input)).toEqual([AMBIGUOUS]);
  expect(await answerOnly(AMBIGUOUS)).toEqual({ type: 'text', text: '运费由买家承担谁出' });
  expect(fake.requests).toHaveLength(1);
});

it('refreshes the vector of an edited entry only, and forgets deleted ones', async () => {
  await enable();
  await kb.semantic!.refresher.refresh();
  const question = '请假条的格式和写法';
  expect(await ask(question)).toBeUndefined();
  fake.requests = [];
  await kb.service.update({ channelId: 'ch1' }, 3, { text: '请假条的写法和格式' });
  await kb.semantic!.refresher.refresh();
  expect(fake.requests.flatMap((r) => r.input)).toEqual(['镜片\n请假条的写法和格式']);
  expect(await ask(question)).toEqual({ type: 'text', text: '请假条的写法和格式' });
  await kb.service.remove({ channelId: 'ch1' }, 3);
  await kb.semantic!.refresher.refresh();
  expect(await ask(question)).toBeUndefined();
});

it('answers lexically within its time budget when the endpoint is slow, and when it is down', async () => {
  await enable(100);
  await kb.semantic!.refresher.refresh();
  fake.mode = 'slow';
  const started = Date.now();
  expect(await ask(AMBIGUOUS)).toEqual(LEXICAL_MENU);
  expect(Date.now() - started).toBeLessThan(600);
  fake.mode = 'down';
  expect(await ask(AMBIGUOUS)).toEqual(LEXICAL_MENU);
  expect(await ask(MISSED)).toEqual(LEXICAL_DECLINE);
  // Logged once for the burst, naming the channel and never the key; once more when it answers again.
  expect(logs.filter((l) => l.level === 'warn')).toHaveLength(1);
  fake.mode = 'ok';
  expect(await ask(AMBIGUOUS)).toEqual({ type: 'text', text: '运费由买家承担谁出' });
  expect(logs.map((l) => l.message)).toEqual(['semantic stage unavailable: the robot answers lexically', 'semantic stage answers again']);
  expect(JSON.stringify(logs)).not.toContain(KEY);
  expect(JSON.stringify(logs)).toContain('ch1');
});

it('keeps the stored vectors when the endpoint is down during a refresh', async () => {
  await enable();
  await kb.semantic!.refresher.refresh();
  fake.mode = 'down';
  await kb.service.update({ channelId: 'ch1' }, 1, { text: '七天无理由退货，运费自理' });
  await kb.semantic!.refresher.refresh();
  expect(logs.some((l) => l.message === 'entry vectors not refreshed')).toBe(true);
  expect(JSON.stringify(logs)).not.toContain(KEY);
  fake.mode = 'ok';
  expect(await ask(MISSED)).toEqual({ type: 'text', text: '镜片起雾' });
});

it('reads stored vectors at start: a restart needs the endpoint only for questions', async () => {
  await enable();
  await kb.semantic!.refresher.refresh();
  const before = fake.requests.length;
  const again = knowledgeModule(kb.service.store, {
    now: () => 5,
    newId: (p) => `${p}_x`,
    pollMs: 0,
    semantic: { store: semanticStore },
  });
  await again.service.start();
  await again.semantic!.refresher.refresh();
  expect(fake.requests).toHaveLength(before);
  await again.robot.prepare('ch1', undefined, MISSED);
  const a = await again.robot.answer({ type: 'text', text: MISSED }, ctx);
  expect(a).toMatchObject({ kind: 'answer', replies: [{ type: 'text', text: '镜片起雾' }] });
  await again.service.stop();
});
