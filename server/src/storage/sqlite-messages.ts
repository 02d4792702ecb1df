// SQLite adapter of MessageRepository. WeChat's MsgId is unique per channel by a UNIQUE key, so a
// second insert of the same push fails inside the database, whatever the caller checked before.
import type { Database, Statement } from 'better-sqlite3';
import type { Delivery, Message } from '../core/model/message';
import type { MessageListQuery, MessageRepository } from '../core/ports/repositories';
import { messageFromRow, messageToRow, type MessageRow } from './message-row';
import { keyOf, UnitCache, type UnitMap } from './unit-cache';

/** No LIMIT in SQLite is LIMIT -1; no `before` is "before the end of time". */
const NO_LIMIT = -1;
const END_OF_TIME = Number.MAX_SAFE_INTEGER;

export class SqliteMessages implements MessageRepository {
  private readonly byId: Statement<[string], MessageRow>;
  private readonly byMsgId: Statement<[string, string], MessageRow>;
  private readonly insert: Statement<[MessageRow]>;
  private readonly lastOf: Statement<[string, number, number], MessageRow>;
  private readonly newestOf: Statement<[string], MessageRow>;
  private readonly updateDelivery: Statement<[string, string]>;
  /** Within one unit: findByWechatMsgId's answers (misses too), and the messages added with a MsgId. */
  private readonly byPush: UnitMap<Message | undefined>;

  /** Without a cache opened by the unit of work, every call reads the database. */
  constructor(db: Database, cache: UnitCache = new UnitCache()) {
    this.byId = db.prepare('SELECT * FROM messages WHERE id = ?');
    this.byMsgId = db.prepare('SELECT * FROM messages WHERE channel_id = ? AND wechat_msg_id = ?');
    this.insert = db.prepare(
      `INSERT INTO messages (id, channel_id, conversation_id, created_at, wechat_msg_id, delivery, data)
       VALUES (@id, @channel_id, @conversation_id, @created_at, @wechat_msg_id, @delivery, @data)`,
    );
    // The newest `limit` before the cut, walked backwards on the index, then put oldest first.
    this.lastOf = db.prepare(
      `SELECT * FROM (SELECT * FROM messages WHERE conversation_id = ? AND created_at < ? ORDER BY created_at DESC, id DESC LIMIT ?)
       ORDER BY created_at, id`,
    );
    // One index seek per conversation (messages_by_conversation, walked from its end).
    this.newestOf = db.prepare(
      `SELECT m.* FROM json_each(?) AS c
       JOIN messages AS m ON m.id = (SELECT id FROM messages WHERE conversation_id = c.value ORDER BY created_at DESC, id DESC LIMIT 1)`,
    );
    this.updateDelivery = db.prepare('UPDATE messages SET delivery = ? WHERE id = ?');
    this.byPush = cache.map();
  }

  async get(id: string): Promise<Message | undefined> {
    const row = this.byId.get(id);
    return row && messageFromRow(row);
  }

  async add(m: Message): Promise<void> {
    this.insert.run(messageToRow(m));
    if (m.wechatMsgId !== undefined) this.byPush.set(keyOf(m.channelId, m.wechatMsgId), m);
  }

  async findByWechatMsgId(channelId: string, wechatMsgId: string): Promise<Message | undefined> {
    return this.byPush.read(keyOf(channelId, wechatMsgId), () => {
      const row = this.byMsgId.get(channelId, wechatMsgId);
      return row && messageFromRow(row);
    });
  }

  async listByConversation(conversationId: string, query?: MessageListQuery): Promise<Message[]> {
    return this.lastOf.all(conversationId, query?.before ?? END_OF_TIME, query?.limit ?? NO_LIMIT).map(messageFromRow);
  }

  async lastOfConversations(conversationIds: readonly string[]): Promise<Message[]> {
    if (conversationIds.length === 0) return [];
    return this.newestOf.all(JSON.stringify(conversationIds)).map(messageFromRow);
  }

  async setDelivery(id: string, delivery: Delivery): Promise<void> {
    this.updateDelivery.run(JSON.stringify(delivery), id);
    this.byPush.clear(); // the message may be one of those kept
  }
}
