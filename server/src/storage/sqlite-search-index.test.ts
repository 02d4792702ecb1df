// The message search's text is copied and its words indexed in batches, off the unit that stores a message: a
// search still finds every stored message, a timer catches up between searches, the copy is the text the
// trigger of step 18 wrote, an upgraded database copies and indexes nothing twice, and two connections
// catching up at once (the server and the command line) leave one copy and one index.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { MessageContent } from '../core/model/message';
import { openDatabase } from './database';
import { migrations, runMigrations } from './migrations/runner';
import { SqliteConversationSearch } from './sqlite-conversation-search';
import { SqliteSearchIndex } from './sqlite-search-index';
import { sqliteTransaction } from './sqlite-unit-of-work';

let dir: string;
const file = () => join(dir, 'kefu.db');
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-search-index-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function addConversation(db: Database, id: string): void {
  db.prepare(
    `INSERT INTO conversations (id, channel_id, merchant_id, customer_id, state, agent_id, created_at, queued_at, data)
     VALUES (?, 'ch1', '', 'cu1', 'ended', NULL, 1000, NULL, '{"remainingChain":[],"excludedAgentIds":[]}')`,
  ).run(id);
}

async function storeContent(db: Database, id: string, conversationId: string, content: MessageContent): Promise<void> {
  await sqliteTransaction(db).messages.add({
    id,
    channelId: 'ch1',
    conversationId,
    customerId: 'cu1',
    direction: 'in',
    sender: { kind: 'customer' },
    content,
    createdAt: 1000,
    wechatMsgId: `w-${id}`,
  });
}
const store = (db: Database, id: string, conversationId: string, text: string) =>
  storeContent(db, id, conversationId, { type: 'text', text });

/** The copied text rows, in the order they were copied. */
const texts = (db: Database) =>
  db.prepare('SELECT message_id, conversation_id, created_at, body FROM message_texts ORDER BY id').all() as { message_id: string }[];
const state = (db: Database) => db.prepare('SELECT copied_through, indexed_through FROM search_index_state').get();
/** Everything stored is copied and indexed: the progress stands at the newest message and the newest text. */
const caughtUp = (db: Database) =>
  db.prepare('SELECT (SELECT max(rowid) FROM messages) AS copied_through, (SELECT max(id) FROM message_texts) AS indexed_through').get();

/** The message_texts rows the trigram index itself returns for `words` (not the content table). */
const indexed = (db: Database, words: string) =>
  db.prepare('SELECT rowid FROM message_texts_fts WHERE message_texts_fts MATCH ?').pluck().all(`"${words}"`);

/** FTS5 compares its index with the content table and throws on any difference (a row twice or missing). */
const checkIndex = (db: Database) =>
  db.prepare("INSERT INTO message_texts_fts (message_texts_fts, rank) VALUES ('integrity-check', 1)").run();

const found = async (db: Database, text: string) =>
  (await new SqliteConversationSearch(db).search({ channelId: 'ch1', text, limit: 10 })).map((h) => h.conversation.id);

it('stores a message without copying or indexing its text, and a search catches up first so it finds it', async () => {
  const db = openDatabase(file());
  addConversation(db, 'c1');
  await store(db, 'm1', 'c1', '我想问退货流程怎么走');
  expect(texts(db)).toEqual([]);
  expect(indexed(db, '退货流程')).toEqual([]);
  expect(await found(db, '退货流程')).toEqual(['c1']);
  expect(texts(db)).toEqual([{ message_id: 'm1', conversation_id: 'c1', created_at: 1000, body: '我想问退货流程怎么走' }]);
  expect(indexed(db, '退货流程')).toHaveLength(1);
  expect(state(db)).toEqual(caughtUp(db));
  checkIndex(db);
  db.close();
});

it('copies the text the trigger of step 18 wrote, for every kind of message, in the order stored', async () => {
  const contents: MessageContent[] = [
    { type: 'text', text: '你好' },
    { type: 'image', mediaId: 'i1' },
    { type: 'voice', mediaId: 'v1', recognition: '语音识别的话' },
    { type: 'voice', mediaId: 'v2' },
    { type: 'link', title: '链接标题', description: '链接描述', url: 'https://example.com' },
    { type: 'miniprogrampage', title: '小程序页', pagePath: 'pages/a' },
    { type: 'file', title: '发票.pdf', fileKey: 'k1' },
    { type: 'location', latitude: '1', longitude: '2', label: '上海市' },
    { type: 'video', mediaId: 'vd1', title: '视频' },
  ];
  const byTrigger = new BetterSqlite3(join(dir, 'step25.db'));
  runMigrations(byTrigger, migrations.slice(0, 25));
  const byCatchUp = openDatabase(file());
  for (const db of [byTrigger, byCatchUp]) {
    addConversation(db, 'c1');
    for (const [i, content] of contents.entries()) await storeContent(db, `m${i}`, 'c1', content);
  }
  new SqliteSearchIndex(byCatchUp).catchUp();
  expect(texts(byCatchUp).map((t) => t.message_id)).toEqual(['m0', 'm2', 'm4', 'm5', 'm6', 'm7']);
  expect(texts(byCatchUp)).toEqual(texts(byTrigger));
  expect(state(byCatchUp)).toEqual(caughtUp(byCatchUp));
  checkIndex(byCatchUp);
  byTrigger.close();
  byCatchUp.close();
});

it('catches up on a timer between searches, many messages in chunks', async () => {
  const db = openDatabase(file());
  addConversation(db, 'c1');
  for (let i = 0; i < 1200; i++) await store(db, `m${String(i).padStart(5, '0')}`, 'c1', `第${i}号消息 发票抬头`);
  expect(texts(db)).toEqual([]);
  const stop = new SqliteSearchIndex(db).start(5);
  try {
    const end = Date.now() + 5000;
    while (indexed(db, '发票抬头').length < 1200 && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    expect(indexed(db, '发票抬头')).toHaveLength(1200);
    expect(texts(db)).toHaveLength(1200);
    expect(state(db)).toEqual(caughtUp(db));
    checkIndex(db);
  } finally {
    stop();
    db.close();
  }
});

it('upgrades a database at step 24: what was indexed stays indexed once, new messages are indexed in batches', async () => {
  const db = new BetterSqlite3(file());
  runMigrations(db, migrations.slice(0, 24));
  addConversation(db, 'c-old');
  addConversation(db, 'c-new');
  await store(db, 'm-old', 'c-old', '升级前：我想退货，谢谢');
  runMigrations(db);
  await store(db, 'm-new', 'c-new', '升级后也要退货');
  expect(indexed(db, '升级前')).toHaveLength(1);
  expect(indexed(db, '升级后')).toEqual([]);
  expect(await found(db, '要退货')).toEqual(['c-new']);
  expect(await found(db, '想退货')).toEqual(['c-old']);
  checkIndex(db);
  db.close();
});

it('upgrades a database at step 25: texts the trigger copied are not copied again, messages after it are', async () => {
  const db = new BetterSqlite3(file());
  runMigrations(db, migrations.slice(0, 25));
  addConversation(db, 'c-old');
  addConversation(db, 'c-new');
  await store(db, 'm-old1', 'c-old', '升级前：我想退货，谢谢');
  await store(db, 'm-old2', 'c-old', '升级前：第二条');
  // What step 25's catch-up did: index what the trigger copied.
  db.exec(`INSERT INTO message_texts_fts (rowid, body) SELECT id, body FROM message_texts;
           UPDATE search_index_state SET indexed_through = (SELECT max(id) FROM message_texts)`);
  await store(db, 'm-old3', 'c-old', '升级前：还没索引');
  runMigrations(db);
  expect(state(db)).toEqual({ copied_through: 3, indexed_through: 2 });
  await store(db, 'm-new', 'c-new', '升级后也要退货');
  expect(texts(db).map((t) => t.message_id)).toEqual(['m-old1', 'm-old2', 'm-old3']);
  expect(await found(db, '要退货')).toEqual(['c-new']);
  expect(await found(db, '想退货')).toEqual(['c-old']);
  expect(await found(db, '还没索引')).toEqual(['c-old']);
  expect(texts(db).map((t) => t.message_id)).toEqual(['m-old1', 'm-old2', 'm-old3', 'm-new']);
  expect(indexed(db, '升级前')).toHaveLength(3);
  expect(state(db)).toEqual(caughtUp(db));
  checkIndex(db);
  db.close();
});

it('an idle database takes no write lock: catching up with nothing new works while another connection writes', async () => {
  const db = openDatabase(file());
  const writer = openDatabase(file());
  addConversation(db, 'c1');
  await store(db, 'm1', 'c1', '我想问退货流程怎么走');
  const index = new SqliteSearchIndex(db);
  index.catchUp();
  writer.exec('BEGIN IMMEDIATE'); // an IMMEDIATE transaction here would fail as busy
  try {
    expect(() => index.catchUp()).not.toThrow();
  } finally {
    writer.exec('ROLLBACK');
  }
  await store(db, 'm2', 'c1', '还有一个问题');
  writer.exec('BEGIN IMMEDIATE');
  try {
    expect(() => index.catchUp()).toThrow(/busy|locked/i); // something new: it does take the lock
  } finally {
    writer.exec('ROLLBACK');
  }
  writer.close();
  db.close();
});

it('two connections catching up in turn index each message once', async () => {
  const server = openDatabase(file());
  const cli = openDatabase(file());
  addConversation(server, 'c1');
  const serverIndex = new SqliteSearchIndex(server);
  const cliIndex = new SqliteSearchIndex(cli);
  for (let i = 0; i < 300; i++) {
    await store(i % 2 ? server : cli, `m${String(i).padStart(5, '0')}`, 'c1', `订单${i} 物流停了`);
    if (i % 7 === 0) (i % 3 ? serverIndex : cliIndex).catchUp();
  }
  cliIndex.catchUp();
  serverIndex.catchUp();
  expect(indexed(server, '物流停了')).toHaveLength(300);
  expect(texts(server).map((t) => t.message_id)).toEqual(Array.from({ length: 300 }, (_, i) => `m${String(i).padStart(5, '0')}`));
  expect(state(server)).toEqual(caughtUp(server));
  checkIndex(server);
  cli.close();
  server.close();
});
