// PostgreSQL adapters of the small repositories: customers, messages, merchants and routing settings
// (agents, skill groups and work calendars: pg-scoped-records.ts). Rows are those of SQLite
// (record-codec.ts); every call runs on the unit of work's client, inside its transaction.
import type { Customer } from '../../core/model/customer';
import type { Merchant } from '../../core/model/merchant';
import type { Delivery, Message } from '../../core/model/message';
import type { RoutingSettingsPatch } from '../../core/model/routing-settings';
import type {
  CustomerRepository,
  MerchantRepository,
  MessageListQuery,
  MessageRepository,
  SettingsRepository,
} from '../../core/ports/repositories';
import type { ConfigCache } from '../config-cache';
import { merchantKey, parseJson, restAsJson } from '../record-codec';
import { keyOf, UnitCache, type UnitMap } from '../unit-cache';
import type { Queryable } from './pool';
import { writeOn } from './pg-write-behind';
import type { ReadAhead } from './pg-read-ahead';
import { CUSTOMER_COLUMNS, customerOf } from './pg-customer-row';
import { messageFromRow, messageToRow } from '../message-row';
import { CUSTOMER_UNION_ID } from './migrations/11-customer-history';
import { lookAgainValues, PG_LOOK_AGAIN_AT_TIMERS } from '../timer-look-again';

export async function one<R extends object, T>(db: Queryable, sql: string, values: unknown[], map: (row: R) => T): Promise<T | undefined> {
  const { rows } = await db.query<R & Record<string, unknown>>(sql, values);
  return rows[0] && map(rows[0]);
}

export async function all<R extends object, T>(db: Queryable, sql: string, values: unknown[], map: (row: R) => T): Promise<T[]> {
  const { rows } = await db.query<R & Record<string, unknown>>(sql, values);
  return rows.map(map);
}

export class PgCustomers implements CustomerRepository {
  /** Within one unit (pg-transaction-scope.ts): customers by id and by (channel, openid). */
  private readonly byId: UnitMap<Promise<Customer | undefined>>;
  private readonly byOpenid: UnitMap<Promise<Customer | undefined>>;

  /** `ahead`: what the batch read ahead (pg-read-ahead.ts), consulted before the database. */
  constructor(
    private readonly db: Queryable,
    cache: UnitCache = new UnitCache(),
    private readonly ahead?: ReadAhead,
  ) {
    this.byId = cache.map();
    this.byOpenid = cache.map();
  }

  get(id: string): Promise<Customer | undefined> {
    return this.byId.read(id, () => one(this.db, 'SELECT * FROM customers WHERE id = $1', [id], customerOf));
  }

  findByOpenid(channelId: string, openid: string): Promise<Customer | undefined> {
    return this.byOpenid.read(keyOf(channelId, openid), async () => {
      const known = this.ahead?.customer(channelId, openid);
      const c = known
        ? known.value
        : await one(this.db, 'SELECT * FROM customers WHERE channel_id = $1 AND openid = $2', [channelId, openid], customerOf);
      if (c) this.byId.set(c.id, Promise.resolve(c));
      return c;
    });
  }

  /** ON CONFLICT (id): a clash on (channel_id, openid) with another id fails instead of replacing it. */
  async save(c: Customer): Promise<void> {
    await writeOn(this.db, {
      sql: `INSERT INTO customers (id, channel_id, openid, data) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET channel_id = excluded.channel_id, openid = excluded.openid, data = excluded.data`,
      values: [c.id, c.channelId, c.openid, restAsJson(c, CUSTOMER_COLUMNS)],
      table: 'customers',
      key: c.id,
    });
    this.ahead?.savedCustomer(c);
    this.byOpenid.clear(); // its (channel, openid) may have been another's before
    this.byId.set(c.id, Promise.resolve(c));
    this.byOpenid.set(keyOf(c.channelId, c.openid), Promise.resolve(c));
  }

  /** The expression is the customer-history index's (migration 10). */
  listByUnionId(unionId: string): Promise<Customer[]> {
    return all(this.db, `SELECT * FROM customers WHERE ${CUSTOMER_UNION_ID} = $1 ORDER BY id`, [unionId], customerOf);
  }
}

export class PgMessages implements MessageRepository {
  constructor(
    private readonly db: Queryable,
    private readonly ahead?: ReadAhead,
  ) {}

  get(id: string): Promise<Message | undefined> {
    return one(this.db, 'SELECT * FROM messages WHERE id = $1', [id], messageFromRow);
  }

  /** The UNIQUE (channel_id, wechat_msg_id) key makes a second insert of one push fail in the database. */
  async add(m: Message): Promise<void> {
    const r = messageToRow(m);
    await writeOn(this.db, {
      sql: `INSERT INTO messages (id, channel_id, conversation_id, created_at, wechat_msg_id, delivery, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      values: [r.id, r.channel_id, r.conversation_id, r.created_at, r.wechat_msg_id, r.delivery, r.data],
      table: 'messages',
    });
    this.ahead?.stored(m);
  }

  findByWechatMsgId(channelId: string, wechatMsgId: string): Promise<Message | undefined> {
    const known = this.ahead?.message(channelId, wechatMsgId);
    if (known) return Promise.resolve(known.value);
    return one(this.db, 'SELECT * FROM messages WHERE channel_id = $1 AND wechat_msg_id = $2', [channelId, wechatMsgId], messageFromRow);
  }

  /** The newest `limit` before the cut (NULL: no limit), put oldest first. */
  listByConversation(conversationId: string, query?: MessageListQuery): Promise<Message[]> {
    return all(
      this.db,
      `SELECT * FROM (SELECT * FROM messages WHERE conversation_id = $1 AND created_at < $2
         ORDER BY created_at DESC, id DESC LIMIT $3) AS newest ORDER BY created_at, id`,
      [conversationId, query?.before ?? Number.MAX_SAFE_INTEGER, query?.limit ?? null],
      messageFromRow,
    );
  }

  /** One index seek per conversation (messages_by_conversation walked from its end). */
  async lastOfConversations(conversationIds: readonly string[]): Promise<Message[]> {
    if (conversationIds.length === 0) return [];
    return all(
      this.db,
      `SELECT m.* FROM unnest($1::text[]) AS c(id) CROSS JOIN LATERAL
         (SELECT * FROM messages WHERE conversation_id = c.id ORDER BY created_at DESC, id DESC LIMIT 1) AS m`,
      [conversationIds],
      messageFromRow,
    );
  }

  async setDelivery(id: string, delivery: Delivery): Promise<void> {
    await this.db.query('UPDATE messages SET delivery = $1 WHERE id = $2', [JSON.stringify(delivery), id]);
  }
}

interface MerchantRow {
  id: string;
  channel_id: string;
  code: string;
  data: string;
}

const merchantOfRow = (r: MerchantRow): Merchant =>
  ({ id: r.id, channelId: r.channel_id, code: r.code, ...parseJson<object>(r.data) }) as Merchant;

export class PgMerchants implements MerchantRepository {
  constructor(private readonly db: Queryable) {}

  get(id: string): Promise<Merchant | undefined> {
    return one(this.db, 'SELECT * FROM merchants WHERE id = $1', [id], merchantOfRow);
  }

  findByCode(channelId: string, code: string): Promise<Merchant | undefined> {
    return one(this.db, 'SELECT * FROM merchants WHERE channel_id = $1 AND code = $2', [channelId, code], merchantOfRow);
  }

  async save(m: Merchant): Promise<void> {
    await this.db.query(
      `INSERT INTO merchants (id, channel_id, code, data) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET channel_id = excluded.channel_id, code = excluded.code, data = excluded.data`,
      [m.id, m.channelId, m.code, restAsJson(m, ['id', 'channelId', 'code'])],
    );
  }

  async remove(id: string): Promise<void> {
    await this.db.query('DELETE FROM merchants WHERE id = $1', [id]);
  }

  listByChannel(channelId: string): Promise<Merchant[]> {
    return all(this.db, 'SELECT * FROM merchants WHERE channel_id = $1 ORDER BY id', [channelId], merchantOfRow);
  }
}

export class PgSettings implements SettingsRepository {
  /** Kept for the transaction while the unit of work has `config` open (pg-transaction-scope.ts). */
  constructor(
    private readonly db: Queryable,
    private readonly config?: ConfigCache,
  ) {}

  get(channelId: string, merchantId: string | undefined): Promise<RoutingSettingsPatch | undefined> {
    const load = () =>
      one(
        this.db,
        'SELECT data FROM routing_settings WHERE channel_id = $1 AND merchant_id = $2',
        [channelId, merchantKey(merchantId)],
        (r: { data: string }) => parseJson<RoutingSettingsPatch>(r.data),
      );
    return this.config ? this.config.read('routing_settings', keyOf(channelId, merchantKey(merchantId)), load) : load();
  }

  async save(channelId: string, merchantId: string | undefined, settings: RoutingSettingsPatch): Promise<void> {
    await this.db.query(
      `INSERT INTO routing_settings (channel_id, merchant_id, data) VALUES ($1, $2, $3)
       ON CONFLICT (channel_id, merchant_id) DO UPDATE SET data = excluded.data`,
      [channelId, merchantKey(merchantId), JSON.stringify(settings)],
    );
    await this.db.query(PG_LOOK_AGAIN_AT_TIMERS, lookAgainValues(channelId, merchantId)); // the timers they set
    this.config?.wrote('routing_settings');
  }
}
