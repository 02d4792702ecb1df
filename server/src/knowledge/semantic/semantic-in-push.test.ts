// The semantic stage through the push path: `processInboxEntries` lets the robot prepare the chunk's
// questions (their embeddings) before any unit of work opens, so a ranked question is re-ranked end to
// end while no request to the endpoint is ever made with a unit open, and a slow endpoint only delays
// the preparation, within the channel's budget.
import { processInboxEntries } from '../../app/process-inbox-entry';
import { CHANNEL, engineFixture, textPush, type EngineFixture } from '../../app/testing/engine-fixture';
import type { Inbox, InboxEntry } from '../../core/ports/inbox';
import type { Transaction, UnitOfWork } from '../../core/ports/unit-of-work';
import { openDatabase } from '../../storage/database';
import { SecretBox } from '../../storage/secret-box';
import { SqliteKnowledgeStore } from '../../storage/sqlite-knowledge';
import { SqliteSemanticStore } from '../../storage/sqlite-semantic-store';
import type { EntryFields } from '../entry';
import { knowledgeModule } from '../knowledge-module';
import { startFakeEmbeddings, type FakeEmbeddings } from './testing/fake-embeddings';

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
// A lexical tie between entries 1 and 2 (one keyword of each; 买 is neither's word); by meaning (the
// characters of entry 2's answer), entry 2. Not 谁出: entry 2's answer says it, which lexically decides.
const AMBIGUOUS = '运费退货买';

let fake: FakeEmbeddings;
let kb: ReturnType<typeof knowledgeModule>;
let fx: EngineFixture;
/** Requests the fake endpoint received while a unit of work was open. */
let requestsInUnits: number;
let entries = 0;

beforeEach(async () => {
  fake = await startFakeEmbeddings();
  const db = openDatabase(':memory:');
  const semantic = { store: new SqliteSemanticStore(db, new SecretBox(new Uint8Array(32).fill(7))) };
  kb = knowledgeModule(new SqliteKnowledgeStore(db), { now: () => 5, newId: (p) => `${p}_x`, pollMs: 0, semantic });
  await kb.service.start();
  await kb.semantic!.refresher.start();
  await kb.service.create({ channelId: CHANNEL }, text(1, ['退货'], '七天无理由退货'));
  await kb.service.create({ channelId: CHANNEL }, text(2, ['运费'], '运费由买家承担谁出'));
  // The lexical scores of these tiny entries sit just above 0.55: the questions below are about the stage, not the default.
  await kb.service.saveSettings({ channelId: CHANNEL }, { handoffAfterMisses: 3, threshold: 0.55 });
  fx = engineFixture();
  await fx.settings({ receptionMode: 'robot_first' });
  requestsInUnits = 0;
});
afterEach(async () => {
  kb.semantic!.refresher.stop();
  await kb.service.stop();
  await fake.close();
});

const enable = async (timeoutMs = 300) => {
  await kb.semantic!.settings.save(CHANNEL, { enabled: true, url: fake.url, model: 'fake-64', timeoutMs, apiKey: 'sk-x' });
  await kb.semantic!.refresher.refresh();
};

/** The engine with the knowledge robot, its units watched for requests made while they are open. */
function watchedUnits(): UnitOfWork {
  const run = <T>(work: (tx: Transaction) => Promise<T>) =>
    fx.store.run(async (tx) => {
      const before = fake.requests.length;
      const out = await work(tx);
      requestsInUnits += fake.requests.length - before;
      return out;
    });
  return { run };
}

async function push(openid: string, question: string): Promise<void> {
  const inbox: Inbox = {
    accept: async () => 'stored',
    pending: async () => [],
    markDone: async () => undefined,
    markFailed: async () => undefined,
    removeProcessed: async () => ({ removed: 0 }),
  };
  const entry: InboxEntry = { id: `in${++entries}`, channelId: CHANNEL, message: textPush(openid, question), receivedAt: 1, attempts: 0 };
  const engine = { ...fx.deps, uow: watchedUnits(), robot: kb.robot };
  const failures = await processInboxEntries({ engine, inbox, channelOf: async () => ({ kind: 'miniprogram' }) }, [entry]);
  expect(failures).toEqual([]);
}

it('re-ranks a ranked question by meaning, the embedding fetched before the unit of work', async () => {
  await push('u1', AMBIGUOUS);
  expect(fx.sentTexts('u1')).toEqual([expect.stringMatching(/^猜你想问/)]); // the stage is off: lexical, a question back
  await enable();
  fake.requests = [];
  await push('u2', AMBIGUOUS);
  expect(fx.sentTexts('u2')).toEqual(['运费由买家承担谁出']);
  expect(fake.requests.flatMap((r) => r.input)).toEqual([AMBIGUOUS]);
  expect(requestsInUnits).toBe(0);
});

it('a slow endpoint delays only the preparation, within its budget; the answer is lexical', async () => {
  await enable(100);
  fake.mode = 'slow';
  const started = Date.now();
  await push('u1', AMBIGUOUS);
  expect(Date.now() - started).toBeLessThan(600);
  expect(fx.sentTexts('u1')).toEqual([expect.stringMatching(/^猜你想问/)]);
  expect(requestsInUnits).toBe(0);
});
