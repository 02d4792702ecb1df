// The push-path benchmark's database-size case (no benchmark here): ours, JSON, on a fresh database and
// on one already holding a million messages (customers, ended conversations, inbox rows), written
// directly into the running, idle server's database: the state after months of use.
import BetterSqlite3 from 'better-sqlite3';
import { SqliteSearchIndex } from '../src/storage/sqlite-search-index';
import type { Row } from './push-path.bench';

const BATCH = 100_000;

export function prefill(dbFile: string, count: number): void {
  const db = new BetterSqlite3(dbFile);
  db.pragma('busy_timeout = 10000');
  const customer = db.prepare("INSERT INTO customers (id, channel_id, openid, data) VALUES (?, 'json', ?, '{}')");
  const conversation = db.prepare(
    "INSERT INTO conversations (id, channel_id, merchant_id, customer_id, state, created_at, data) VALUES (?, 'json', '', ?, 'ended', ?, '{}')",
  );
  const message = db.prepare(
    "INSERT INTO messages (id, channel_id, conversation_id, created_at, wechat_msg_id, data) VALUES (?, 'json', ?, ?, ?, ?)",
  );
  const inbox = db.prepare("INSERT INTO inbox (channel_id, dedupe_key, received_at, message, state) VALUES ('json', ?, ?, '{}', 'done')");
  const data = JSON.stringify({
    customerId: 'c',
    direction: 'in',
    sender: { kind: 'customer' },
    content: { type: 'text', text: '你好，请问这个商品什么时候发货？' },
  });
  for (let start = 0; start < count; start += BATCH) {
    db.transaction(() => {
      for (let i = start; i < Math.min(count, start + BATCH); i++) {
        const conv = `prefill-conv-${Math.floor(i / 50)}`;
        if (i % 50 === 0) {
          customer.run(`prefill-cust-${i / 50}`, `oPREFILL${i / 50}`);
          conversation.run(conv, `prefill-cust-${i / 50}`, i);
        }
        message.run(`prefill-msg-${String(i).padStart(8, '0')}`, conv, i, String(10n ** 18n + BigInt(i)), data);
        inbox.run(`m:${10n ** 18n + BigInt(i)}`, i);
      }
    })();
  }
  // A database in use for months has its messages' words indexed (the server catches up as it goes) and its
  // log checkpointed; without these the measurement would pay for them.
  new SqliteSearchIndex(db).catchUp();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** The JSON row twice: on an empty database, and on one pre-filled with `count` messages. */
export function bySizeRows(json: Row, count: number): Row[] {
  return [
    { ...json, name: 'ours JSON, empty database' },
    {
      ...json,
      name: `ours JSON, ${count.toLocaleString('en')} messages`,
      start: async () => {
        const side = await json.start();
        prefill(side.dbFile as string, count);
        return side;
      },
    },
  ];
}
