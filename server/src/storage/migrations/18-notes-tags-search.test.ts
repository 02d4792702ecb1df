// Step 18 indexes the words of the messages a database already holds (and of every message after), so a
// search finds a Chinese word inside a sentence written before the upgrade.
import BetterSqlite3 from 'better-sqlite3';
import { SqliteConversationSearch } from '../sqlite-conversation-search';
import { sqliteTransaction } from '../sqlite-unit-of-work';
import { migrations, runMigrations } from './runner';

const conversation = { channel_id: 'ch1', merchant_id: '', customer_id: 'cu1', state: 'ended', agent_id: null, queued_at: null };
const message = (id: string, conversationId: string, text: string) => [
  id,
  'ch1',
  conversationId,
  1000,
  JSON.stringify({ customerId: 'cu1', direction: 'in', sender: { kind: 'customer' }, content: { type: 'text', text } }),
];

it('upgrades a database at step 17: old and new messages are found by a word inside a sentence', async () => {
  const db = new BetterSqlite3(':memory:');
  runMigrations(db, migrations.slice(0, 17));
  const addConversation = db.prepare(
    `INSERT INTO conversations (id, channel_id, merchant_id, customer_id, state, agent_id, created_at, queued_at, data)
     VALUES (@id, @channel_id, @merchant_id, @customer_id, @state, @agent_id, @created_at, @queued_at, '{"remainingChain":[],"excludedAgentIds":[]}')`,
  );
  addConversation.run({ ...conversation, id: 'c-old', created_at: 1000 });
  addConversation.run({ ...conversation, id: 'c-new', created_at: 2000 });
  db.prepare('INSERT INTO messages (id, channel_id, conversation_id, created_at, data) VALUES (?, ?, ?, ?, ?)').run(
    ...message('m-old', 'c-old', '升级前：我想退货，谢谢'),
  );
  runMigrations(db);
  await sqliteTransaction(db).messages.add({
    id: 'm-new',
    channelId: 'ch1',
    conversationId: 'c-new',
    customerId: 'cu1',
    direction: 'in',
    sender: { kind: 'customer' },
    content: { type: 'voice', mediaId: 'v1', recognition: '升级后也要退货' },
    createdAt: 2000,
    wechatMsgId: 'w1',
  });
  const search = new SqliteConversationSearch(db);
  const found = async (text: string) => (await search.search({ channelId: 'ch1', text, limit: 10 })).map((h) => h.conversation.id);
  expect(await found('退货')).toEqual(['c-new', 'c-old']);
  expect(await found('我想退货')).toEqual(['c-old']);
  expect(await found('也要退货')).toEqual(['c-new']);
  db.close();
});
