// The message search's words are indexed in batches, off the unit that stores a message: a search still
// finds every stored message, a timer catches up between searches, an upgraded database indexes nothing
// twice, and two connections catching up at once (the server and the command line) leave one index.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
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

async function store(db: Database, id: string, conversationId: string, text: string): Promise<void> {
  await sqliteTransaction(db).messages.add({
    id,
    channelId: 'ch1',
    conversationId,
    customerId: 'cu1',
    direction: 'in',
    sender: { kind: 'customer' },
    content: { type: 'text', text },
    createdAt: 1000,
    wechatMsgId: `w-${id}`,
  });
}

/** The message_texts rows the trigram index itself returns for `words` (not the content table). */
const indexed = (db: Database, words: string) =>
  db.prepare('SELECT rowid FROM message_texts_fts WHERE message_texts_fts MATCH ?').pluck().all(`"${words}"`);

/** FTS5 compares its index with the content table and throws on any difference (a row twice or missing). */
const checkIndex = (db: Database) =>
  db.prepare("INSERT INTO message_texts_fts (message_texts_fts, rank) VALUES ('integrity-check', 1)").run();

const found = async (db: Database, text: string) =>
  (await new SqliteConversationSearch(db).search({ channelId: 'ch1', text, limit: 10 })).map((h) => h.conversation.id);

it('stores a message without indexing it, and a search catches up first so it finds it', async () => {
  const db = openDatabase(file());
  addConversation(db, 'c1');
  await store(db, 'm1', 'c1', '我想问退货流程怎么走');
  expect(indexed(db, '退货流程')).toEqual([]);
  expect(await found(db, '退货流程')).toEqual(['c1']);
  expect(indexed(db, '退货流程')).toHaveLength(1);
  checkIndex(db);
  db.close();
});

it('catches up on a timer between searches, many messages in chunks', async () => {
  const db = openDatabase(file());
  addConversation(db, 'c1');
  for (let i = 0; i < 1200; i++) await store(db, `m${String(i).padStart(5, '0')}`, 'c1', `第${i}号消息 发票抬头`);
  const stop = new SqliteSearchIndex(db).start(5);
  try {
    const end = Date.now() + 5000;
    while (indexed(db, '发票抬头').length < 1200 && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    expect(indexed(db, '发票抬头')).toHaveLength(1200);
    expect(db.prepare('SELECT indexed_through FROM search_index_state').pluck().get()).toBe(
      db.prepare('SELECT max(id) FROM message_texts').pluck().get(),
    );
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
  checkIndex(server);
  cli.close();
  server.close();
});
