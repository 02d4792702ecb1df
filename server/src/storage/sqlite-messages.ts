// SQLite adapter of MessageRepository. WeChat's MsgId is unique per channel by a UNIQUE key, so a
// second insert of the same push fails inside the database, whatever the caller checked before.
import type { Database, Statement } from 'better-sqlite3';
import type { Delivery, Message } from '../core/model/message';
import type { MessageListQuery, MessageRepository } from '../core/ports/repositories';
import { optional, parseJson, restAsJson } from './record-codec';
import { keyOf, UnitCache, type UnitMap } from './unit-cache';

interface Row {
  id: string;
  channel_id: string;
  conversation_id: string;
  created_at: number;
  wechat_msg_id: string | null;
  delivery: string | null;
  data: string;
}

const COLUMNS = ['id', 'channelId', 'conversationId', 'createdAt', 'wechatMsgId', 'delivery'] as const;

function fromRow(r: Row): Message {
  return {
    id: r.id,
    channelId: r.channel_id,
    conversationId: r.conversation_id,
    createdAt: r.created_at,
    ...optional('wechatMsgId', r.wechat_msg_id),
    ...optional('delivery', r.delivery === null ? null : parseJson<Delivery>(r.delivery)),
    ...parseJson<Omit<Message, (typeof COLUMNS)[number]>>(r.data),
  };
}

/** No LIMIT in SQLite is LIMIT -1; no `before` is "before the end of time". */
const NO_LIMIT = -1;
const END_OF_TIME = Number.MAX_SAFE_INTEGER;

export class SqliteMessages implements MessageRepository {
  private readonly byId: Statement<[string], Row>;
  private readonly byMsgId: Statement<[string, string], Row>;
  private readonly insert: Statement<[Row]>;
  private readonly lastOf: Statement<[string, number, number], Row>;
  private readonly newestOf: Statement<[string], Row>;
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
    return row && fromRow(row);
  }

  async add(m: Message): Promise<void> {
    this.insert.run({
      id: m.id,
      channel_id: m.channelId,
      conversation_id: m.conversationId,
      created_at: m.createdAt,
      wechat_msg_id: m.wechatMsgId ?? null,
      delivery: m.delivery === undefined ? null : JSON.stringify(m.delivery),
      data: restAsJson(m, COLUMNS),
    });
    if (m.wechatMsgId !== undefined) this.byPush.set(keyOf(m.channelId, m.wechatMsgId), m);
  }

  async findByWechatMsgId(channelId: string, wechatMsgId: string): Promise<Message | undefined> {
    return this.byPush.read(keyOf(channelId, wechatMsgId), () => {
      const row = this.byMsgId.get(channelId, wechatMsgId);
      return row && fromRow(row);
    });
  }

  async listByConversation(conversationId: string, query?: MessageListQuery): Promise<Message[]> {
    return this.lastOf.all(conversationId, query?.before ?? END_OF_TIME, query?.limit ?? NO_LIMIT).map(fromRow);
  }

  async lastOfConversations(conversationIds: readonly string[]): Promise<Message[]> {
    if (conversationIds.length === 0) return [];
    return this.newestOf.all(JSON.stringify(conversationIds)).map(fromRow);
  }

  async setDelivery(id: string, delivery: Delivery): Promise<void> {
    this.updateDelivery.run(JSON.stringify(delivery), id);
    this.byPush.clear(); // the message may be one of those kept
  }
}
